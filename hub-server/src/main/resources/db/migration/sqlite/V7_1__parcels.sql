-- Shipping labels an order lists (tracking numbers or SSCCs), as sent, kept with the order so it round-trips.
ALTER TABLE pack_order ADD COLUMN labels TEXT NOT NULL DEFAULT '[]';

-- One order per label: label_key is the label's canonical form (spaces and dashes gone, upper case, an SSCC
-- without its 00, a FedEx or IMpb barcode reduced to its tracking number), so two spellings are one label.
-- A cancelled order's labels are free again: a later order may list them.
CREATE TABLE order_label (
  label_key TEXT PRIMARY KEY,
  order_id  TEXT NOT NULL,
  label     TEXT NOT NULL
);
CREATE INDEX order_label_order ON order_label (order_id);

-- The site's box catalogue: stations get it on the feed (change_seq shares the counter of items and orders).
CREATE TABLE box (
  code       TEXT PRIMARY KEY,
  body       TEXT NOT NULL,
  change_seq INTEGER NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX box_change ON box (change_seq);

-- Parcels as the stations closed them, from PARCEL_CLOSED events. A parcel number of an order is the latest
-- closing of it: the order packed again (opened again, or cancelled at the station) drops its parcels first.
-- label_key is the canonical label (null when the parcel had none); a label found here belongs to its order,
-- also when the order listed none and the station bound the label it was given.
CREATE TABLE parcel (
  order_id        TEXT NOT NULL,
  number          INTEGER NOT NULL,
  station_id      TEXT NOT NULL,
  packer          TEXT,
  event_id        TEXT NOT NULL UNIQUE,
  box             TEXT,
  label           TEXT,
  label_key       TEXT,
  items           TEXT NOT NULL,
  weight_grams    REAL,
  expected_grams  REAL,
  tolerance_grams REAL,
  supervisor      TEXT,
  override_reason TEXT,
  closed_at       TEXT NOT NULL,
  PRIMARY KEY (order_id, number)
);
CREATE INDEX parcel_label ON parcel (label_key);
