package io.packcheck.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.verify.PackEvent.EventKind;
import io.packcheck.core.verify.PackSession.Pending;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LockTest extends PackFixture {

    @Test
    void aLockedSessionAnswersLockedAndCountsNothing() {
        scan("SO-MUGS");
        ean(PEN);

        var outcome = ean(MUG);

        assertThat(outcome.verdict()).isEqualTo(Verdict.LOCKED);
        assertThat(outcome.message()).startsWith("Locked, Blue Mug (4006381333931) was not counted. Wrong item: Red Pen");
        assertThat(outcome.events().get(0).quantity()).isZero();
        assertThat(session.verified("MUG-BLUE")).isZero();
    }

    @Test
    void theOrderCannotCompleteUntilTheRefusedItemIsClearedAndItemsRescanned() {
        scan("SO-MUGS");
        ean(MUG);
        ean(PEN);
        var whileLocked = ean(MUG);

        var cleared = scan(Commands.CLEAR);
        var completed = ean(MUG);

        assertThat(whileLocked.verdict()).isEqualTo(Verdict.LOCKED);
        assertThat(cleared.verdict()).isEqualTo(Verdict.COMMAND_ACCEPTED);
        assertThat(cleared.message()).startsWith("Cleared WRONG_ITEM: the refused item is out of the box. Still to pack: 1 x MUG-BLUE");
        assertThat(cleared.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.SESSION_CLEARED);
            assertThat(e.sku()).contains("PEN-RED");
            assertThat(e.raw()).isEqualTo("]C0PCK-CLEAR");
        });
        assertThat(completed.verdict()).isEqualTo(Verdict.ORDER_COMPLETE);
    }

    @Test
    void clearWithoutALockIsRefused() {
        scan("SO-MUGS");

        var outcome = scan(Commands.CLEAR);

        assertThat(outcome.verdict()).isEqualTo(Verdict.COMMAND_REFUSED);
        assertThat(outcome.message()).isEqualTo("Nothing to clear: the session is not locked");
    }

    @Test
    void aSupervisorOverrideWithAReasonLetsAWrongItemStayAsAnExtra() {
        scan("SO-MUGS");
        ean(PEN);

        var badge = scan("PCK-S-S900");
        var reason = scan("PCK-R-SUBSTITUTE");

        assertThat(badge.verdict()).isEqualTo(Verdict.COMMAND_ACCEPTED);
        assertThat(badge.message()).startsWith("Sam: scan an override reason for WRONG_ITEM: PCK-R-SUBSTITUTE");
        assertThat(reason.verdict()).isEqualTo(Verdict.COMMAND_ACCEPTED);
        assertThat(reason.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.OVERRIDE);
            assertThat(e.supervisor()).contains("S900");
            assertThat(e.reasonCode()).contains("SUBSTITUTE");
            assertThat(e.sku()).contains("PEN-RED");
            assertThat(e.quantity()).isZero();
        });
        assertThat(session.locked()).isFalse();
        assertThat(session.verified("PEN-RED")).isZero();
        assertThat(session.unitsInBox()).isEqualTo(1);
        assertThat(session.packed()).singleElement().satisfies(p -> assertThat(p.override()).contains("SUBSTITUTE"));
    }

    @Test
    void anOverriddenExpiredItemCountsAndCanCompleteTheOrder() {
        scan("SO-MUGS");
        ean(MUG);
        scan(Scans.expiring(MUG_14, TODAY.minusDays(3)));
        scan("PCK-S-S900");

        var outcome = scan("PCK-R-CUSTOMER-OK");

        assertThat(outcome.verdict()).isEqualTo(Verdict.ORDER_COMPLETE);
        assertThat(outcome.events()).extracting(PackEvent::kind).containsExactly(EventKind.OVERRIDE, EventKind.ORDER_COMPLETED);
        assertThat(outcome.events().get(0).quantity()).isEqualTo(1);
        assertThat(session.order()).isEmpty();
    }

    @Test
    void anOverriddenCaseCountsWhatTheLineNeedsAndTheRestAsExtra() {
        scan("SO-1234");
        ean(MUG_CASE);
        scan("PCK-S-S900");

        scan("PCK-R-CUSTOMER-OK");

        assertThat(session.verified("MUG-BLUE")).isEqualTo(3);
        assertThat(session.unitsInBox()).isEqualTo(6);
    }

    @Test
    void aPackerBadgeCannotOverride() {
        scan("SO-MUGS");
        ean(PEN);

        var outcome = scan("PCK-S-P100");

        assertThat(outcome.verdict()).isEqualTo(Verdict.COMMAND_REFUSED);
        assertThat(outcome.message()).isEqualTo("Badge P100 is not a supervisor badge: an override needs a supervisor");
        assertThat(session.pending()).isEmpty();
        assertThat(session.locked()).isTrue();
    }

    @Test
    void anUnknownBadgeCannotOverride() {
        scan("SO-MUGS");
        ean(PEN);

        var outcome = scan("PCK-S-X1");

        assertThat(outcome.verdict()).isEqualTo(Verdict.COMMAND_REFUSED);
        assertThat(session.locked()).isTrue();
    }

    @Test
    void anOverrideNeedsALock() {
        scan("SO-MUGS");

        var outcome = scan("PCK-S-S900");

        assertThat(outcome.verdict()).isEqualTo(Verdict.COMMAND_REFUSED);
        assertThat(outcome.message()).isEqualTo("Nothing to override: the session is not locked");
    }

    @Test
    void anOverrideRefusesAShortReasonAndKeepsWaitingForAnOverrideReason() {
        scan("SO-MUGS");
        ean(PEN);
        scan("PCK-S-S900");

        var wrongReason = scan("PCK-R-OUT-OF-STOCK");
        var rightReason = scan("PCK-R-LABEL-WRONG");

        assertThat(wrongReason.verdict()).isEqualTo(Verdict.COMMAND_REFUSED);
        assertThat(wrongReason.message()).startsWith("OUT-OF-STOCK is not an override reason; scan one of PCK-R-SUBSTITUTE");
        assertThat(rightReason.verdict()).isEqualTo(Verdict.COMMAND_ACCEPTED);
        assertThat(session.locked()).isFalse();
    }

    @Test
    void anyOtherScanAbandonsAStartedOverride() {
        scan("SO-MUGS");
        ean(PEN);
        scan("PCK-S-S900");
        assertThat(session.pending()).hasValueSatisfying(p -> assertThat(p.kind()).isEqualTo(Pending.Kind.OVERRIDE));

        ean(MUG);
        var reason = scan("PCK-R-SUBSTITUTE");

        assertThat(reason.verdict()).isEqualTo(Verdict.COMMAND_REFUSED);
        assertThat(session.locked()).isTrue();
    }

    @Test
    void aReasonCodeWithNothingWaitingIsRefused() {
        scan("SO-MUGS");

        var outcome = scan("PCK-R-SUBSTITUTE");

        assertThat(outcome.verdict()).isEqualTo(Verdict.COMMAND_REFUSED);
        assertThat(outcome.events().get(0).reasonCode()).isEqualTo(Optional.empty());
    }
}
