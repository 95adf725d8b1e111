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
 * @param labels   the shipping labels expected on its parcels (tracking numbers or SSCCs, in canonical form);
 *                 when there are any, every parcel must have one of them before the order completes
 */
public record Order(
        String id,
        long version,
        List<OrderLine> lines,
        Optional<Instant> shipBy,
        int priority,
        OrderStatus status,
        Optional<String> holdReason,
        List<String> labels) {

    public Order {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("order id is empty");
        }
        if (lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException("order " + id + " has no lines");
        }
        lines = List.copyOf(lines);
        labels = List.copyOf(labels);
    }

    /** An order without expected shipping labels. */
    public Order(String id, long version, List<OrderLine> lines, Optional<Instant> shipBy, int priority, OrderStatus status,
            Optional<String> holdReason) {
        this(id, version, lines, shipBy, priority, status, holdReason, List.of());
    }

    /** The first line for the SKU, if the order has one. */
    public Optional<OrderLine> line(String sku) {
        return lines.stream().filter(l -> l.sku().equals(sku)).findFirst();
    }
}
