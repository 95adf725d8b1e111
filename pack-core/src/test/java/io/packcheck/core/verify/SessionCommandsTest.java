package io.packcheck.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.verify.PackEvent.EventKind;
import org.junit.jupiter.api.Test;

class SessionCommandsTest extends PackFixture {

    @Test
    void undoTakesBackTheLastAcceptedScan() {
        scan("SO-2000");
        ean(MUG);
        ean(MUG_CASE);

        var outcome = scan(Commands.UNDO);

        assertThat(outcome.verdict()).isEqualTo(Verdict.COMMAND_ACCEPTED);
        assertThat(outcome.message()).startsWith("Took back 6 of MUG-BLUE (]E014006381333938): take them out of the box.");
        assertThat(outcome.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.UNDO);
            assertThat(e.quantity()).isEqualTo(-6);
            assertThat(e.sku()).contains("MUG-BLUE");
        });
        assertThat(session.verified("MUG-BLUE")).isEqualTo(1);
    }

    @Test
    void undoIsRefusedWhileLockedOrWithAnEmptyBox() {
        scan("SO-MUGS");
        var empty = scan(Commands.UNDO);
        ean(MUG);
        ean(PEN);

        var locked = scan(Commands.UNDO);

        assertThat(empty.verdict()).isEqualTo(Verdict.COMMAND_REFUSED);
        assertThat(empty.message()).isEqualTo("Nothing to undo: the box is empty");
        assertThat(locked.verdict()).isEqualTo(Verdict.COMMAND_REFUSED);
        assertThat(locked.message()).startsWith("UNDO is not possible while locked. Wrong item");
        assertThat(session.verified("MUG-BLUE")).isEqualTo(1);
    }

    @Test
    void shortWithAReasonClosesTheOrderAsAnException() {
        scan("SO-1234");
        ean(MUG);

        var start = scan(Commands.SHORT);
        var done = scan("PCK-R-OUT-OF-STOCK");

        assertThat(start.verdict()).isEqualTo(Verdict.COMMAND_ACCEPTED);
        assertThat(start.message()).isEqualTo("Short: missing 2 x MUG-BLUE, 2 x TEA-GREEN, 1 x PHONE-X."
                + " Scan a short reason: PCK-R-OUT-OF-STOCK, PCK-R-DAMAGED, PCK-R-NOT-FOUND, PCK-R-SHORT-DATED");
        assertThat(done.verdict()).isEqualTo(Verdict.COMMAND_ACCEPTED);
        assertThat(done.message()).isEqualTo("Order SO-1234 closed short (Out of stock): missing 2 x MUG-BLUE,"
                + " 2 x TEA-GREEN, 1 x PHONE-X - it goes to exceptions");
        assertThat(done.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.SHORTED);
            assertThat(e.reasonCode()).contains("OUT-OF-STOCK");
            assertThat(e.orderId()).contains("SO-1234");
            assertThat(e.quantity()).isEqualTo(1);
        });
        assertThat(session.order()).isEmpty();
    }

    @Test
    void shortRefusesAnOverrideReasonAndKeepsTheOrderOpen() {
        scan("SO-1234");
        scan(Commands.SHORT);

        var outcome = scan("PCK-R-SUBSTITUTE");

        assertThat(outcome.verdict()).isEqualTo(Verdict.COMMAND_REFUSED);
        assertThat(session.order()).isPresent();
        assertThat(session.pending()).isPresent();
    }

    @Test
    void shortIsRefusedWhileLocked() {
        scan("SO-1234");
        ean(PEN);

        var outcome = scan(Commands.SHORT);

        assertThat(outcome.verdict()).isEqualTo(Verdict.COMMAND_REFUSED);
        assertThat(session.pending()).isEmpty();
    }

    @Test
    void cancelEndsTheSessionAndSaysWhatGoesBack() {
        scan("SO-1234");
        ean(MUG);
        ean(PEN);

        var outcome = scan(Commands.CANCEL);

        assertThat(outcome.verdict()).isEqualTo(Verdict.COMMAND_ACCEPTED);
        assertThat(outcome.message()).isEqualTo("Order SO-1234 cancelled at this station: put the 1 unit in the box back");
        assertThat(outcome.events()).singleElement().satisfies(e -> assertThat(e.kind()).isEqualTo(EventKind.SESSION_CANCELLED));
        assertThat(session.order()).isEmpty();
        assertThat(session.locked()).isFalse();
    }

    @Test
    void cancelWithoutAnOrderIsRefused() {
        var outcome = scan(Commands.CANCEL);

        assertThat(outcome.verdict()).isEqualTo(Verdict.COMMAND_REFUSED);
    }

    @Test
    void aPackerBadgeLogsInAndEveryEventCarriesThePacker() {
        var login = scan("PCK-P-P100");
        scan("SO-1234");
        var item = ean(MUG);
        var logout = scan(Commands.LOGOUT);

        assertThat(login.message()).isEqualTo("Hello Ana: logged in");
        assertThat(login.events().get(0).kind()).isEqualTo(EventKind.PACKER_LOGIN);
        assertThat(item.events().get(0).packer()).contains("P100");
        assertThat(logout.events().get(0).kind()).isEqualTo(EventKind.PACKER_LOGOUT);
        assertThat(logout.events().get(0).packer()).contains("P100");
        assertThat(session.packer()).isEmpty();
    }

    @Test
    void anUnknownBadgeDoesNotLogIn() {
        var outcome = scan("PCK-P-NOPE");

        assertThat(outcome.verdict()).isEqualTo(Verdict.COMMAND_REFUSED);
        assertThat(outcome.message()).isEqualTo("Unknown badge NOPE: ask your supervisor to register it");
        assertThat(session.packer()).isEmpty();
    }

    @Test
    void commandsScannedInLowerCaseStillWork() {
        scan("SO-MUGS");
        ean(PEN);

        var outcome = scan("pck-clear");

        assertThat(outcome.verdict()).isEqualTo(Verdict.COMMAND_ACCEPTED);
        assertThat(session.locked()).isFalse();
    }
}
