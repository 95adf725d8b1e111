-- Parcels: unit weights (the catalogue's and the hub's learned one), the box catalogue, and shipping labels.
ALTER TABLE items ADD COLUMN weight_grams REAL CHECK (weight_grams IS NULL OR weight_grams > 0);
ALTER TABLE items ADD COLUMN learned_weight_grams REAL CHECK (learned_weight_grams IS NULL OR learned_weight_grams > 0);

CREATE TABLE boxes (
    code            TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    tare_grams      REAL NOT NULL CHECK (tare_grams >= 0),
    inner_length_mm INTEGER NOT NULL DEFAULT 0,
    inner_width_mm  INTEGER NOT NULL DEFAULT 0,
    inner_height_mm INTEGER NOT NULL DEFAULT 0
);

-- The labels the order system listed on an order, in canonical form (a label belongs to one order).
CREATE TABLE order_labels (
    label    TEXT PRIMARY KEY,
    order_id TEXT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    position INTEGER NOT NULL
);
CREATE INDEX order_labels_by_order ON order_labels (order_id);

-- Labels this station bound to an order that listed none: scanning one for another order is a mismatch.
CREATE TABLE bound_labels (
    label    TEXT PRIMARY KEY,
    order_id TEXT NOT NULL,
    bound_at INTEGER NOT NULL
);
