-- Unit weights and box tares the hub learned from weighed parcels (PARCEL_CLOSED events with a weight), refitted
-- as parcels arrive. spread: the standard error of the weight, in grams. Only weights the parcels pin down are kept.
CREATE TABLE learned_weight (
  sku       TEXT PRIMARY KEY,
  grams     REAL NOT NULL,
  parcels   INTEGER NOT NULL,
  spread    REAL NOT NULL,
  fitted_at TEXT NOT NULL
);

-- box: the box type code; '' for the station's default box (no box type scanned).
CREATE TABLE learned_tare (
  box       TEXT PRIMARY KEY,
  grams     REAL NOT NULL,
  parcels   INTEGER NOT NULL,
  spread    REAL NOT NULL,
  fitted_at TEXT NOT NULL
);
