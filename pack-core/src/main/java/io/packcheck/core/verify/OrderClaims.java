package io.packcheck.core.verify;

import io.packcheck.core.catalog.Order;
import io.packcheck.core.verify.PackEvent.EventKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One station packs an order at a time: an opening the hub refuses because another station has the order. Pure,
 * like the rules it follows.
 */
public final class OrderClaims {

    private OrderClaims() {}

    /** The order this outcome opens, when it opens one (a scan of the order already open opens nothing). */
    public static Optional<Order> opened(Outcome outcome) {
        boolean opens = outcome.verdict() == Verdict.ORDER_OPENED
                && outcome.events().stream().anyMatch(e -> e.kind() == EventKind.ORDER_OPENED);
        return opens ? outcome.session().order() : Optional.empty();
    }

    /**
     * The opening refused: the session stays as it was (whatever was open stays open, nothing is counted), and the
     * scan is recorded against that session, not against the refused order, which belongs to the other station.
     *
     * @param opening the rules' outcome that would have opened the order
     * @param holder  the station packing it
     * @param since   when it started, as the packer reads the time (e.g. {@code 10:42})
     */
    public static Outcome claimedElsewhere(PackSession before, Outcome opening, String holder, String since, Instant at) {
        Order order = opening.session().order().orElseThrow(() -> new IllegalArgumentException("the outcome opens no order"));
        String message = order.id() + " is being packed at " + holder + " since " + since + " - ask a supervisor";
        String raw = opening.events().stream().filter(e -> e.kind() == EventKind.ORDER_OPENED).findFirst()
                .map(PackEvent::raw).orElse("");
        PackEvent event = new PackEvent(EventKind.SCAN, Verdict.ORDER_CLAIMED_ELSEWHERE, at, before.stationId(),
                before.packer(), before.order().map(Order::id), before.order().map(Order::version).orElse(0L),
                Optional.empty(), Optional.empty(), raw, 0, Optional.empty(), Optional.empty(), message, Optional.empty(),
                Optional.empty());
        return new Outcome(Verdict.ORDER_CLAIMED_ELSEWHERE, before, List.of(event), message, Optional.empty());
    }
}
