package io.packcheck.core.catalog;

/** One line of an order: this many units of this SKU go into the box. */
public record OrderLine(String sku, int quantity) {
    public OrderLine {
        if (sku == null || sku.isBlank()) {
            throw new IllegalArgumentException("order line sku is empty");
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("order line " + sku + ": quantity must be at least 1, got " + quantity);
        }
    }
}
