package io.packcheck.hub.claims;

import java.time.Instant;

/** Events of {@code otherStation} on an order {@code claim} held: two stations packed one order. */
public record ClaimConflict(String orderId, String claimedBy, Instant claimedSince, String otherStation, Instant at,
                            String reason) {}
