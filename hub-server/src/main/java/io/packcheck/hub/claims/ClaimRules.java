package io.packcheck.hub.claims;

import io.packcheck.core.verify.PackEvent;
import io.packcheck.core.verify.PackEvent.EventKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a station may claim an order, and what a station event does to a claim. Pure: the times come in, so
 * every rule is tested without a hub.
 *
 * @param idle how long a claim lasts after the claiming station's last request or event on the order
 */
public record ClaimRules(Duration idle) {

    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);

    public ClaimRules {
        if (idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("the claim idle time must be positive, got " + idle);
        }
    }

    public static ClaimRules defaults() {
        return new ClaimRules(DEFAULT_IDLE);
    }

    /** Whether the claim still holds at {@code now}: its station was heard of within the idle time. */
    public boolean active(Claim claim, Instant now) {
        return now.isBefore(claim.lastActive().plus(idle));
    }

    /** The answer to a station asking for an order. */
    public sealed interface Answer {
        /** The station holds the claim; {@code renewed} when it held it already (a restart, a repeated request). */
        record Granted(Claim claim, boolean renewed) implements Answer {}

        /** Another station holds it. */
        record Refused(Claim holder) implements Answer {}

        /** The hub has no order with this id: there is nothing to claim. */
        record NoSuchOrder(String orderId) implements Answer {}
    }

    /** A station asks to pack the order: granted unless another station's claim is still active. Idempotent. */
    public Answer request(Optional<Claim> current, String orderId, String stationId, Instant now) {
        Optional<Claim> active = current.filter(c -> active(c, now));
        if (active.isEmpty()) {
            return new Answer.Granted(new Claim(orderId, stationId, now, now), false);
        }
        Claim held = active.get();
        if (held.stationId().equals(stationId)) {
            return new Answer.Granted(held.touched(now), true);
        }
        return new Answer.Refused(held);
    }

    /** What a stored station event does to the claim on its order. */
    public sealed interface AfterEvent {
        /** Nothing to change. */
        record Unchanged() implements AfterEvent {}

        /** Store this claim: the station took the order (it opened it without asking, offline) or is still at it. */
        record Hold(Claim claim) implements AfterEvent {}

        /** The claiming station finished or put the order back. */
        record Release() implements AfterEvent {}

        /** The event comes from a station other than the one holding the order. */
        record Conflict(Claim holder) implements AfterEvent {}
    }

    /**
     * A station's event on an order, judged when it reaches the hub (hub time: a station that was offline is judged
     * against the claims as they stand when its events arrive). Completion, a cancel at the station and a declared
     * short end the claim; any other event keeps it alive, or claims the order for a station that opened it
     * without asking.
     */
    public AfterEvent afterEvent(Optional<Claim> current, String stationId, PackEvent event, Instant now) {
        if (event.orderId().isEmpty() || event.kind() == EventKind.CLAIM_CONFLICT) {
            return new AfterEvent.Unchanged();
        }
        String orderId = event.orderId().get();
        Optional<Claim> active = current.filter(c -> active(c, now));
        if (active.isPresent() && !active.get().stationId().equals(stationId)) {
            return new AfterEvent.Conflict(active.get());
        }
        if (ends(event.kind())) {
            return current.isPresent() ? new AfterEvent.Release() : new AfterEvent.Unchanged();
        }
        return new AfterEvent.Hold(active.map(c -> c.touched(now)).orElse(new Claim(orderId, stationId, now, now)));
    }

    private static boolean ends(EventKind kind) {
        return kind == EventKind.ORDER_COMPLETED || kind == EventKind.SESSION_CANCELLED || kind == EventKind.SHORTED;
    }
}
