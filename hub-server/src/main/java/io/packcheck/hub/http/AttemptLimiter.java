package io.packcheck.hub.http;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Limits attempts per caller (a client address) with a token bucket: a caller may make {@code burst} attempts at
 * once, and earns one more every {@code refill}. Memory stays bounded: a caller whose bucket has filled up again
 * is forgotten, and beyond {@code maxCallers} tracked callers, new callers share one bucket.
 */
public final class AttemptLimiter {

    /** The bucket newcomers share while {@code maxCallers} callers are tracked; no address looks like this. */
    static final String OVERFLOW = "*";

    private final Budget budget;
    private final int maxCallers;
    private final Clock clock;
    // Per caller, the instant its bucket is full again: each attempt pushes it one refill later.
    private final Map<String, Instant> fullAt = new HashMap<>();
    private Instant nextSweep = Instant.MIN;

    /**
     * How many attempts a caller has.
     *
     * @param burst  attempts allowed back to back
     * @param refill the time that earns one attempt back
     */
    public record Budget(int burst, Duration refill) {

        public Budget {
            if (burst < 1) {
                throw new IllegalArgumentException("burst must be at least 1, got " + burst);
            }
            if (refill.isNegative() || refill.isZero()) {
                throw new IllegalArgumentException("refill must be positive, got " + refill);
            }
        }

        /** Station enrolment: 10 at once, then one every 6 s (10 a minute). */
        public static Budget enrolment() {
            return new Budget(10, Duration.ofSeconds(6));
        }

        /** How long an emptied bucket takes to fill up again. */
        Duration window() {
            return refill.multipliedBy(burst);
        }
    }

    /** Whether an attempt may go ahead. */
    public sealed interface Decision {

        /** Go ahead; give it to {@link #refund} if the attempt should not count after all. */
        record Allowed(String bucket) implements Decision {}

        /** Not now; the next attempt is allowed after {@code retryAfter}. */
        record Refused(Duration retryAfter) implements Decision {

            /** For a {@code Retry-After} header: whole seconds, rounded up, at least 1. */
            public long retryAfterSeconds() {
                return Math.max(1, retryAfter.plusNanos(999_999_999).toSeconds());
            }
        }
    }

    public AttemptLimiter(Budget budget, int maxCallers, Clock clock) {
        if (maxCallers < 1) {
            throw new IllegalArgumentException("maxCallers must be at least 1, got " + maxCallers);
        }
        this.budget = budget;
        this.maxCallers = maxCallers;
        this.clock = clock;
    }

    /** Takes one attempt from the caller's bucket, or says how long to wait when it is empty. */
    public synchronized Decision attempt(String caller) {
        Instant now = clock.instant();
        sweepIfDue(now);
        String bucket = fullAt.containsKey(caller) || fullAt.size() < maxCallers ? caller : OVERFLOW;
        Instant after = later(fullAt.getOrDefault(bucket, now), now).plus(budget.refill());
        Duration ahead = Duration.between(now, after);
        if (ahead.compareTo(budget.window()) > 0) {
            return new Decision.Refused(ahead.minus(budget.window()));
        }
        fullAt.put(bucket, after);
        return new Decision.Allowed(bucket);
    }

    /** Gives an allowed attempt back, for attempts that should not count (e.g. one that succeeded). */
    public synchronized void refund(Decision.Allowed allowed) {
        Instant full = fullAt.get(allowed.bucket());
        if (full == null) {
            return;
        }
        Instant refunded = full.minus(budget.refill());
        if (refunded.isAfter(clock.instant())) {
            fullAt.put(allowed.bucket(), refunded);
        } else {
            fullAt.remove(allowed.bucket());
        }
    }

    /**
     * The caller an address stands for: an IPv4 address as it is, an IPv6 address by its /64, since one host
     * commonly holds a whole /64 and could otherwise take a fresh bucket per attempt.
     */
    public static String caller(String hostAddress) {
        if (hostAddress == null || hostAddress.isEmpty()) {
            return "unknown";
        }
        if (hostAddress.indexOf(':') < 0) {
            return hostAddress;
        }
        InetAddress address;
        try {
            // a literal with ':' is parsed as IPv6, never looked up in DNS
            address = InetAddress.getByName(hostAddress);
        } catch (UnknownHostException e) {
            return hostAddress;
        }
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress(); // IPv4-mapped, e.g. ::ffff:192.0.2.1
        }
        byte[] bytes = address.getAddress();
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
        }
        return prefix.append(":/64").toString();
    }

    /** How many callers are remembered now (tests; the bound is {@code maxCallers} plus the shared bucket). */
    synchronized int tracked() {
        return fullAt.size();
    }

    // A full bucket is the same as no bucket, so it can go. Sweeping at most once per window keeps a flood
    // from many addresses from paying a full scan on every attempt.
    private void sweepIfDue(Instant now) {
        if (now.isBefore(nextSweep)) {
            return;
        }
        fullAt.values().removeIf(full -> !full.isAfter(now));
        nextSweep = now.plus(budget.window());
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
