package io.packcheck.core.verify;

import io.packcheck.core.barcode.Scan;
import io.packcheck.core.catalog.Box;
import io.packcheck.core.catalog.Item;
import io.packcheck.core.catalog.Order;
import io.packcheck.core.label.ShippingLabel;
import io.packcheck.core.label.ShippingLabels;
import io.packcheck.core.verify.PackEvent.EventKind;
import io.packcheck.core.verify.PackEvent.Parcel;
import io.packcheck.core.verify.PackSession.Closing;
import io.packcheck.core.verify.PackSession.CurrentParcel;
import io.packcheck.core.verify.PackSession.Lock;
import io.packcheck.core.verify.PackSession.Refused;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The parcels of an order: box types, shipping labels, the scale, and closing. Pure; {@link PackRules} hands over
 * the scans and commands that concern a parcel.
 *
 * <p>An order is packed into parcels the station records once anything asks for them: a scale, a required label,
 * labels listed on the order, or a parcel command. Otherwise the order completes with its last unit, as it always did.
 */
final class ParcelRules {

    /** What a parcel step did, in the terms {@link PackRules} turns into an {@link Outcome}. */
    record Step(Verdict verdict, PackSession session, List<EventDraft> events, String message, Optional<String> sku) {}

    private final ParcelPolicy policy;

    ParcelRules(ParcelPolicy policy) {
        this.policy = policy;
    }

    Optional<ShippingLabel> label(Scan scan) {
        return policy.labels().recognise(scan);
    }

    /** Whether the open order is packed into parcels the station records. */
    boolean tracked(PackSession s) {
        return policy.weighing() || policy.requireLabel() || s.order().map(o -> !o.labels().isEmpty()).orElse(false)
                || !s.parcels().isEmpty() || !s.current().equals(CurrentParcel.EMPTY);
    }

    private boolean needsLabel(PackSession s) {
        return policy.requireLabel() || !s.order().orElseThrow().labels().isEmpty();
    }

    /**
     * Every unit of the order is counted. The order completes, unless its last parcel first needs its label or
     * its weight. {@code before} gives the events that come first (the scan that counted the last unit) for a verdict.
     */
    Step allPacked(PackSession s, String raw, Instant at, Function<Verdict, List<EventDraft>> before, Optional<String> sku) {
        if (!tracked(s) || s.currentParcelItems().isEmpty()) {
            return complete(s, raw, at, before.apply(Verdict.ORDER_COMPLETE), "", sku);
        }
        if (needsLabel(s) && s.current().label().isEmpty()) {
            String message = "All " + PackRules.units(s.unitsInBox()) + " packed: scan the shipping label to close parcel "
                    + s.parcelNumber();
            return new Step(Verdict.LINE_COMPLETE, s, before.apply(Verdict.LINE_COMPLETE), message, sku);
        }
        if (policy.weighing()) {
            // the last unit may still be in the packer's hand: the parcel is weighed when the packer closes it
            String message = "All " + PackRules.units(s.unitsInBox()) + " packed: with the box on the scale, scan "
                    + s.current().label().map(l -> "its label again").orElse("its shipping label or " + Commands.label(Commands.NEWBOX))
                    + " to weigh and close parcel " + s.parcelNumber();
            return new Step(Verdict.LINE_COMPLETE, s, before.apply(Verdict.LINE_COMPLETE), message, sku);
        }
        return close(s, Optional.empty(), raw, Optional.empty(), Optional.empty(), at, before, sku);
    }

    // ---- labels ----

