-- One owner per scannable code. code_key is the key a station finds the code under: its GTIN-14 (an 8-digit
-- code may have two, as EAN-8 and as UPC-E), or the code itself when it is no GTIN. So an EAN-13 and its
-- GTIN-14 form are one key, and two items can never share a barcode. Filled from the items at start.
CREATE TABLE item_barcode (
  code_key TEXT PRIMARY KEY,
  sku      TEXT NOT NULL,
  code     TEXT NOT NULL
);
CREATE INDEX item_barcode_sku ON item_barcode (sku);

-- The lines of each version of an order, so the hub counts a box packed against an older version as the
-- station did (units taken out or let in as extras when the order shrank). Commands raise the version
-- without changing lines: a version's lines are those of the newest row at or below it.
CREATE TABLE order_lines_version (
  order_id TEXT NOT NULL,
  version  INTEGER NOT NULL,
  lines    TEXT NOT NULL,
  PRIMARY KEY (order_id, version)
) WITHOUT ROWID;
INSERT INTO order_lines_version (order_id, version, lines) SELECT id, version, lines FROM pack_order;

-- Orders completed after a supervisor override in the same box.
ALTER TABLE rollup_hour ADD COLUMN overridden INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rollup_day ADD COLUMN overridden INTEGER NOT NULL DEFAULT 0;

-- Wrong-item scans while the SKU was the only open line (count: while it was one of the open lines).
ALTER TABLE rollup_pair_hour ADD COLUMN sole INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rollup_pair_day ADD COLUMN sole INTEGER NOT NULL DEFAULT 0;
