package io.packcheck.core.catalog;

/**
 * A code printed on an item or on a pack of it.
 *
 * @param code     the code as given by the order system (a GTIN of 8-14 digits, or any other text)
 * @param quantity how many units one scan of this code counts: 1 for the item, more for a case or inner pack
 */
public record ItemBarcode(String code, int quantity) {
    public ItemBarcode {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("barcode code is empty");
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("barcode " + code + ": quantity must be at least 1, got " + quantity);
        }
    }
}
