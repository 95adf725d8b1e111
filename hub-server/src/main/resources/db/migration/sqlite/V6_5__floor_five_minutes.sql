-- The whole floor's item scans, mismatches and completed orders per five minutes (bucket = epoch seconds / 300),
-- written in the same transaction as the events, like the hourly roll-ups: the wall's chart of a short day
-- (a demo, the first hour of a shift) shows a curve instead of one hourly dot. Events stored before this
-- migration are in the hourly roll-ups only.
CREATE TABLE rollup_floor_5min (
  bucket     INTEGER PRIMARY KEY,
  scans      INTEGER NOT NULL DEFAULT 0,
  mismatches INTEGER NOT NULL DEFAULT 0,
  completed  INTEGER NOT NULL DEFAULT 0
);
