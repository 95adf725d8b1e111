-- The station packing an order: at most one per order. A claim ends when the order completes or is cancelled at
-- that station, when that station has sent nothing about it for the idle time, or when a supervisor releases it.
-- last_active is the hub's time of the claiming station's last claim request or event on the order.
CREATE TABLE order_claim (
  order_id    TEXT PRIMARY KEY,
  station_id  TEXT NOT NULL,
  since       TEXT NOT NULL,
  last_active TEXT NOT NULL
);

-- A second station's events on an order another station had claimed (it packed from its cache, offline):
-- one row per order and pair of stations, for the dashboard's alerts.
CREATE TABLE claim_conflict (
  order_id      TEXT NOT NULL,
  claimed_by    TEXT NOT NULL,
  claimed_since TEXT NOT NULL,
  other_station TEXT NOT NULL,
  at            TEXT NOT NULL,
  reason        TEXT NOT NULL,
  PRIMARY KEY (order_id, claimed_by, other_station)
);
CREATE INDEX claim_conflict_at ON claim_conflict (at);
