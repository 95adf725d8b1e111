package io.packcheck.core.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An order to be packed.
 *
 * @param version  raised by the hub on every change, so a station can tell it verified an outdated order
 * @param priority higher packs first; 0 is normal
 * @param status   as the hub last reported it
 * @param holdReason why it is held or cancelled, for the packer screen
 */
public record Order(
        String id,
        long version,
        List<OrderLine> lines,
        Optional<Instant> shipBy,
        int priority,
        OrderStatus status,
        Optional<String> holdReason) {

    public Order {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("order id is empty");
        }
        if (lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException("order " + id + " has no lines");
        }
        lines = List.copyOf(lines);
    }

    /** The first line for the SKU, if the order has one. */
    public Optional<OrderLine> line(String sku) {
        return lines.stream().filter(l -> l.sku().equals(sku)).findFirst();
    }
}
