package io.packcheck.protocol;

import io.packcheck.core.catalog.Order;
import java.util.List;

/**
 * An order as the hub stores and sends it: the shared order plus the pack-slip or tote codes
 * (aliases) that open it when scanned at a station.
 */
public record SyncedOrder(Order order, List<String> aliases) {
    public SyncedOrder {
        aliases = List.copyOf(aliases);
    }
}