    /** A shipping label was scanned while an order is open, unlocked, with no unit waiting for its data. */
    Step label(PackSession s, ShippingLabel label, String raw, Catalog catalog, Instant at) {
        Order order = s.order().orElseThrow();
        String code = label.trackingNumber();
        String shown = label.carrier().words() + " label " + code;
        int n = s.parcelNumber();
        if (s.weighing()) {
            Closing closing = s.current().closing().get();
            if (closing.label().or(() -> s.current().label()).filter(code::equals).isPresent()) {
                return weighAgain(s, raw, at);
            }
            return refused(s, raw, at, "Parcel " + n + " waits for the scale: keep the box still and scan "
                    + Commands.label(Commands.NEWBOX) + " to weigh it again, or " + Commands.label(Commands.UNDO) + " to reopen it");
        }
        Set<String> listed = listed(order);
        Optional<String> owner = listed.contains(code) ? Optional.of(order.id()) : catalog.orderOfLabel(code);
        if (owner.isPresent() && !owner.get().equals(order.id())) {
            return mismatch(s, raw, at, "Wrong label: " + shown + " is order " + owner.get() + "'s label, not " + order.id()
                    + "'s - take it off and scan " + Commands.label(Commands.CLEAR));
        }
        if (owner.isEmpty() && !listed.isEmpty()) {
            return mismatch(s, raw, at, "Wrong label: " + shown + " is not one of order " + order.id() + "'s labels ("
                    + String.join(", ", listed) + ") - take it off and scan " + Commands.label(Commands.CLEAR));
        }
        for (Parcel closed : s.parcels()) {
            if (closed.label().filter(code::equals).isPresent()) {
                return mismatch(s, raw, at, "Wrong label: " + shown + " is already on parcel " + closed.number()
                        + " (a label printed twice?) - take it off and scan " + Commands.label(Commands.CLEAR));
            }
        }
        Optional<String> current = s.current().label();
        if (s.currentParcelItems().isEmpty()) {
            if (current.isEmpty()) {
                PackSession next = s.withCurrent(s.current().withLabel(Optional.of(code)));
                String message = shown + " is on parcel " + n + ": pack its items. " + PackRules.toPack(next);
                return step(Verdict.LABEL_SCANNED, next, raw, at, message);
            }
            String message = current.get().equals(code)
                    ? shown + " is already on parcel " + n + ": pack its items"
                    : "Parcel " + n + " already has label " + current.get() + ": scan " + Commands.label(Commands.UNDO)
                            + " to take it back first";
            return refused(s, raw, at, message);
        }
        if (current.isEmpty()) {
            return close(s, Optional.of(code), raw, Optional.empty(), Optional.empty(), at, v -> List.of(scan(v, s, raw, at)),
                    Optional.empty());
        }
        if (current.get().equals(code)) {
            return close(s, Optional.empty(), raw, Optional.empty(), Optional.empty(), at, v -> List.of(scan(v, s, raw, at)),
                    Optional.empty());
        }
        // label first: the next box's label closes this one
        return close(s, Optional.empty(), raw, Optional.empty(), Optional.of(code), at, v -> List.of(scan(v, s, raw, at)),
                Optional.empty());
    }

    private static Set<String> listed(Order order) {
        Set<String> listed = new LinkedHashSet<>();
        order.labels().forEach(l -> listed.add(ShippingLabels.normalise(l)));
        return listed;
    }

    // ---- NEWBOX and box types ----

    /** NEWBOX, or a box-type code when {@code box} is present, on an open, unlocked order. */
    Step newBox(PackSession s, Optional<String> box, String raw, Catalog catalog, Instant at) {
        int n = s.parcelNumber();
        Optional<Box> type = Optional.empty();
        if (box.isPresent()) {
            type = catalog.box(box.get());
            if (type.isEmpty()) {
                return refused(s, raw, at, "Unknown box type " + box.get() + ": it is not in the box catalogue"
                        + " - use another box, or ask your supervisor to add it");
            }
        }
        if (s.weighing()) {
            if (box.isEmpty()) {
                return weighAgain(s, raw, at);
            }
            return refused(s, raw, at, "Parcel " + n + " waits for the scale: scan " + Commands.label(Commands.NEWBOX)
                    + " to weigh it again first");
        }
        if (s.currentParcelItems().isEmpty()) {
            if (type.isEmpty()) {
                return refused(s, raw, at, "Parcel " + n + " is empty: pack something into it before closing it");
            }
            PackSession next = s.withCurrent(s.current().withBox(box));
            String message = "Parcel " + n + " goes in box " + describe(type.get()) + ". " + PackRules.toPack(next);
            return step(Verdict.COMMAND_ACCEPTED, next, raw, at, message);
        }
        if (needsLabel(s) && s.current().label().isEmpty()) {
            String message = "Parcel " + n + " needs its shipping label first: scan the label, then scan "
                    + (box.isPresent() ? "the box type" : Commands.label(Commands.NEWBOX)) + " again";
            EventDraft event = new EventDraft(EventKind.SCAN, Verdict.LABEL_REQUIRED, at, s, raw, message);
            return new Step(Verdict.LABEL_REQUIRED, s, List.of(event), message, Optional.empty());
        }
        return close(s, Optional.empty(), raw, box, Optional.empty(), at, v -> List.of(scan(v, s, raw, at)), Optional.empty());
    }

    // ---- closing and weighing ----

