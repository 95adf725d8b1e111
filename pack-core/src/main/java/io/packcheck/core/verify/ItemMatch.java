package io.packcheck.core.verify;

import io.packcheck.core.catalog.Item;

/** An item found by one of its barcodes; {@code quantity} is how many units that barcode counts. */
public record ItemMatch(Item item, int quantity) {}
