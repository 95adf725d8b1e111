-- Serial numbers in the boxes of orders, from station events: a serial of a SKU counted in one order and then
-- in another is a copied label or a unit that came back, and the hub refuses or flags it.
CREATE TABLE packed_serial (
  sku        TEXT NOT NULL,
  serial     TEXT NOT NULL,
  order_id   TEXT NOT NULL,
  station_id TEXT NOT NULL,
  at         TEXT NOT NULL,
  PRIMARY KEY (sku, serial, order_id)
);
CREATE INDEX packed_serial_order ON packed_serial (order_id);

-- Orders flagged because a scan counted a serial already packed in another order; such an order stays
-- EXCEPTION when its completion arrives.
CREATE TABLE serial_reuse (
  order_id       TEXT NOT NULL,
  sku            TEXT NOT NULL,
  serial         TEXT NOT NULL,
  other_order_id TEXT NOT NULL,
  station_id     TEXT NOT NULL,
  event_id       TEXT NOT NULL,
  at             TEXT NOT NULL,
  PRIMARY KEY (order_id, sku, serial)
);