    /** Closes the current parcel: waits for the scale when there is one, else records it at once. */
    private Step close(PackSession s, Optional<String> label, String raw, Optional<String> nextBox, Optional<String> nextLabel,
            Instant at, Function<Verdict, List<EventDraft>> before, Optional<String> sku) {
        if (policy.weighing()) {
            Closing closing = new Closing(raw, label, nextBox, nextLabel, Optional.empty(), at);
            PackSession waiting = s.withCurrent(s.current().withClosing(Optional.of(closing)));
            String message = "Parcel " + s.parcelNumber() + labelWords(label.or(() -> s.current().label()))
                    + " is closed: weighing - keep the box still on the scale";
            return new Step(Verdict.WEIGHING, waiting, before.apply(Verdict.WEIGHING), message, sku);
        }
        return closed(s, label.or(() -> s.current().label()), nextBox, nextLabel, Optional.empty(), Optional.empty(),
                Optional.empty(), raw, at, before, "", sku);
    }

    private Step weighAgain(PackSession s, String raw, Instant at) {
        Closing closing = s.current().closing().orElseThrow();
        PackSession next = s.withCurrent(s.current().withClosing(Optional.of(closing.withWeighed(Optional.empty()))));
        String message = "Weighing parcel " + s.parcelNumber() + " again - keep the box still on the scale";
        return new Step(Verdict.WEIGHING, next, List.of(), message, Optional.empty());
    }

    /** The scale's answer for the parcel that waits for it; empty when none waits (the reading came too late). */
    Optional<Step> weighed(PackSession s, ScaleReading reading, Catalog catalog, Instant at) {
        if (!s.weighing() || s.locked()) {
            return Optional.empty();
        }
        Closing closing = s.current().closing().get();
        int n = s.parcelNumber();
        if (reading instanceof ScaleReading.NotReady notReady) {
            String message = "Parcel " + n + " not weighed: " + notReady.reason() + " - keep the box still and scan "
                    + Commands.label(Commands.NEWBOX) + " to weigh it again (or a supervisor closes it without a weight)";
            EventDraft event = new EventDraft(EventKind.SCAN, Verdict.SCALE_NOT_READY, at, s, closing.raw(), message);
            return Optional.of(new Step(Verdict.SCALE_NOT_READY, s, List.of(event), message, Optional.empty()));
        }
        double grams = ((ScaleReading.Settled) reading).grams();
        Expected expected = expected(s, catalog);
        Optional<String> label = closing.label().or(() -> s.current().label());
        if (expected.grams().isEmpty()) {
            String note = " (weight not checked: " + expected.unknown() + ")";
            return Optional.of(closed(s, label, closing.nextBox(), closing.nextLabel(), Optional.of(grams), Optional.empty(),
                    Optional.empty(), closing.raw(), at, v -> List.of(), note, Optional.empty()));
        }
        double want = expected.grams().get();
        double tolerance = policy.tolerance(want);
        if (Math.abs(grams - want) <= tolerance) {
            return Optional.of(closed(s, label, closing.nextBox(), closing.nextLabel(), Optional.of(grams), Optional.of(want),
                    Optional.of(tolerance), closing.raw(), at, v -> List.of(), "", Optional.empty()));
        }
        String message = "Wrong weight: parcel " + n + " should weigh " + grams(want) + " +/- " + Math.round(tolerance)
                + ", it weighs " + grams(grams) + ": " + likelyCause(s, catalog, grams - want, tolerance)
                + " - check the box, then scan " + Commands.label(Commands.CLEAR) + " to weigh it again";
        PackSession locked = s.withCurrent(s.current().withClosing(Optional.of(closing.withWeighed(Optional.of(grams)))))
                .withLock(Optional.of(new Lock(Verdict.WEIGHT_MISMATCH, message, Optional.empty())));
        EventDraft event = new EventDraft(EventKind.SCAN, Verdict.WEIGHT_MISMATCH, at, s, closing.raw(), message);
        event.parcel = Optional.of(parcel(s, label, Optional.of(grams), Optional.of(want), Optional.of(tolerance)));
        return Optional.of(new Step(Verdict.WEIGHT_MISMATCH, locked, List.of(event), message, Optional.empty()));
    }

    /** CLEAR of a weight mismatch: the packer fixed the box; weigh it again. */
    Step clearedWeight(PackSession unlocked, EventDraft cleared, String raw, Instant at) {
        Step again = weighAgain(unlocked, raw, at);
        cleared.reason = "Cleared WEIGHT_MISMATCH: weighing parcel " + unlocked.parcelNumber() + " again";
        return new Step(Verdict.WEIGHING, again.session(), List.of(cleared), cleared.reason + " - keep the box still on the scale",
                Optional.empty());
    }

