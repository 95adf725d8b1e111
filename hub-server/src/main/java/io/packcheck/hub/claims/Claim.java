package io.packcheck.hub.claims;

import java.time.Instant;

/**
 * A station's claim on an order: it is packing it, so no other station may open it.
 *
 * @param since      when the station claimed it (hub time)
 * @param lastActive the hub's time of the station's last claim request or event on the order; the idle time runs from here
 */
public record Claim(String orderId, String stationId, Instant since, Instant lastActive) {

    Claim touched(Instant at) {
        return new Claim(orderId, stationId, since, at);
    }
}
