-- The station's local store: the order cache the rules read, the open pack session, and the
-- outbox of events waiting for the hub. Timestamps the code compares are epoch milliseconds.

CREATE TABLE items (
    sku                 TEXT PRIMARY KEY,
    name                TEXT    NOT NULL,
    serialized          INTEGER NOT NULL,
    lot_tracked         INTEGER NOT NULL,
    min_shelf_life_days INTEGER NOT NULL CHECK (min_shelf_life_days >= 0)
);

-- One row per code printed on an item or a pack of it. A code belongs to one item; when the
-- order system moves it to another item the latest item wins.
CREATE TABLE barcodes (
    code        TEXT PRIMARY KEY,
    sku         TEXT    NOT NULL REFERENCES items (sku) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    quantity    INTEGER NOT NULL CHECK (quantity >= 1),
    -- the code read as EAN-8, UPC-A, EAN-13 or GTIN-14, normalised to 14 digits
    gtin14      TEXT,
    -- an 8-digit code may also be a UPC-E: its expansion, normalised to 14 digits
    upce_gtin14 TEXT
);
CREATE INDEX barcodes_by_gtin14 ON barcodes (gtin14) WHERE gtin14 IS NOT NULL;
CREATE INDEX barcodes_by_upce_gtin14 ON barcodes (upce_gtin14) WHERE upce_gtin14 IS NOT NULL;
CREATE INDEX barcodes_by_sku ON barcodes (sku, position);

CREATE TABLE orders (
    id          TEXT PRIMARY KEY,
    version     INTEGER NOT NULL,
    status      TEXT    NOT NULL,
    hold_reason TEXT,
    ship_by     TEXT,
    priority    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE order_lines (
    order_id TEXT    NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    sku      TEXT    NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity >= 1),
    PRIMARY KEY (order_id, position)
);

-- Pack slip and tote codes that open an order as its id does.
CREATE TABLE order_aliases (
    alias    TEXT PRIMARY KEY,
    order_id TEXT NOT NULL REFERENCES orders (id) ON DELETE CASCADE
);
CREATE INDEX order_aliases_by_order ON order_aliases (order_id);

CREATE TABLE badges (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL
);

CREATE TABLE sync_cursors (
    name       TEXT PRIMARY KEY,
    value      TEXT    NOT NULL,
    updated_at INTEGER NOT NULL
);

-- AUTOINCREMENT so that a sequence number is never handed out twice, even after the
-- housekeeper purged the newest rows.
CREATE TABLE outbox (
    sequence     INTEGER PRIMARY KEY AUTOINCREMENT,
    id           TEXT    NOT NULL UNIQUE,
    created_at   INTEGER NOT NULL,
    sent_at      INTEGER,
    confirmed_at INTEGER,
    body         TEXT    NOT NULL
);
CREATE INDEX outbox_unconfirmed ON outbox (sequence) WHERE confirmed_at IS NULL;
CREATE INDEX outbox_confirmed ON outbox (confirmed_at) WHERE confirmed_at IS NOT NULL;

-- The session open on the station, written in the same transaction as its events.
CREATE TABLE pack_session (
    slot          INTEGER PRIMARY KEY CHECK (slot = 1),
    state         TEXT    NOT NULL,
    updated_at    INTEGER NOT NULL,
    last_sequence INTEGER
);
