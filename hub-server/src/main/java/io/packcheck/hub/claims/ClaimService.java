package io.packcheck.hub.claims;

import io.packcheck.core.verify.PackEvent;
import io.packcheck.core.verify.PackEvent.EventKind;
import io.packcheck.core.verify.Verdict;
import io.packcheck.protocol.StationEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One station packs an order at a time. A station claims the order when it opens it; a second station is refused
 * while the claim holds. Events that arrive from a second station anyway (it packed from its cache, offline) are
 * flagged: the order becomes EXCEPTION naming both stations, and the conflict goes to the event feed and the
 * dashboard. Every method runs on the database worker.
 */
public final class ClaimService {

    private static final Logger LOG = LoggerFactory.getLogger(ClaimService.class);

    private final ClaimStore store;
    private final ClaimRules rules;
    private final Clock clock;

    public ClaimService(ClaimStore store, ClaimRules rules, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.clock = clock;
    }

    public ClaimRules rules() {
        return rules;
    }

    /** A station asks to pack the order. */
    public ClaimRules.Answer claim(String orderId, String stationId) {
        ClaimRules.Answer answer = store.atomically(() -> {
            if (!store.orderExists(orderId)) {
                return new ClaimRules.Answer.NoSuchOrder(orderId);
            }
            ClaimRules.Answer decided = rules.request(store.find(orderId), orderId, stationId, clock.instant());
            if (decided instanceof ClaimRules.Answer.Granted granted) {
                store.put(granted.claim());
            }
            return decided;
        });
        if (answer instanceof ClaimRules.Answer.Refused refused) {
            LOG.info("order {} refused to station {}: claimed by {} since {}", orderId, stationId,
                    refused.holder().stationId(), refused.holder().since());
        }
        return answer;
    }

    /** What a release did. */
    public sealed interface Release {
        /** This claim held and has ended. */
        record Released(Claim claim) implements Release {}

        /** No claim held the order. */
        record NothingHeld(String orderId) implements Release {}

        record NoSuchOrder(String orderId) implements Release {}
    }

    /** A supervisor ends the claim on the order. Idempotent. */
    public Release release(String orderId, String by) {
        Release release = store.atomically(() -> {
            if (!store.orderExists(orderId)) {
                return new Release.NoSuchOrder(orderId);
            }
            Optional<Claim> current = current(orderId);
            store.delete(orderId);
            return current.<Release>map(Release.Released::new).orElse(new Release.NothingHeld(orderId));
        });
        if (release instanceof Release.Released released) {
            LOG.info("claim of station {} on order {} released by {}", released.claim().stationId(), orderId, by);
        }
        return release;
    }

    /** The claim that holds now, if any. */
    public Optional<Claim> current(String orderId) {
        return store.find(orderId).filter(c -> rules.active(c, clock.instant()));
    }

    /** Claims that hold now. */
    public List<Claim> active(int limit) {
        Instant now = clock.instant();
        return store.all(limit).stream().filter(c -> rules.active(c, now)).toList();
    }

    public List<ClaimConflict> conflicts(int limit) {
        return store.conflicts(limit);
    }

    /** Events a station sent, just stored (in the same transaction): they move the claims of their orders. */
    public void afterIngest(String stationId, List<StationEvent> stored) {
        for (StationEvent se : stored) {
            PackEvent e = se.event();
            if (e.orderId().isEmpty() || e.kind() == EventKind.CLAIM_CONFLICT || !store.orderExists(e.orderId().get())) {
                continue;
            }
            String orderId = e.orderId().get();
            Instant now = clock.instant();
            ClaimRules.AfterEvent after = rules.afterEvent(store.find(orderId), stationId, e, now);
            if (after instanceof ClaimRules.AfterEvent.Hold hold) {
                store.put(hold.claim());
            } else if (after instanceof ClaimRules.AfterEvent.Release) {
                store.delete(orderId);
            } else if (after instanceof ClaimRules.AfterEvent.Conflict conflict) {
                flag(conflict.holder(), stationId, se, now);
            }
            if (e.kind() == EventKind.ORDER_COMPLETED && !(after instanceof ClaimRules.AfterEvent.Conflict)) {
                // an order packed at two stations stays an exception, whichever box is finished
                store.conflicts(orderId).stream().findFirst().ifPresent(c -> store.markException(orderId, c.reason()));
            }
        }
    }

    private void flag(Claim holder, String otherStation, StationEvent cause, Instant now) {
        String orderId = holder.orderId();
        String reason = "Order " + orderId + " was packed at station " + otherStation + " while station "
                + holder.stationId() + " had it (claimed since " + holder.since() + "): check both boxes";
        ClaimConflict conflict = new ClaimConflict(orderId, holder.stationId(), holder.since(), otherStation, now, reason);
        PackEvent e = cause.event();
        PackEvent hubEvent = new PackEvent(EventKind.CLAIM_CONFLICT, Verdict.ORDER_CLAIMED_ELSEWHERE, now, otherStation,
                e.packer(), e.orderId(), e.orderVersion(), Optional.empty(), Optional.empty(), "", 0, Optional.empty(),
                Optional.empty(), reason, Optional.empty(), Optional.empty());
        // the station sequence number of the event that showed the conflict: the hub's event is not the station's own
        if (store.recordConflict(conflict, new StationEvent(UUID.randomUUID(), cause.seq(), hubEvent))) {
            LOG.warn("{}", reason);
        }
    }
}
