-- A deleted item stays as a tombstone so the station feed can tell stations to drop it.
ALTER TABLE item ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;
