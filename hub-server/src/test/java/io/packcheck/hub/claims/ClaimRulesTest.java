package io.packcheck.hub.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packcheck.core.verify.PackEvent;
import io.packcheck.core.verify.PackEvent.EventKind;
import io.packcheck.core.verify.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClaimRulesTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:42:00Z");
    private final ClaimRules rules = new ClaimRules(Duration.ofMinutes(30));
    private final Claim st1 = new Claim("SO-1", "ST-1", T0, T0);

    @Test
    void anUnclaimedOrderIsGrantedToWhoeverAsksFirst() {
        ClaimRules.Answer answer = rules.request(Optional.empty(), "SO-1", "ST-2", T0);

        assertThat(answer).isEqualTo(new ClaimRules.Answer.Granted(new Claim("SO-1", "ST-2", T0, T0), false));
    }

    @Test
    void theHolderAskingAgainKeepsItsStartAndIsHeardOfNow() {
        ClaimRules.Answer answer = rules.request(Optional.of(st1), "SO-1", "ST-1", T0.plusSeconds(60));

        assertThat(answer).isEqualTo(new ClaimRules.Answer.Granted(st1.touched(T0.plusSeconds(60)), true));
    }

    @Test
    void anotherStationIsRefusedUntilTheIdleTimeHasPassed() {
        Instant justBefore = T0.plus(Duration.ofMinutes(30)).minusMillis(1);
        Instant atTheEnd = T0.plus(Duration.ofMinutes(30));

        assertThat(rules.request(Optional.of(st1), "SO-1", "ST-2", justBefore)).isEqualTo(new ClaimRules.Answer.Refused(st1));
        assertThat(rules.request(Optional.of(st1), "SO-1", "ST-2", atTheEnd)).isInstanceOf(ClaimRules.Answer.Granted.class);
    }

    @Test
    void completionCancelAndShortAtTheHolderEndTheClaim() {
        for (EventKind kind : new EventKind[] {EventKind.ORDER_COMPLETED, EventKind.SESSION_CANCELLED, EventKind.SHORTED}) {
            assertThat(rules.afterEvent(Optional.of(st1), "ST-1", event(kind, "ST-1"), T0)).as("%s", kind)
                    .isEqualTo(new ClaimRules.AfterEvent.Release());
        }
    }

    @Test
    void anyEventOfAnotherStationOnAHeldOrderIsAConflictEvenItsCompletion() {
        for (EventKind kind : new EventKind[] {EventKind.ORDER_OPENED, EventKind.SCAN, EventKind.ORDER_COMPLETED}) {
            assertThat(rules.afterEvent(Optional.of(st1), "ST-2", event(kind, "ST-2"), T0.plusSeconds(5))).as("%s", kind)
                    .isEqualTo(new ClaimRules.AfterEvent.Conflict(st1));
        }
    }

    @Test
    void aStationThatOpenedOfflineTakesAnUnclaimedOrExpiredOrder() {
        Instant late = T0.plus(Duration.ofHours(1));

        assertThat(rules.afterEvent(Optional.of(st1), "ST-2", event(EventKind.ORDER_OPENED, "ST-2"), late))
                .isEqualTo(new ClaimRules.AfterEvent.Hold(new Claim("SO-1", "ST-2", late, late)));
    }

    @Test
    void eventsWithoutAnOrderOrWrittenByTheHubChangeNothing() {
        PackEvent login = new PackEvent(EventKind.PACKER_LOGIN, Verdict.COMMAND_ACCEPTED, T0, "ST-2", Optional.empty(),
                Optional.empty(), 0, Optional.empty(), Optional.empty(), "", 0, Optional.empty(), Optional.empty(), "",
                Optional.empty(), Optional.empty());

        assertThat(rules.afterEvent(Optional.of(st1), "ST-2", login, T0)).isEqualTo(new ClaimRules.AfterEvent.Unchanged());
        assertThat(rules.afterEvent(Optional.of(st1), "ST-2", event(EventKind.CLAIM_CONFLICT, "ST-2"), T0))
                .isEqualTo(new ClaimRules.AfterEvent.Unchanged());
    }

    @Test
    void refusesAnIdleTimeThatIsNotPositive() {
        assertThatThrownBy(() -> new ClaimRules(Duration.ZERO)).hasMessageContaining("idle time must be positive");
    }

    private static PackEvent event(EventKind kind, String station) {
        return new PackEvent(kind, Verdict.MATCH, T0, station, Optional.empty(), Optional.of("SO-1"), 1, Optional.empty(),
                Optional.empty(), "", 1, Optional.empty(), Optional.empty(), "", Optional.empty(), Optional.empty());
    }
}
