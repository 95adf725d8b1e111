package io.packcheck.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.catalog.Order;
import io.packcheck.core.verify.PackEvent.EventKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpeningOrdersTest extends PackFixture {

    @ParameterizedTest
    @ValueSource(strings = {"SO-1234", "PS-1234", "TOTE-17"})
    void opensTheOrderByItsIdPackSlipOrTote(String code) {
        var outcome = scan(code);

        assertThat(outcome.verdict()).isEqualTo(Verdict.ORDER_OPENED);
        assertThat(session.order()).contains(SO_1234);
        assertThat(outcome.message()).isEqualTo("Order SO-1234 open: 3 lines, 6 units to pack");
        assertThat(outcome.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.ORDER_OPENED);
            assertThat(e.stationId()).isEqualTo("ST-1");
            assertThat(e.orderId()).contains("SO-1234");
            assertThat(e.orderVersion()).isEqualTo(1);
            assertThat(e.raw()).isEqualTo("]C0" + code);
            assertThat(e.at()).isEqualTo(NOW);
        });
    }

    @Test
    void refusesAnOrderOnHoldNamingTheReason() {
        var outcome = scan("SO-HOLD");

        assertThat(outcome.verdict()).isEqualTo(Verdict.ORDER_BLOCKED);
        assertThat(outcome.message()).isEqualTo("Do not pack: order SO-HOLD is on hold (address check)");
        assertThat(session.order()).isEmpty();
        assertThat(outcome.events()).singleElement().satisfies(e -> {
            assertThat(e.orderId()).contains("SO-HOLD");
            assertThat(e.verdict()).isEqualTo(Verdict.ORDER_BLOCKED);
        });
    }

    @Test
    void refusesACancelledOrder() {
        var outcome = scan("SO-CANC");

        assertThat(outcome.verdict()).isEqualTo(Verdict.ORDER_BLOCKED);
        assertThat(outcome.message()).contains("cancelled");
        assertThat(session.order()).isEmpty();
    }

    @Test
    void refusesAnOrderAlreadyVerifiedSoItCannotShipTwice() {
        var outcome = scan("SO-DONE");

        assertThat(outcome.verdict()).isEqualTo(Verdict.ORDER_BLOCKED);
        assertThat(outcome.message()).contains("already verified");
        assertThat(session.order()).isEmpty();
    }

    @Test
    void answersNoOrderOpenToAnItemScannedFirst() {
        var outcome = ean(MUG);

        assertThat(outcome.verdict()).isEqualTo(Verdict.NO_ORDER_OPEN);
        assertThat(outcome.message()).contains("scan the order's pack slip first").contains("Blue Mug (4006381333931)");
        assertThat(session.packed()).isEmpty();
        assertThat(outcome.events()).singleElement().satisfies(e -> assertThat(e.sku()).contains("MUG-BLUE"));
    }

    @Test
    void refusesAnotherOrderWhileItemsAreInTheBox() {
        scan("SO-1234");
        ean(MUG);

        var outcome = scan("SO-2000");

        assertThat(outcome.verdict()).isEqualTo(Verdict.COMMAND_REFUSED);
        assertThat(outcome.message()).isEqualTo(
                "Order SO-1234 is still open with 1 unit in the box: finish it, or scan CANCEL before opening order SO-2000");
        assertThat(session.order().map(Order::id)).contains("SO-1234");
        assertThat(session.verified("MUG-BLUE")).isEqualTo(1);
    }

    @Test
    void switchesToAnotherOrderWhenTheBoxIsStillEmpty() {
        scan("SO-1234");

        var outcome = scan("SO-2000");

        assertThat(outcome.verdict()).isEqualTo(Verdict.ORDER_OPENED);
        assertThat(session.order().map(Order::id)).contains("SO-2000");
        assertThat(outcome.events()).extracting(PackEvent::kind)
                .containsExactly(EventKind.SESSION_CANCELLED, EventKind.ORDER_OPENED);
        assertThat(outcome.events().get(0).orderId()).contains("SO-1234");
        assertThat(outcome.events().get(1).orderId()).contains("SO-2000");
    }

    @Test
    void opensAnotherOrderAfterCancellingTheSession() {
        scan("SO-1234");
        ean(MUG);
        scan(Commands.CANCEL);

        var outcome = scan("SO-2000");

        assertThat(outcome.verdict()).isEqualTo(Verdict.ORDER_OPENED);
        assertThat(session.packed()).isEmpty();
    }

    @Test
    void rescanningTheOpenOrderKeepsWhatIsPacked() {
        scan("SO-1234");
        ean(MUG);

        var outcome = scan("TOTE-17");

        assertThat(outcome.verdict()).isEqualTo(Verdict.ORDER_OPENED);
        assertThat(outcome.message()).startsWith("Order SO-1234 is already open");
        assertThat(session.verified("MUG-BLUE")).isEqualTo(1);
    }

    @Test
    void withPackerRequiredRefusesToOpenAnOrderUntilABadgeIsScanned() {
        rules = new PackRules(BERLIN, true);

        var refused = scan("SO-1234");
        scan("PCK-P-P100");
        var opened = scan("SO-1234");

        assertThat(refused.verdict()).isEqualTo(Verdict.COMMAND_REFUSED);
        assertThat(refused.message()).startsWith("Log in first");
        assertThat(opened.verdict()).isEqualTo(Verdict.ORDER_OPENED);
        assertThat(opened.events().get(0).packer()).contains("P100");
    }

    @Test
    void withPackerRequiredRefusesItemsAfterThePackerLogsOut() {
        rules = new PackRules(BERLIN, true);
        scan("PCK-P-P100");
        scan("SO-1234");
        scan(Commands.LOGOUT);

        var outcome = ean(MUG);

        assertThat(outcome.verdict()).isEqualTo(Verdict.COMMAND_REFUSED);
        assertThat(session.verified("MUG-BLUE")).isZero();
    }
}
