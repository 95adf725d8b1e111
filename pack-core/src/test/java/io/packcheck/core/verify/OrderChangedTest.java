package io.packcheck.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.catalog.Order;
import io.packcheck.core.catalog.OrderLine;
import io.packcheck.core.catalog.OrderStatus;
import io.packcheck.core.verify.PackEvent.EventKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderChangedTest extends PackFixture {

    private static Order so1234(long version, OrderStatus status, Optional<String> reason, OrderLine... lines) {
        return new Order("SO-1234", version, List.of(lines), Optional.empty(), 0, status, reason);
    }

    private static Order so1234(long version, OrderLine... lines) {
        return so1234(version, OrderStatus.OPEN, Optional.empty(), lines);
    }

    @Test
    void aCancelledOrderLocksTheStationWithDoNotShip() {
        scan("SO-1234");
        ean(MUG);

        var outcome = orderChanged(so1234(2, OrderStatus.CANCELLED, Optional.of("customer cancelled"),
                new OrderLine("MUG-BLUE", 3))).orElseThrow();

        assertThat(outcome.verdict()).isEqualTo(Verdict.ORDER_BLOCKED);
        assertThat(outcome.message()).isEqualTo(
                "DO NOT SHIP: order SO-1234 was cancelled (customer cancelled) - take everything out and scan CANCEL");
        assertThat(outcome.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.ORDER_BLOCKED);
            assertThat(e.orderVersion()).isEqualTo(2);
            assertThat(e.reason()).isEqualTo(outcome.message());
        });
        assertThat(session.lock()).hasValueSatisfying(l -> assertThat(l.blocked()).isTrue());
    }

    @Test
    void aBlockedOrderAnswersItemsWithOrderBlockedAndOnlyCancelEndsIt() {
        scan("SO-1234");
        ean(PEN);
        orderChanged(so1234(2, OrderStatus.CANCELLED, Optional.empty(), new OrderLine("MUG-BLUE", 3)));

        var item = ean(MUG);
        var clear = scan(Commands.CLEAR);
        var supervisor = scan("PCK-S-S900");
        var undo = scan(Commands.UNDO);
        var cancel = scan(Commands.CANCEL);

        assertThat(item.verdict()).isEqualTo(Verdict.ORDER_BLOCKED);
        assertThat(clear.verdict()).isEqualTo(Verdict.COMMAND_REFUSED);
        assertThat(supervisor.verdict()).isEqualTo(Verdict.COMMAND_REFUSED);
        assertThat(supervisor.message()).startsWith("The hub blocked this order; it cannot be overridden at the station");
        assertThat(undo.verdict()).isEqualTo(Verdict.COMMAND_REFUSED);
        assertThat(cancel.verdict()).isEqualTo(Verdict.COMMAND_ACCEPTED);
        assertThat(session.order()).isEmpty();
    }

    @Test
    void aHeldOrderUnlocksWhenTheHubReleasesIt() {
        scan("SO-1234");
        ean(MUG);
        orderChanged(so1234(2, OrderStatus.ON_HOLD, Optional.of("payment check"), SO_1234.lines().toArray(OrderLine[]::new)));

        var released = orderChanged(so1234(3, SO_1234.lines().toArray(OrderLine[]::new))).orElseThrow();
        var item = ean(MUG);

        assertThat(released.verdict()).isEqualTo(Verdict.ORDER_OPENED);
        assertThat(released.message()).startsWith("Order SO-1234 changed to version 3 and was released: Still to pack");
        assertThat(released.events()).singleElement().satisfies(e -> assertThat(e.kind()).isEqualTo(EventKind.ORDER_CHANGED));
        assertThat(item.verdict()).isEqualTo(Verdict.MATCH);
        assertThat(session.verified("MUG-BLUE")).isEqualTo(2);
    }

    @Test
    void aLineReducedBelowWhatIsPackedLocksUntilTheExcessIsTakenOut() {
        scan("SO-1234");
        ean(MUG);
        ean(MUG);
        ean(MUG);

        var changed = orderChanged(so1234(2, new OrderLine("MUG-BLUE", 1), new OrderLine("TEA-GREEN", 2))).orElseThrow();
        var item = ean(MUG);
        var cleared = scan(Commands.CLEAR);

        assertThat(changed.verdict()).isEqualTo(Verdict.OVER_QUANTITY);
        assertThat(changed.message()).isEqualTo(
                "Order SO-1234 changed to version 2: Order SO-1234 now needs fewer: take out 2 x MUG-BLUE and scan CLEAR");
        assertThat(changed.sku()).contains("MUG-BLUE");
        assertThat(changed.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.ORDER_CHANGED);
            assertThat(e.verdict()).isEqualTo(Verdict.OVER_QUANTITY);
        });
        assertThat(item.verdict()).isEqualTo(Verdict.LOCKED);
        assertThat(cleared.verdict()).isEqualTo(Verdict.COMMAND_ACCEPTED);
        assertThat(cleared.events().get(0).quantity()).isEqualTo(-2);
        assertThat(session.verified("MUG-BLUE")).isEqualTo(1);
        assertThat(session.packed()).hasSize(1);
    }

    @Test
    void takingOutTheExcessCanCompleteTheOrder() {
        scan("SO-MUGS");
        ean(MUG);
        orderChanged(new Order("SO-MUGS", 2, List.of(new OrderLine("MUG-BLUE", 8)), Optional.empty(), 0,
                OrderStatus.OPEN, Optional.empty()));
        ean(MUG_CASE);
        // 7 packed; now the customer wants only 4
        var changed = orderChanged(new Order("SO-MUGS", 3, List.of(new OrderLine("MUG-BLUE", 4)), Optional.empty(), 0,
                OrderStatus.OPEN, Optional.empty())).orElseThrow();

        var cleared = scan(Commands.CLEAR);

        assertThat(changed.verdict()).isEqualTo(Verdict.OVER_QUANTITY);
        assertThat(changed.message()).endsWith("take out 3 x MUG-BLUE and scan CLEAR");
        assertThat(cleared.verdict()).isEqualTo(Verdict.ORDER_COMPLETE);
        assertThat(cleared.events().get(0).quantity()).isEqualTo(-3);
        assertThat(cleared.events()).extracting(PackEvent::kind)
                .containsExactly(EventKind.SESSION_CLEARED, EventKind.ORDER_COMPLETED);
        assertThat(session.order()).isEmpty();
    }

    @Test
    void anItemDroppedFromTheOrderMustComeOut() {
        scan("SO-1234");
        ean(MUG);

        var changed = orderChanged(so1234(2, new OrderLine("TEA-GREEN", 2))).orElseThrow();

        assertThat(changed.verdict()).isEqualTo(Verdict.OVER_QUANTITY);
        assertThat(changed.message()).endsWith("take out 1 x MUG-BLUE and scan CLEAR");
    }

    @Test
    void aSupervisorCanLetTheExcessStayAsExtra() {
        scan("SO-1234");
        ean(MUG);
        ean(MUG);
        orderChanged(so1234(2, new OrderLine("MUG-BLUE", 1), new OrderLine("TEA-GREEN", 2)));
        scan("PCK-S-S900");

        var outcome = scan("PCK-R-ORDER-OUTDATED");

        assertThat(outcome.verdict()).isEqualTo(Verdict.COMMAND_ACCEPTED);
        assertThat(session.verified("MUG-BLUE")).isEqualTo(1);
        assertThat(session.unitsInBox()).isEqualTo(2);
        assertThat(session.locked()).isFalse();
    }

    @Test
    void aLineReducedToWhatIsPackedCompletesTheOrder() {
        scan("SO-1234");
        ean(MUG);

        var outcome = orderChanged(so1234(2, new OrderLine("MUG-BLUE", 1))).orElseThrow();

        assertThat(outcome.verdict()).isEqualTo(Verdict.ORDER_COMPLETE);
        assertThat(outcome.events()).extracting(PackEvent::kind).containsExactly(EventKind.ORDER_CHANGED, EventKind.ORDER_COMPLETED);
        assertThat(session.order()).isEmpty();
    }

    @Test
    void addedLinesKeepWhatIsPackedAndSayWhatIsLeft() {
        scan("SO-MUGS");
        ean(MUG);

        var outcome = orderChanged(new Order("SO-MUGS", 2, List.of(new OrderLine("MUG-BLUE", 2), new OrderLine("PEN-RED", 1)),
                Optional.empty(), 0, OrderStatus.OPEN, Optional.empty())).orElseThrow();
        var pen = ean(PEN);

        assertThat(outcome.verdict()).isEqualTo(Verdict.ORDER_OPENED);
        assertThat(outcome.message()).isEqualTo(
                "Order SO-MUGS changed to version 2: Still to pack: 1 x MUG-BLUE, 1 x PEN-RED (2 units)");
        assertThat(session.order().orElseThrow().version()).isEqualTo(2);
        assertThat(pen.verdict()).isEqualTo(Verdict.LINE_COMPLETE);
    }

    @Test
    void anExistingLockStaysWhenTheOrderChanges() {
        scan("SO-1234");
        ean(PEN);

        var outcome = orderChanged(so1234(2, new OrderLine("MUG-BLUE", 4))).orElseThrow();

        assertThat(outcome.verdict()).isEqualTo(Verdict.WRONG_ITEM);
        assertThat(session.lock()).hasValueSatisfying(l -> assertThat(l.verdict()).isEqualTo(Verdict.WRONG_ITEM));
    }

    @Test
    void ignoresAnOtherOrderOrAnOlderVersion() {
        scan("SO-1234");
        var before = session;

        var other = orderChanged(new Order("SO-9", 5, List.of(new OrderLine("MUG-BLUE", 1)), Optional.empty(), 0,
                OrderStatus.CANCELLED, Optional.empty()));
        var stale = orderChanged(so1234(1, OrderStatus.CANCELLED, Optional.empty(), new OrderLine("MUG-BLUE", 1)));

        assertThat(other).isEmpty();
        assertThat(stale).isEmpty();
        assertThat(session).isEqualTo(before);
    }
}
