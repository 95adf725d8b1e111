package io.packcheck.station.hub;

import java.time.Instant;

/** What the hub said when the station claimed an order it opens. */
public sealed interface OrderClaim {

    /** This station packs the order now (also when it held it already, e.g. after a restart). */
    record Claimed(String orderId) implements OrderClaim {}

    /** Another station is packing it: this one must not. */
    record ClaimedElsewhere(String orderId, String stationId, Instant since) implements OrderClaim {}

    /**
     * The hub did not answer in time, failed, refused the token or does not know the order: the station packs from its
     * cache, and the hub flags a conflict if another station had it.
     */
    record Unreachable(String reason) implements OrderClaim {}
}
