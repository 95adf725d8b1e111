package io.packcheck.station.scanner;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Reconnect delays: exponential growth capped at {@code cap}, with full jitter so that stations that
 * lost their scanners together (a USB hub reset) do not retry in lock step.
 */
public record Backoff(Duration base, Duration cap) {

    public Backoff {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= cap, got base " + base + ", cap " + cap);
        }
    }

    /**
     * The delay before retry number {@code attempt} (0 for the first), uniformly drawn from
     * [0, min(cap, base * 2^attempt)).
     *
     * @param random a source of uniform numbers in [0, 1)
     */
    public Duration delay(int attempt, DoubleSupplier random) {
        int safeShift = Long.numberOfLeadingZeros(base.toNanos()) - 1;
        int shift = Math.max(attempt, 0);
        long ceiling = shift >= safeShift ? cap.toNanos() : Math.min(cap.toNanos(), base.toNanos() << shift);
        return Duration.ofNanos((long) (random.getAsDouble() * ceiling));
    }
}