    /**
     * A supervisor closes the waiting parcel as it is: with the weight the scale gave (a refused weight accepted) or
     * without one (a scale that does not settle).
     */
    Step overridden(PackSession s, EventDraft override, String reasonCode, Instant at) {
        Closing closing = s.current().closing().orElseThrow();
        Optional<String> label = closing.label().or(() -> s.current().label());
        Step closed = closed(s, label, closing.nextBox(), closing.nextLabel(), closing.weighed(), Optional.empty(),
                Optional.empty(), closing.raw(), at, v -> List.of(override), "", Optional.empty());
        // the parcel event carries who let it go and why, so the hub can leave it out of learned weights
        for (EventDraft e : closed.events()) {
            if (e.kind == EventKind.PARCEL_CLOSED) {
                e.supervisor = override.supervisor;
                e.reasonCode = Optional.of(reasonCode);
            }
        }
        String message = override.reason + ". " + closed.message();
        return new Step(closed.verdict(), closed.session(), closed.events(), message, Optional.empty());
    }

    /** UNDO while the parcel waits for the scale: it opens again, and a label that closed it comes back off. */
    Step reopen(PackSession s, String raw, Instant at) {
        Closing closing = s.current().closing().orElseThrow();
        PackSession next = s.withCurrent(s.current().withClosing(Optional.empty()));
        String message = "Parcel " + s.parcelNumber() + " is open again"
                + closing.label().map(l -> " (label " + l + " taken back)").orElse("") + ". " + PackRules.toPack(next);
        EventDraft event = new EventDraft(EventKind.UNDO, Verdict.COMMAND_ACCEPTED, at, s, raw, message);
        return new Step(Verdict.COMMAND_ACCEPTED, next, List.of(event), message, Optional.empty());
    }

    /** UNDO with nothing packed in the current parcel: takes back its label, else its box type. */
    Optional<Step> undoEmpty(PackSession s, String raw, Instant at) {
        CurrentParcel current = s.current();
        String what;
        PackSession next;
        if (current.label().isPresent()) {
            what = "label " + current.label().get();
            next = s.withCurrent(current.withLabel(Optional.empty()));
        } else if (current.box().isPresent()) {
            what = "box type " + current.box().get();
            next = s.withCurrent(current.withBox(Optional.empty()));
        } else {
            return Optional.empty();
        }
        String message = "Took back " + what + " of parcel " + s.parcelNumber() + ". " + PackRules.toPack(next);
        EventDraft event = new EventDraft(EventKind.UNDO, Verdict.COMMAND_ACCEPTED, at, s, raw, message);
        return Optional.of(new Step(Verdict.COMMAND_ACCEPTED, next, List.of(event), message, Optional.empty()));
    }

    private Step closed(PackSession s, Optional<String> label, Optional<String> nextBox, Optional<String> nextLabel,
            Optional<Double> weight, Optional<Double> expected, Optional<Double> tolerance, String raw, Instant at,
            Function<Verdict, List<EventDraft>> before, String note, Optional<String> sku) {
        Parcel parcel = parcel(s, label, weight, expected, tolerance);
        PackSession next = s.withParcelClosed(parcel, new CurrentParcel(nextBox, nextLabel, Optional.empty()));
        String done = "Parcel " + parcel.number() + labelWords(label) + weight.map(g -> ", " + grams(g)).orElse("")
                + " closed" + note;
        EventDraft event = new EventDraft(EventKind.PARCEL_CLOSED, Verdict.PARCEL_CLOSED, at, s, raw, done);
        event.quantity = parcel.items().values().stream().mapToInt(Integer::intValue).sum();
        event.parcel = Optional.of(parcel);
        boolean complete = next.missing().isEmpty() && next.awaiting().isEmpty();
        List<EventDraft> all = new ArrayList<>(before.apply(complete ? Verdict.ORDER_COMPLETE : Verdict.PARCEL_CLOSED));
        all.add(event);
        if (complete) {
            return complete(next, raw, at, all, done + ". ", sku);
        }
        String message = done + ". Parcel " + next.parcelNumber() + nextLabel.map(l -> " (label " + l + ")").orElse("") + ": "
                + PackRules.toPack(next);
        return new Step(Verdict.PARCEL_CLOSED, next, all, message, sku);
    }

    private Step complete(PackSession s, String raw, Instant at, List<EventDraft> events, String prefix, Optional<String> sku) {
        String id = s.order().orElseThrow().id();
        int parcels = s.parcels().size();
        String message = prefix + "Order " + id + " complete: " + PackRules.units(s.unitsInBox()) + " verified"
                + (parcels > 1 ? " in " + parcels + " parcels" : "") + " - close the box";
        EventDraft done = new EventDraft(EventKind.ORDER_COMPLETED, Verdict.ORDER_COMPLETE, at, s, raw, message);
        done.quantity = s.unitsInBox();
        List<EventDraft> all = new ArrayList<>(events);
        all.add(done);
        return new Step(Verdict.ORDER_COMPLETE, s.closed(), all, message, sku);
    }

