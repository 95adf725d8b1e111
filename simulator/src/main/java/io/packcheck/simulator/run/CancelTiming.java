package io.packcheck.simulator.run;

import java.time.Duration;
import java.util.Optional;

/** An ops cancel during packing, and how long until the station showed red (empty: it never did). */
public record CancelTiming(String stationId, String orderId, Optional<Duration> toRed) {}
