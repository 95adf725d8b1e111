package io.packcheck.core.catalog;

import java.util.List;
import java.util.Optional;

/**
 * An item of the catalog, as the order system describes it.
 *
 * @param minShelfLifeDays   the least remaining shelf life (days from today to AI 17) an item may ship with; 0: any unexpired
 * @param weightGrams        one unit's weight as the catalogue gives it
 * @param learnedWeightGrams one unit's weight as the hub learned it from weighed parcels
 */
public record Item(
        String sku,
        String name,
        List<ItemBarcode> barcodes,
        boolean serialized,
        boolean lotTracked,
        int minShelfLifeDays,
        Optional<Double> weightGrams,
        Optional<Double> learnedWeightGrams) {

    public Item {
        if (sku == null || sku.isBlank()) {
            throw new IllegalArgumentException("item sku is empty");
        }
        if (minShelfLifeDays < 0) {
            throw new IllegalArgumentException("item " + sku + ": minShelfLifeDays must be 0 or more, got " + minShelfLifeDays);
        }
        weightGrams.ifPresent(g -> requirePositive(sku, "weightGrams", g));
        learnedWeightGrams.ifPresent(g -> requirePositive(sku, "learnedWeightGrams", g));
        name = name == null ? "" : name;
        barcodes = List.copyOf(barcodes);
    }

    /** An item without a known weight. */
    public Item(String sku, String name, List<ItemBarcode> barcodes, boolean serialized, boolean lotTracked, int minShelfLifeDays) {
        this(sku, name, barcodes, serialized, lotTracked, minShelfLifeDays, Optional.empty(), Optional.empty());
    }

    /** The weight a parcel check uses: the catalogue's, else the learned one. */
    public Optional<UnitWeight> unitWeight() {
        return weightGrams.map(g -> new UnitWeight(g, false)).or(() -> learnedWeightGrams.map(g -> new UnitWeight(g, true)));
    }

    /** One unit's weight and whether the hub learned it (rather than the catalogue giving it). */
    public record UnitWeight(double grams, boolean learned) {}

    /** The same item with the weight the hub learned for it. */
    public Item withLearnedWeight(Optional<Double> learned) {
        return new Item(sku, name, barcodes, serialized, lotTracked, minShelfLifeDays, weightGrams, learned);
    }

    private static void requirePositive(String sku, String field, double grams) {
        if (!(grams > 0) || Double.isInfinite(grams)) {
            throw new IllegalArgumentException("item " + sku + ": " + field + " must be more than 0, got " + grams);
        }
    }
}