    private static Parcel parcel(PackSession s, Optional<String> label, Optional<Double> weight, Optional<Double> expected,
            Optional<Double> tolerance) {
        return new Parcel(s.parcelNumber(), s.current().box(), label, s.currentParcelItems(), weight, expected, tolerance);
    }

    // ---- expected weight ----

    /** Item weights plus tare; empty, with what is unknown in words, when a weight is missing. */
    record Expected(Optional<Double> grams, String unknown) {}

    Expected expected(PackSession s, Catalog catalog) {
        double sum = 0;
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, Integer> e : s.currentParcelItems().entrySet()) {
            Optional<Item.UnitWeight> weight = catalog.item(e.getKey()).flatMap(Item::unitWeight);
            if (weight.isEmpty()) {
                unknown.add(e.getKey());
            } else {
                sum += weight.get().grams() * e.getValue();
            }
        }
        if (!unknown.isEmpty()) {
            return new Expected(Optional.empty(), "no weight known for " + String.join(", ", unknown));
        }
        Optional<String> box = s.current().box();
        if (box.isPresent()) {
            Optional<Box> type = catalog.box(box.get());
            if (type.isEmpty()) {
                return new Expected(Optional.empty(), "box type " + box.get() + " is no longer in the box catalogue");
            }
            return new Expected(Optional.of(sum + type.get().tareGrams()), "");
        }
        return new Expected(Optional.of(sum + policy.defaultTareGrams()), "");
    }

    /**
     * What most likely explains a difference: a whole number (1 to 3) of one order item's units, within the tolerance,
     * else a general hint. Positive {@code difference}: the parcel is too heavy.
     */
    static String likelyCause(PackSession s, Catalog catalog, double difference, double tolerance) {
        double off = Math.abs(difference);
        String best = null;
        double bestError = Double.MAX_VALUE;
        for (String sku : PackSession.required(s.order().orElseThrow()).keySet()) {
            Optional<Item> item = catalog.item(sku);
            Optional<Item.UnitWeight> weight = item.flatMap(Item::unitWeight);
            if (weight.isEmpty()) {
                continue;
            }
            double unit = weight.get().grams();
            long k = Math.round(off / unit);
            double error = Math.abs(off - k * unit);
            if (k >= 1 && k <= 3 && error <= tolerance && error < bestError) {
                bestError = error;
                String name = item.get().name().isBlank() ? sku : item.get().name();
                best = (k == 1 ? "one " + name : k + " x " + name) + (difference > 0 ? " too many?" : " missing?");
            }
        }
        if (best != null) {
            return best;
        }
        return difference > 0 ? "something in the box that was not scanned, or a heavier box?"
                : "something scanned that is not in the box?";
    }

    // ---- words and events ----

    private static String labelWords(Optional<String> label) {
        return label.map(l -> " (" + l + ")").orElse("");
    }

    private static String describe(Box box) {
        return box.code() + (box.name().equals(box.code()) ? "" : " (" + box.name() + ")") + ", " + grams(box.tareGrams())
                + " empty";
    }

    /** "1,310 g": whole grams with a thousands separator. */
    static String grams(double grams) {
        return String.format(Locale.UK, "%,d g", Math.round(grams));
    }

    private static EventDraft scan(Verdict verdict, PackSession s, String raw, Instant at) {
        return new EventDraft(EventKind.SCAN, verdict, at, s, raw, "");
    }

    private static Step step(Verdict verdict, PackSession next, String raw, Instant at, String message) {
        EventDraft event = new EventDraft(EventKind.SCAN, verdict, at, next, raw, message);
        return new Step(verdict, next, List.of(event), message, Optional.empty());
    }

    private static Step refused(PackSession s, String raw, Instant at, String message) {
        return step(Verdict.COMMAND_REFUSED, s, raw, at, message);
    }

    private static Step mismatch(PackSession s, String raw, Instant at, String message) {
        Refused refused = new Refused(Optional.empty(), 0, raw, Optional.empty(), Optional.empty(), at);
        PackSession locked = s.withLock(Optional.of(new Lock(Verdict.LABEL_MISMATCH, message, Optional.of(refused))));
        EventDraft event = new EventDraft(EventKind.SCAN, Verdict.LABEL_MISMATCH, at, s, raw, message);
        return new Step(Verdict.LABEL_MISMATCH, locked, List.of(event), message, Optional.empty());
    }
}
