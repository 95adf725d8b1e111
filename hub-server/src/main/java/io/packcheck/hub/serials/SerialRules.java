package io.packcheck.hub.serials;

import io.packcheck.core.verify.PackEvent;
import io.packcheck.core.verify.PackEvent.EventKind;
import io.packcheck.core.verify.Verdict;
import java.util.Optional;
import java.util.Set;

/**
 * How station events put serial numbers into an order's box and take them out, and which scan of a serial already
 * packed in another order the hub flags. Pure, so every case is tested without a database.
 */
public final class SerialRules {

    private static final Set<Verdict> COUNTED = Set.of(Verdict.MATCH, Verdict.LINE_COMPLETE, Verdict.ORDER_COMPLETE);

    private SerialRules() {}

    /** A serial of a SKU in the box of an order. */
    public record BoxSerial(String sku, String serial, String orderId) {}

    /** What one event does to the serials in its order's box. */
    public sealed interface Effect {
        /** The unit went into the box; {@code check} when a reuse must be flagged (a supervisor's override is not). */
        record Packs(BoxSerial serial, boolean check) implements Effect {}

        /** The unit was taken back out (UNDO). */
        record TakesOut(BoxSerial serial) implements Effect {}

        /** The packing of the order was cancelled at the station: everything went back. */
        record EmptiesBox(String orderId) implements Effect {}

        record None() implements Effect {}
    }

    public static Effect of(PackEvent e) {
        if (e.orderId().isEmpty()) {
            return new Effect.None();
        }
        String orderId = e.orderId().get();
        if (e.kind() == EventKind.SESSION_CANCELLED) {
            return new Effect.EmptiesBox(orderId);
        }
        if (e.sku().isEmpty() || e.serial().isEmpty()) {
            return new Effect.None();
        }
        BoxSerial serial = new BoxSerial(e.sku().get(), e.serial().get(), orderId);
        return switch (e.kind()) {
            case SCAN -> COUNTED.contains(e.verdict()) && e.quantity() > 0 ? new Effect.Packs(serial, true) : new Effect.None();
            case OVERRIDE -> e.quantity() > 0 ? new Effect.Packs(serial, false) : new Effect.None();
            case UNDO -> new Effect.TakesOut(serial);
            default -> new Effect.None();
        };
    }

    /** The reason an order flagged for a reused serial carries, naming both orders. */
    public static String reason(BoxSerial serial, String otherOrderId, String stationId) {
        return "serial " + serial.serial() + " of " + serial.sku() + " was already packed in order " + otherOrderId
                + " and was packed again in order " + serial.orderId() + " at station " + stationId
                + " (a copied label, or a unit that came back)";
    }

    /** The first other order holding the serial, if any; the asking order itself is no reuse. */
    public static Optional<String> elsewhere(java.util.List<PackedIn> packedIn, String orderId) {
        return packedIn.stream().map(PackedIn::orderId).filter(o -> !o.equals(orderId)).findFirst();
    }

    /** An order whose box holds the serial, as the hub knows it. */
    public record PackedIn(String orderId, String stationId, java.time.Instant at, Optional<String> orderStatus) {}
}
