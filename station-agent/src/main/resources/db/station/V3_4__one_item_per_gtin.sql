-- A GTIN finds one item. A cache written before this rule may hold one GTIN on two items (the hub let a
-- second item take a code): those codes go, and when such a clash existed the hub feed starts over, so the
-- hub sends every item as it is now. A station without a hub imports its items again.
DELETE FROM sync_cursors WHERE name = 'feed' AND EXISTS (
    SELECT 1 FROM barcodes a JOIN barcodes b ON b.code <> a.code
    WHERE a.gtin14 IN (b.gtin14, b.upce_gtin14) OR a.upce_gtin14 IN (b.gtin14, b.upce_gtin14));
DELETE FROM barcodes WHERE code IN (
    SELECT a.code FROM barcodes a JOIN barcodes b ON b.code <> a.code
    WHERE a.gtin14 IN (b.gtin14, b.upce_gtin14) OR a.upce_gtin14 IN (b.gtin14, b.upce_gtin14));
DROP INDEX barcodes_by_gtin14;
DROP INDEX barcodes_by_upce_gtin14;
CREATE UNIQUE INDEX barcodes_one_per_gtin14 ON barcodes (gtin14) WHERE gtin14 IS NOT NULL;
CREATE UNIQUE INDEX barcodes_one_per_upce_gtin14 ON barcodes (upce_gtin14) WHERE upce_gtin14 IS NOT NULL;
