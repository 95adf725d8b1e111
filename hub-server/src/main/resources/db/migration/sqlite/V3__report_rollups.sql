-- Roll-ups for the supervisor dashboard, written in the same transaction as the event they count, and only
-- for a newly stored event, so they follow the event dedup and never drift from station_event.
-- Time buckets are whole hours (hour = epoch seconds / 3600) and whole UTC days (day = epoch seconds / 86400),
-- taken from the event's own time. A query reads the day rows for the whole days of its range and the hour rows
-- for its ragged ends, so a week is 7 day rows per key instead of 168 hour rows.
-- dim: 'station', 'packer', 'sku', or 'all' (key '') for the floor as a whole.
CREATE TABLE rollup_hour (
  dim        TEXT NOT NULL,
  key        TEXT NOT NULL,
  hour       INTEGER NOT NULL,
  scans      INTEGER NOT NULL DEFAULT 0,
  mismatches INTEGER NOT NULL DEFAULT 0,
  completed  INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (dim, hour, key)
) WITHOUT ROWID;

CREATE TABLE rollup_day (
  dim        TEXT NOT NULL,
  key        TEXT NOT NULL,
  day        INTEGER NOT NULL,
  scans      INTEGER NOT NULL DEFAULT 0,
  mismatches INTEGER NOT NULL DEFAULT 0,
  completed  INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (dim, day, key)
) WITHOUT ROWID;

-- Mismatches by kind: the mismatch verdicts, UNKNOWN_CODE, and SHORTED for a declared short.
CREATE TABLE rollup_kind_hour (
  kind  TEXT NOT NULL,
  hour  INTEGER NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (hour, kind)
) WITHOUT ROWID;

CREATE TABLE rollup_kind_day (
  kind  TEXT NOT NULL,
  day   INTEGER NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (day, kind)
) WITHOUT ROWID;

-- WRONG_ITEM scans: what the order wanted against what was scanned.
CREATE TABLE rollup_pair_hour (
  expected_sku TEXT NOT NULL,
  scanned_sku  TEXT NOT NULL,
  hour         INTEGER NOT NULL,
  count        INTEGER NOT NULL,
  PRIMARY KEY (hour, expected_sku, scanned_sku)
) WITHOUT ROWID;

CREATE TABLE rollup_pair_day (
  expected_sku TEXT NOT NULL,
  scanned_sku  TEXT NOT NULL,
  day          INTEGER NOT NULL,
  count        INTEGER NOT NULL,
  PRIMARY KEY (day, expected_sku, scanned_sku)
) WITHOUT ROWID;

-- Supervisor overrides, one row per OVERRIDE event.
CREATE TABLE override_log (
  hub_seq     INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  station_id  TEXT NOT NULL,
  packer      TEXT,
  supervisor  TEXT,
  order_id    TEXT,
  reason_code TEXT,
  reason      TEXT NOT NULL
);
CREATE INDEX override_log_at ON override_log (at);

-- Last event per station, for station health without reading station_event.
ALTER TABLE station_state ADD COLUMN last_event_at TEXT;

-- Orders still to verify, by ship-by: the at-risk list reads this index in order.
CREATE INDEX pack_order_open_ship_by ON pack_order (ship_by)
  WHERE ship_by IS NOT NULL AND status IN ('OPEN', 'IN_PROGRESS', 'EXCEPTION', 'ON_HOLD');
