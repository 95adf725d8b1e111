package io.packcheck.station.hub;

import io.packcheck.core.catalog.Order;

/** What the hub said about an order the cache did not have. */
public sealed interface OrderLookup {

    /** The hub has it; it is now in the cache too. */
    record Found(Order order) implements OrderLookup {}

    /** The hub answered that no order has this id or alias: the code is unknown. */
    record Unknown(String idOrAlias) implements OrderLookup {}

    /** The hub did not answer in time or failed; the code is unknown for now (the station may be offline). */
    record Unreachable(String reason) implements OrderLookup {}
}
