package io.packcheck.core.catalog;

import java.util.List;

/**
 * An item of the catalog, as the order system describes it.
 *
 * @param minShelfLifeDays the least remaining shelf life (days from today to AI 17) an item may ship with; 0: any unexpired
 */
public record Item(
        String sku,
        String name,
        List<ItemBarcode> barcodes,
        boolean serialized,
        boolean lotTracked,
        int minShelfLifeDays) {

    public Item {
        if (sku == null || sku.isBlank()) {
            throw new IllegalArgumentException("item sku is empty");
        }
        if (minShelfLifeDays < 0) {
            throw new IllegalArgumentException("item " + sku + ": minShelfLifeDays must be 0 or more, got " + minShelfLifeDays);
        }
        name = name == null ? "" : name;
        barcodes = List.copyOf(barcodes);
    }
}
