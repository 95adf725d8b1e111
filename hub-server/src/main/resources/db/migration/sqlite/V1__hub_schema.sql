-- Secrets are stored as SHA-256 hashes only; the secret itself is printed once by the admin CLI.
CREATE TABLE credential (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('apikey', 'station', 'user')),
  name        TEXT NOT NULL,
  role        TEXT,
  secret_hash TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL,
  revoked_at  TEXT
);
CREATE UNIQUE INDEX credential_active_name ON credential (kind, name) WHERE revoked_at IS NULL;

-- change_seq: one hub-wide counter over items, badges and orders; the station feed cursor.
CREATE TABLE item (
  sku        TEXT PRIMARY KEY,
  body       TEXT NOT NULL,
  change_seq INTEGER NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX item_change ON item (change_seq);

CREATE TABLE badge (
  code       TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  role       TEXT NOT NULL,
  change_seq INTEGER NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX badge_change ON badge (change_seq);

CREATE TABLE pack_order (
  id          TEXT PRIMARY KEY,
  version     INTEGER NOT NULL,
  status      TEXT NOT NULL,
  hold_reason TEXT,
  held_from   TEXT,
  ship_by     TEXT,
  priority    INTEGER NOT NULL,
  lines       TEXT NOT NULL,
  aliases     TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  change_seq  INTEGER NOT NULL
);
CREATE INDEX pack_order_change ON pack_order (change_seq);
CREATE INDEX pack_order_status ON pack_order (status, id);

CREATE TABLE order_alias (
  alias    TEXT PRIMARY KEY,
  order_id TEXT NOT NULL REFERENCES pack_order (id)
);
CREATE INDEX order_alias_order ON order_alias (order_id);

-- hub_seq is the integrators' event feed order: assigned at insert by the single writer, so commits are in order.
CREATE TABLE station_event (
  hub_seq     INTEGER PRIMARY KEY AUTOINCREMENT,
  id          TEXT NOT NULL UNIQUE,
  station_id  TEXT NOT NULL,
  seq         INTEGER NOT NULL,
  kind        TEXT NOT NULL,
  verdict     TEXT NOT NULL,
  at          TEXT NOT NULL,
  order_id    TEXT,
  body        TEXT NOT NULL,
  received_at TEXT NOT NULL
);
CREATE INDEX station_event_order ON station_event (order_id, hub_seq);

CREATE TABLE station_state (
  station_id   TEXT PRIMARY KEY,
  max_seq      INTEGER NOT NULL DEFAULT 0,
  heartbeat    TEXT,
  heartbeat_at TEXT
);

-- Sequence numbers a station skipped: events lost or still in its outbox. Filled gaps are removed.
CREATE TABLE sequence_gap (
  station_id  TEXT NOT NULL,
  from_seq    INTEGER NOT NULL,
  to_seq      INTEGER NOT NULL,
  detected_at TEXT NOT NULL,
  PRIMARY KEY (station_id, from_seq)
);
