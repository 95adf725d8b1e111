-- One-time station enrolment codes, stored hashed like every other secret. A code is used once, expires,
-- and is superseded when a newer code is issued for the same station.
CREATE TABLE enrolment_code (
  id            INTEGER PRIMARY KEY,
  station_id    TEXT NOT NULL,
  code_hash     TEXT NOT NULL UNIQUE,
  created_at    TEXT NOT NULL,
  expires_at    TEXT NOT NULL,
  used_at       TEXT,
  superseded_at TEXT
);
CREATE INDEX enrolment_code_station ON enrolment_code (station_id);
