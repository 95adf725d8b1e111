package io.packcheck.core.verify;

import io.packcheck.core.barcode.Gtin;
import io.packcheck.core.barcode.Scan;
import io.packcheck.core.barcode.ScanParse;
import io.packcheck.core.catalog.Badge;
import io.packcheck.core.catalog.Item;
import io.packcheck.core.catalog.Order;
import io.packcheck.core.catalog.OrderStatus;
import io.packcheck.core.label.ShippingLabel;
import io.packcheck.core.verify.Commands.Command;
import io.packcheck.core.verify.Commands.ReasonCode;
import io.packcheck.core.verify.PackEvent.EventKind;
import io.packcheck.core.verify.PackSession.AwaitingData;
import io.packcheck.core.verify.PackSession.ItemData;
import io.packcheck.core.verify.PackSession.Lock;
import io.packcheck.core.verify.PackSession.Packed;
import io.packcheck.core.verify.PackSession.Pending;
import io.packcheck.core.verify.PackSession.Refused;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The verification rules: a pack session and one scan (or a new version of the open order) give a verdict,
 * the next session and the events to report. Pure: no I/O, no clock, no shared state; safe from any thread.
 */
public final class PackRules {

    private static final String TAKE_OUT = " - take it out and scan CLEAR";

    private final ZoneId zone;
    private final boolean packerRequired;
    private final boolean typedItemData;
    private final ParcelRules parcels;

    /**
     * @param zone           the station's time zone, which decides what "today" is for expiry and shelf life
     * @param packerRequired when true, orders open and items count only while a packer is logged in by badge
     * @param typedItemData  when true, an expiry date, lot or serial an item must carry may be typed as printed
     *                       under its code, e.g. {@code (17)261231}; when false only a scanned GS1 code supplies it
     */
    public PackRules(ZoneId zone, boolean packerRequired, boolean typedItemData, ParcelPolicy parcels) {
        this.zone = zone;
        this.packerRequired = packerRequired;
        this.typedItemData = typedItemData;
        this.parcels = new ParcelRules(parcels);
    }

    /** Rules with the standard parcel policy: no scale, labels only where the order lists them. */
    public PackRules(ZoneId zone, boolean packerRequired, boolean typedItemData) {
        this(zone, packerRequired, typedItemData, ParcelPolicy.standard());
    }

    /** Rules where an item's data comes only from a scanned GS1 code. */
    public PackRules(ZoneId zone, boolean packerRequired) {
        this(zone, packerRequired, false);
    }

    /** Rules that let anyone pack without logging in. */
    public PackRules(ZoneId zone) {
        this(zone, false);
    }

    /** Checks one scan against the session. */
    public Outcome scan(PackSession session, ScanParse parse, Catalog catalog, Instant at) {
        if (parse instanceof ScanParse.Rejected rejected) {
            String message = "Could not read that barcode (" + rejected.reason() + ") - scan it again";
            return answer(Verdict.UNREADABLE, session, new EventDraft(EventKind.SCAN, Verdict.UNREADABLE, at, session, rejected.raw(), message));
        }
        Scan scan = ((ScanParse.Parsed) parse).scan();
        Optional<Command> command = Commands.parse(scan.data());
        if (command.isPresent()) {
            Command c = command.get();
            PackSession s = c instanceof Command.Reason ? session : session.withPending(Optional.empty());
            return command(s, c, scan, catalog, at);
        }
        // any other scan abandons a started SHORT or override
        PackSession s = session.withPending(Optional.empty());
        if (dataOnly(scan)) {
            return data(s, scan, catalog, at);
        }
        Optional<ItemMatch> item = scan.gtin().flatMap(catalog::itemByGtin).or(() -> catalog.itemByCode(scan.data()));
        if (item.isPresent()) {
            return item(s, scan, item.get(), catalog, at);
        }
        Optional<Order> order = catalog.order(scan.data());
        if (order.isPresent()) {
            return openOrder(s, order.get(), scan, at);
        }
        Optional<ShippingLabel> label = parcels.label(scan);
        if (label.isPresent()) {
            return label(s, label.get(), scan, catalog, at);
        }
        String message = "Unknown code '" + printable(scan.data()) + "': not an item, order or command here"
                + " - put it aside and tell your supervisor";
        return answer(Verdict.UNKNOWN_CODE, s, new EventDraft(EventKind.SCAN, Verdict.UNKNOWN_CODE, at, s, scan.raw(), message));
    }

    /**
     * The scale's answer for a parcel that waits for its weight. Empty when no parcel waits (a late answer, or the
     * session moved on).
     */
    public Optional<Outcome> weighed(PackSession session, ScaleReading reading, Catalog catalog, Instant at) {
        return parcels.weighed(session, reading, catalog, at).map(PackRules::outcome);
    }

    /**
     * Applies a new version of an order from the hub. Empty when the session does not have this order open
     * or already knows this version.
     */
    public Optional<Outcome> orderChanged(PackSession session, Order updated, Instant at) {
        Optional<Order> open = session.order();
        if (open.isEmpty() || !open.get().id().equals(updated.id()) || updated.version() <= open.get().version()) {
            return Optional.empty();
        }
        PackSession s = session.withOrder(updated).withPending(Optional.empty());
        String id = updated.id();
        if (updated.status().blocksPacking()) {
            String why = updated.holdReason().map(r -> " (" + r + ")").orElse("");
            String message = updated.status() == OrderStatus.CANCELLED
                    ? "DO NOT SHIP: order " + id + " was cancelled" + why + " - take everything out and scan " + Commands.label(Commands.CANCEL)
                    : "DO NOT SHIP: order " + id + " is on hold" + why
                            + " - set the box aside until it is released, or take everything out and scan " + Commands.label(Commands.CANCEL);
            s = s.withLock(Optional.of(new Lock(Verdict.ORDER_BLOCKED, message, Optional.empty())));
            return Optional.of(answer(Verdict.ORDER_BLOCKED, s,
                    new EventDraft(EventKind.ORDER_BLOCKED, Verdict.ORDER_BLOCKED, at, s, "", message)));
        }
        boolean released = s.lock().filter(Lock::blocked).isPresent();
        if (released) {
            s = s.withLock(Optional.empty());
        }
        String change = "Order " + id + " changed to version " + updated.version() + (released ? " and was released" : "");
        Settled settled = settle(s, at, "");
        String message = settled.message().map(m -> change + ": " + m).orElse(change + ": " + toPack(settled.session()));
        List<EventDraft> events = new ArrayList<>();
        events.add(new EventDraft(EventKind.ORDER_CHANGED, settled.verdict().orElse(Verdict.ORDER_OPENED), at, s, "", message));
        events.addAll(settled.events());
        return Optional.of(new Outcome(settled.verdict().orElse(Verdict.ORDER_OPENED), settled.session(),
                build(events), message, settled.sku()));
    }

    // ---- items ----

    private Outcome item(PackSession s, Scan scan, ItemMatch match, Catalog catalog, Instant at) {
        Item item = match.item();
        String sku = item.sku();
        int quantity = match.quantity();
        String shown = describe(item, scan, quantity);
        if (s.order().isEmpty()) {
            String message = "No order open: scan the order's pack slip first (" + shown + " was not counted)";
            return answer(Verdict.NO_ORDER_OPEN, s, itemEvent(Verdict.NO_ORDER_OPEN, at, s, scan, sku, 0, message));
        }
        if (packerRequired && s.packer().isEmpty()) {
            String message = "Log in first: scan your badge, then scan " + shown + " again";
            return answer(Verdict.COMMAND_REFUSED, s, itemEvent(Verdict.COMMAND_REFUSED, at, s, scan, sku, 0, message));
        }
        if (s.lock().isPresent()) {
            Lock lock = s.lock().get();
            Verdict verdict = lock.blocked() ? Verdict.ORDER_BLOCKED : Verdict.LOCKED;
            String message = lock.blocked() ? lock.reason() : "Locked, " + shown + " was not counted. " + lock.reason()
                    + " (or a supervisor scans their badge)";
            return answer(verdict, s, itemEvent(verdict, at, s, scan, sku, 0, message));
        }
        if (s.weighing()) {
            String message = shown + " was not counted: parcel " + s.parcelNumber() + " waits for the scale - scan "
                    + Commands.label(Commands.NEWBOX) + " to weigh it again, or " + Commands.label(Commands.UNDO) + " to reopen it";
            return answer(Verdict.COMMAND_REFUSED, s, itemEvent(Verdict.COMMAND_REFUSED, at, s, scan, sku, 0, message));
        }
        int required = PackSession.required(s.order().get()).getOrDefault(sku, 0);
        if (required == 0) {
            Optional<String> expected = s.missing().keySet().stream().findFirst();
            String message = "Wrong item: " + shown + " is not on order " + s.order().get().id() + TAKE_OUT;
            return refuse(Verdict.WRONG_ITEM, s, scan.raw(), sku, quantity, scan.lot(), scan.serial(), expected, message, at);
        }
        boolean typedData = typed(scan) && (scan.expiry().isPresent() || scan.lot().isPresent() || scan.serial().isPresent());
        if (s.awaiting().isPresent()) {
            AwaitingData waiting = s.awaiting().get();
            if (!waiting.sku().equals(sku) || waiting.quantity() != quantity) {
                // one unit at a time: the box must not fill up with units nobody has checked
                String message = shown + " was not counted: first " + ask(waiting.missing()) + " of "
                        + describe(waiting, catalog) + " - or scan " + Commands.label(Commands.UNDO) + " to put that one aside";
                EventDraft event = itemEvent(Verdict.DATA_REQUIRED, at, s, scan, sku, 0, message);
                return new Outcome(Verdict.DATA_REQUIRED, s, List.of(event.build()), message, Optional.of(waiting.sku()));
            }
            if (typedData && !typedItemData) {
                return typedRefused(s, scan, sku, at);
            }
            return check(s, waiting.with(scan.expiry(), scan.lot(), scan.serial()), item, scan, catalog, at);
        }
        List<ItemData> needs = needs(item);
        if (typedData && !typedItemData && !needs.isEmpty()) {
            return typedRefused(s, scan, sku, at);
        }
        AwaitingData unit = new AwaitingData(sku, quantity, code(scan), scan.raw(), needs, scan.expiry(), scan.lot(),
                scan.serial(), at);
        return check(s, unit, item, scan, catalog, at);
    }

    /**
     * A scanned unit and the data it carries so far, checked against the order: refused (red), waiting for its data
     * (amber), or counted. {@code scan} is the latest scan of this unit.
     */
    private Outcome check(PackSession s, AwaitingData unit, Item item, Scan scan, Catalog catalog, Instant at) {
        Order order = s.order().orElseThrow();
        String id = order.id();
        String sku = unit.sku();
        int quantity = unit.quantity();
        String shown = describe(item, unit.code(), quantity);
        String raw = scan.raw();
        PackSession base = s.withAwaiting(Optional.empty());
        LocalDate today = LocalDate.ofInstant(at, zone);
        if (unit.expiry().isPresent()) {
            LocalDate expiry = unit.expiry().get();
            if (expiry.isBefore(today)) {
                String message = "Expired: " + shown + " expired on " + expiry + TAKE_OUT;
                return refuse(Verdict.EXPIRED, base, raw, sku, quantity, unit.lot(), unit.serial(), Optional.empty(), message, at);
            }
            long left = ChronoUnit.DAYS.between(today, expiry);
            if (left < item.minShelfLifeDays()) {
                String message = "Shelf life too short: " + shown + " expires on " + expiry + ", " + left
                        + " days from today; it must have at least " + item.minShelfLifeDays() + TAKE_OUT;
                return refuse(Verdict.SHELF_LIFE_TOO_SHORT, base, raw, sku, quantity, unit.lot(), unit.serial(),
                        Optional.empty(), message, at);
            }
        }
        if (unit.serial().isPresent() && s.hasSerial(sku, unit.serial().get())) {
            String message = "Serial " + unit.serial().get() + " of " + shown + " is already in the box"
                    + " (same unit scanned twice, or a copied label)" + TAKE_OUT;
            return refuse(Verdict.DUPLICATE_SERIAL, base, raw, sku, quantity, unit.lot(), unit.serial(), Optional.empty(), message, at);
        }
        int required = PackSession.required(order).getOrDefault(sku, 0);
        int verified = s.verified(sku);
        if (verified + quantity > required) {
            String message = "Too many: order " + id + " needs " + required + " of " + shown + ", " + verified
                    + " already packed" + (quantity > 1 ? " and this pack holds " + quantity : "") + TAKE_OUT;
            return refuse(Verdict.OVER_QUANTITY, base, raw, sku, quantity, unit.lot(), unit.serial(), Optional.empty(), message, at);
        }
        List<ItemData> missing = unit.missing();
        if (!missing.isEmpty()) {
            String message = shown + " not counted yet: " + ask(missing) + " on the same unit - or scan " + Commands.label(Commands.UNDO)
                    + " to put it aside";
            EventDraft event = itemEvent(Verdict.DATA_REQUIRED, at, s, raw, sku, 0, unit.lot(), unit.serial(), message);
            return new Outcome(Verdict.DATA_REQUIRED, base.withAwaiting(Optional.of(unit)), List.of(event.build()), message,
                    Optional.of(sku));
        }
        if (unit.serial().isPresent()) {
            Optional<String> other = catalog.serialPackedElsewhere(sku, unit.serial().get(), id);
            if (other.isPresent()) {
                String message = "Serial " + unit.serial().get() + " of " + shown + " was already packed in order "
                        + other.get() + " (a copied label, or a unit that came back)" + TAKE_OUT;
                return refuse(Verdict.DUPLICATE_SERIAL, base, raw, sku, quantity, unit.lot(), unit.serial(), Optional.empty(),
                        message, at);
            }
        }
        PackSession next = base.plus(new Packed(sku, quantity, 0, raw, unit.lot(), unit.serial(), at, Optional.empty(),
                s.parcelNumber()));
        int now = verified + quantity;
        if (next.missing().isEmpty()) {
            return outcome(parcels.allPacked(next, raw, at,
                    v -> List.of(itemEvent(v, at, s, raw, sku, quantity, unit.lot(), unit.serial(), "")), Optional.of(sku)));
        }
        Verdict verdict = now == required ? Verdict.LINE_COMPLETE : Verdict.MATCH;
        String message = verdict == Verdict.LINE_COMPLETE
                ? shown + ": all " + required + " packed. " + toPack(next)
                : shown + ": " + now + " of " + required + " packed";
        EventDraft event = itemEvent(verdict, at, s, raw, sku, quantity, unit.lot(), unit.serial(), message);
        return new Outcome(verdict, next, build(List.of(event)), message, Optional.of(sku));
    }

    /** A code carrying only an expiry date, lot or serial (no item number): the data of the unit that waits for it. */
    private Outcome data(PackSession s, Scan scan, Catalog catalog, Instant at) {
        String what = describeData(scan);
        if (s.order().isEmpty()) {
            String message = "No order open: this code carries only " + what + " - scan the order's pack slip first";
            return answer(Verdict.NO_ORDER_OPEN, s, new EventDraft(EventKind.SCAN, Verdict.NO_ORDER_OPEN, at, s, scan.raw(), message));
        }
        if (s.lock().isPresent()) {
            return whileLocked(s, what, scan.raw(), at);
        }
        if (s.weighing()) {
            return refused(s, scan.raw(), at, "Parcel " + s.parcelNumber() + " waits for the scale: " + what + " was not taken");
        }
        if (s.awaiting().isEmpty()) {
            return refused(s, scan.raw(), at, "Nothing is waiting for " + what + ": this code carries no item number"
                    + " - scan the item's own code");
        }
        AwaitingData waiting = s.awaiting().get();
        if (typed(scan) && !typedItemData) {
            return typedRefused(s, scan, waiting.sku(), at);
        }
        Optional<ItemMatch> match = itemOf(waiting, catalog);
        if (match.isEmpty()) {
            PackSession next = s.withAwaiting(Optional.empty());
            return refused(next, scan.raw(), at, waiting.sku() + " is no longer in this station's catalog: take the unit"
                    + " (" + printable(waiting.code()) + ") out of the box and tell your supervisor");
        }
        return check(s, waiting.with(scan.expiry(), scan.lot(), scan.serial()), match.get().item(), scan, catalog, at);
    }

    private Outcome typedRefused(PackSession s, Scan scan, String sku, Instant at) {
        String message = "Typed dates, lots and serials are not accepted at this station: scan the GS1 code on the unit"
                + " - or scan " + Commands.label(Commands.UNDO) + " to put it aside";
        EventDraft event = itemEvent(Verdict.COMMAND_REFUSED, at, s, scan, sku, 0, message);
        return new Outcome(Verdict.COMMAND_REFUSED, s, List.of(event.build()), message, Optional.of(sku));
    }

    /** What an item must carry before it counts. */
    static List<ItemData> needs(Item item) {
        List<ItemData> needs = new ArrayList<>(3);
        if (item.minShelfLifeDays() > 0) {
            needs.add(ItemData.EXPIRY_DATE);
        }
        if (item.lotTracked()) {
            needs.add(ItemData.LOT);
        }
        if (item.serialized()) {
            needs.add(ItemData.SERIAL);
        }
        return needs;
    }

    // a GS1 code with an expiry date, lot or serial but no item number: it only makes sense as a follow-up
    private static boolean dataOnly(Scan scan) {
        return scan.symbology().isGs1() && scan.gtin().isEmpty() && !scan.ai().containsKey("00")
                && (scan.expiry().isPresent() || scan.lot().isPresent() || scan.serial().isPresent());
    }

    // scanners send GS1 codes with FNC1 or GS; the brackets only appear in the line printed under the code
    private static boolean typed(Scan scan) {
        return scan.raw().startsWith("(");
    }

    private static String code(Scan scan) {
        return scan.gtin().map(Gtin::digits).orElse(scan.data());
    }

    private static Optional<ItemMatch> itemOf(AwaitingData unit, Catalog catalog) {
        return Gtin.tryParse(unit.code()).flatMap(catalog::itemByGtin).or(() -> catalog.itemByCode(unit.code()))
                .filter(m -> m.item().sku().equals(unit.sku()));
    }

    /** What the packer must do to give a waiting unit its data. */
    private String ask(List<ItemData> missing) {
        String words = missing.stream().map(ItemData::words).collect(Collectors.joining(" and "));
        String example = missing.stream().map(d -> "(" + d.ai() + ")" + switch (d) {
            case EXPIRY_DATE -> "YYMMDD";
            case LOT -> "LOT";
            case SERIAL -> "SERIAL";
        }).collect(Collectors.joining());
        return "scan the GS1 code with " + words + (typedItemData ? " (or type it as printed under the code, " + example + ")" : "");
    }

    private Outcome refuse(Verdict verdict, PackSession s, String raw, String sku, int quantity, Optional<String> lot,
            Optional<String> serial, Optional<String> expectedSku, String message, Instant at) {
        Refused refused = new Refused(Optional.of(sku), quantity, raw, lot, serial, at);
        PackSession locked = s.withLock(Optional.of(new Lock(verdict, message, Optional.of(refused))));
        EventDraft event = itemEvent(verdict, at, s, raw, sku, quantity, lot, serial, message);
        event.expectedSku = expectedSku;
        return new Outcome(verdict, locked, build(List.of(event)), message, Optional.of(sku));
    }

    private EventDraft itemEvent(Verdict verdict, Instant at, PackSession s, Scan scan, String sku, int quantity, String message) {
        return itemEvent(verdict, at, s, scan.raw(), sku, quantity, scan.lot(), scan.serial(), message);
    }

    private EventDraft itemEvent(Verdict verdict, Instant at, PackSession s, String raw, String sku, int quantity,
            Optional<String> lot, Optional<String> serial, String message) {
        EventDraft event = new EventDraft(EventKind.SCAN, verdict, at, s, raw, message);
        event.sku = Optional.of(sku);
        event.quantity = quantity;
        event.lot = lot;
        event.serial = serial;
        return event;
    }

    /** A code that is not an item, scanned into a locked session: nothing is taken, the lock stands. */
    private static Outcome whileLocked(PackSession s, String what, String raw, Instant at) {
        Lock lock = s.lock().orElseThrow();
        Verdict verdict = lock.blocked() ? Verdict.ORDER_BLOCKED : Verdict.LOCKED;
        String message = lock.blocked() ? lock.reason() : "Locked, " + what + " was not taken. " + lock.reason()
                + " (or a supervisor scans their badge)";
        return answer(verdict, s, new EventDraft(EventKind.SCAN, verdict, at, s, raw, message));
    }

    // ---- parcels ----

    private Outcome label(PackSession s, ShippingLabel label, Scan scan, Catalog catalog, Instant at) {
        String shown = label.carrier().words() + " label " + label.trackingNumber();
        if (s.order().isEmpty()) {
            String message = "No order open: " + shown + " is a shipping label - scan the order's pack slip first";
            return answer(Verdict.NO_ORDER_OPEN, s, new EventDraft(EventKind.SCAN, Verdict.NO_ORDER_OPEN, at, s, scan.raw(), message));
        }
        if (s.lock().isPresent()) {
            return whileLocked(s, shown, scan.raw(), at);
        }
        if (s.awaiting().isPresent()) {
            return refused(s, scan.raw(), at, shown + " was not taken: first " + ask(s.awaiting().get().missing()) + " of "
                    + describe(s.awaiting().get(), catalog) + " - or scan " + Commands.label(Commands.UNDO) + " to put that one aside");
        }
        return outcome(parcels.label(s, label, scan.raw(), catalog, at));
    }

    /** A parcel step as an outcome; an event drafted without words says what the step says. */
    private static Outcome outcome(ParcelRules.Step step) {
        fillReasons(step);
        return new Outcome(step.verdict(), step.session(), build(step.events()), step.message(), step.sku());
    }

    private static void fillReasons(ParcelRules.Step step) {
        for (EventDraft e : step.events()) {
            if (e.reason.isEmpty()) {
                e.reason = step.message();
            }
        }
    }

    // ---- orders ----

    private Outcome openOrder(PackSession s, Order order, Scan scan, Instant at) {
        String id = order.id();
        if (s.order().isPresent()) {
            Order open = s.order().get();
            if (open.id().equals(id)) {
                String message = "Order " + id + " is already open. " + toPack(s);
                return answer(Verdict.ORDER_OPENED, s, new EventDraft(EventKind.SCAN, Verdict.ORDER_OPENED, at, s, scan.raw(), message));
            }
            if (!s.packed().isEmpty() || s.locked() || s.awaitingData() || !s.parcels().isEmpty()) {
                String message = "Order " + open.id() + " is still open with " + units(s.unitsInBox()) + " in the box:"
                        + " finish it, or scan " + Commands.label(Commands.CANCEL) + " before opening order " + id;
                return answer(Verdict.COMMAND_REFUSED, s, new EventDraft(EventKind.SCAN, Verdict.COMMAND_REFUSED, at, s, scan.raw(), message));
            }
        }
        if (packerRequired && s.packer().isEmpty()) {
            String message = "Log in first: scan your badge, then scan order " + id + " again";
            return answer(Verdict.COMMAND_REFUSED, s, new EventDraft(EventKind.SCAN, Verdict.COMMAND_REFUSED, at, s, scan.raw(), message));
        }
        Optional<String> blocked = blockedReason(order);
        if (blocked.isPresent()) {
            EventDraft event = new EventDraft(EventKind.SCAN, Verdict.ORDER_BLOCKED, at, s, scan.raw(), blocked.get());
            event.orderId = Optional.of(id);
            event.orderVersion = order.version();
            return answer(Verdict.ORDER_BLOCKED, s, event);
        }
        List<EventDraft> events = new ArrayList<>();
        if (s.order().isPresent()) {
            String reason = "Order " + s.order().get().id() + " put back before anything was packed: order " + id + " opened";
            events.add(new EventDraft(EventKind.SESSION_CANCELLED, Verdict.ORDER_OPENED, at, s, scan.raw(), reason));
        }
        PackSession next = s.closed().withOrder(order);
        int units = order.lines().stream().mapToInt(l -> l.quantity()).sum();
        String message = "Order " + id + " open: " + count(order.lines().size(), "line") + ", " + units(units) + " to pack";
        events.add(new EventDraft(EventKind.ORDER_OPENED, Verdict.ORDER_OPENED, at, next, scan.raw(), message));
        return new Outcome(Verdict.ORDER_OPENED, next, build(events), message, Optional.empty());
    }

    private static Optional<String> blockedReason(Order order) {
        String why = order.holdReason().map(r -> " (" + r + ")").orElse("");
        return switch (order.status()) {
            case CANCELLED -> Optional.of("Do not pack: order " + order.id() + " is cancelled" + why);
            case ON_HOLD -> Optional.of("Do not pack: order " + order.id() + " is on hold" + why);
            case VERIFIED -> Optional.of("Do not pack: order " + order.id() + " was already verified; it must not ship twice");
            default -> Optional.empty();
        };
    }

    // ---- commands ----

    private Outcome command(PackSession s, Command c, Scan scan, Catalog catalog, Instant at) {
        String raw = scan.raw();
        if (c instanceof Command.Clear) {
            return clear(s, raw, at);
        }
        if (c instanceof Command.Undo) {
            return undo(s, raw, at);
        }
        if (c instanceof Command.Short) {
            Optional<String> why = needsOpenUnlockedOrder(s, "SHORT");
            if (why.isPresent()) {
                return refused(s, raw, at, why.get());
            }
            if (s.awaiting().isPresent()) {
                // a unit nobody has checked must not ship inside a box closed short
                return refused(s, raw, at, "SHORT is not possible while " + s.awaiting().get().sku() + " waits for "
                        + words(s.awaiting().get().missing()) + ": scan its GS1 code, or scan " + Commands.label(Commands.UNDO)
                        + " to put it aside");
            }
            PackSession next = s.withPending(Optional.of(new Pending(Pending.Kind.SHORT, Optional.empty(), at)));
            String message = "Short: missing " + describeMissing(next) + ". Scan a short reason: " + codes(Commands.SHORT_REASONS);
            return answer(Verdict.COMMAND_ACCEPTED, next, new EventDraft(EventKind.SCAN, Verdict.COMMAND_ACCEPTED, at, next, raw, message));
        }
        if (c instanceof Command.NewBox || c instanceof Command.BoxType) {
            Optional<String> box = c instanceof Command.BoxType type ? Optional.of(type.code()) : Optional.empty();
            String what = box.map(b -> "a box type").orElse(Commands.label(Commands.NEWBOX));
            Optional<String> why = needsOpenUnlockedOrder(s, what);
            if (why.isPresent()) {
                return refused(s, raw, at, why.get());
            }
            if (s.awaiting().isPresent()) {
                return refused(s, raw, at, "The parcel cannot close while " + s.awaiting().get().sku() + " waits for "
                        + words(s.awaiting().get().missing()) + ": scan its GS1 code, or scan " + Commands.label(Commands.UNDO)
                        + " to put it aside");
            }
            return outcome(parcels.newBox(s, box, raw, catalog, at));
        }
        if (c instanceof Command.Cancel) {
            if (s.order().isEmpty()) {
                return refused(s, raw, at, "No order open: nothing to cancel");
            }
            String message = "Order " + s.order().get().id() + " cancelled at this station: put the "
                    + units(s.unitsInBox()) + " in the box back";
            EventDraft event = new EventDraft(EventKind.SESSION_CANCELLED, Verdict.COMMAND_ACCEPTED, at, s, raw, message);
            event.quantity = s.unitsInBox();
            return answer(Verdict.COMMAND_ACCEPTED, s.closed(), event);
        }
        if (c instanceof Command.Logout) {
            if (s.packer().isEmpty()) {
                return refused(s, raw, at, "Nobody is logged in");
            }
            String message = "Packer " + s.packer().get() + " logged out";
            PackSession next = s.withPacker(Optional.empty());
            return answer(Verdict.COMMAND_ACCEPTED, next, new EventDraft(EventKind.PACKER_LOGOUT, Verdict.COMMAND_ACCEPTED, at, s, raw, message));
        }
        if (c instanceof Command.PackerBadge badge) {
            Optional<Badge> known = catalog.badge(badge.code());
            if (known.isEmpty()) {
                return refused(s, raw, at, "Unknown badge " + badge.code() + ": ask your supervisor to register it");
            }
            PackSession next = s.withPacker(Optional.of(badge.code()));
            String message = "Hello " + name(known.get()) + ": logged in";
            return answer(Verdict.COMMAND_ACCEPTED, next, new EventDraft(EventKind.PACKER_LOGIN, Verdict.COMMAND_ACCEPTED, at, next, raw, message));
        }
        if (c instanceof Command.SupervisorBadge badge) {
            return startOverride(s, badge.code(), catalog, raw, at);
        }
        if (c instanceof Command.Reason reason) {
            return reason(s, reason.code(), raw, at);
        }
        String message = "Unknown command '" + printable(scan.data()) + "': see the command sheet";
        return answer(Verdict.UNKNOWN_CODE, s, new EventDraft(EventKind.SCAN, Verdict.UNKNOWN_CODE, at, s, raw, message));
    }

    private Outcome clear(PackSession s, String raw, Instant at) {
        if (s.lock().isEmpty()) {
            return refused(s, raw, at, "Nothing to clear: the session is not locked");
        }
        Lock lock = s.lock().get();
        if (lock.blocked()) {
            return refused(s, raw, at, "CLEAR cannot unlock a blocked order. " + lock.reason());
        }
        PackSession unlocked = s.withLock(Optional.empty());
        EventDraft event = new EventDraft(EventKind.SESSION_CLEARED, Verdict.COMMAND_ACCEPTED, at, s, raw, "");
        String done;
        if (lock.verdict() == Verdict.WEIGHT_MISMATCH && unlocked.weighing()) {
            return outcome(parcels.clearedWeight(unlocked, event, raw, at));
        }
        if (lock.verdict() == Verdict.LABEL_MISMATCH) {
            done = "Cleared LABEL_MISMATCH: the wrong label is off the box";
        } else if (lock.cause().isPresent()) {
            Refused refused = lock.cause().get();
            event.sku = refused.sku();
            event.lot = refused.lot();
            event.serial = refused.serial();
            done = "Cleared " + lock.verdict() + ": the refused item is out of the box";
        } else {
            Map<String, Integer> excess = excess(s);
            unlocked = unlocked.withPacked(trim(s.packed(), excess));
            event.quantity = -excess.values().stream().mapToInt(Integer::intValue).sum();
            done = "Cleared " + lock.verdict() + ": took out " + describe(excess);
        }
        event.reason = done;
        return after(unlocked, event, done, at, raw);
    }

    private Outcome undo(PackSession s, String raw, Instant at) {
        Optional<String> why = needsOpenUnlockedOrder(s, "UNDO");
        if (why.isPresent()) {
            return refused(s, raw, at, why.get());
        }
        if (s.awaiting().isPresent()) {
            AwaitingData waiting = s.awaiting().get();
            PackSession next = s.withAwaiting(Optional.empty());
            String message = "Put aside " + waiting.sku() + " (" + printable(waiting.raw()) + "), which was not counted:"
                    + " take it out of the box. " + toPack(next);
            EventDraft event = new EventDraft(EventKind.UNDO, Verdict.COMMAND_ACCEPTED, at, s, raw, message);
            event.sku = Optional.of(waiting.sku());
            event.lot = waiting.lot();
            event.serial = waiting.serial();
            return new Outcome(Verdict.COMMAND_ACCEPTED, next, build(List.of(event)), message, Optional.of(waiting.sku()));
        }
        if (s.weighing()) {
            return outcome(parcels.reopen(s, raw, at));
        }
        if (s.packed().isEmpty() || s.packed().get(s.packed().size() - 1).parcel() != s.parcelNumber()) {
            Optional<ParcelRules.Step> parcelUndo = parcels.undoEmpty(s, raw, at);
            if (parcelUndo.isPresent()) {
                return outcome(parcelUndo.get());
            }
            return refused(s, raw, at, s.packed().isEmpty() ? "Nothing to undo: the box is empty"
                    : "Nothing to undo in parcel " + s.parcelNumber() + ": parcel " + (s.parcelNumber() - 1)
                            + " is closed and stays as it is");
        }
        Packed last = s.packed().get(s.packed().size() - 1);
        PackSession next = s.withPacked(s.packed().subList(0, s.packed().size() - 1));
        int units = last.units() + last.extraUnits();
        String message = "Took back " + units + " of " + last.sku() + " (" + printable(last.raw()) + "): take "
                + (units == 1 ? "it" : "them") + " out of the box. " + toPack(next);
        EventDraft event = new EventDraft(EventKind.UNDO, Verdict.COMMAND_ACCEPTED, at, s, raw, message);
        event.sku = Optional.of(last.sku());
        event.quantity = -units;
        event.lot = last.lot();
        event.serial = last.serial();
        return new Outcome(Verdict.COMMAND_ACCEPTED, next, build(List.of(event)), message, Optional.of(last.sku()));
    }

    private Outcome startOverride(PackSession s, String code, Catalog catalog, String raw, Instant at) {
        Optional<Badge> badge = catalog.badge(code);
        if (badge.isEmpty() || badge.get().role() != Badge.Role.SUPERVISOR) {
            return refused(s, raw, at, "Badge " + code + " is not a supervisor badge: an override needs a supervisor");
        }
        if (s.lock().isEmpty() && !s.weighing()) {
            return refused(s, raw, at, "Nothing to override: the session is not locked");
        }
        if (s.lock().filter(Lock::blocked).isPresent()) {
            return refused(s, raw, at, "The hub blocked this order; it cannot be overridden at the station. " + s.lock().get().reason());
        }
        if (s.lock().filter(l -> l.verdict() == Verdict.LABEL_MISMATCH).isPresent()) {
            return refused(s, raw, at, "A wrong label cannot be overridden: take it off the box and scan " + Commands.label(Commands.CLEAR));
        }
        PackSession next = s.withPending(Optional.of(new Pending(Pending.Kind.OVERRIDE, Optional.of(code), at)));
        String what = s.lock().map(l -> l.verdict().toString()).orElse("the weight of parcel " + s.parcelNumber()
                + " (it closes without one)");
        String message = name(badge.get()) + ": scan an override reason for " + what + ": " + codes(Commands.OVERRIDE_REASONS);
        EventDraft event = new EventDraft(EventKind.SCAN, Verdict.COMMAND_ACCEPTED, at, next, raw, message);
        event.supervisor = Optional.of(code);
        return answer(Verdict.COMMAND_ACCEPTED, next, event);
    }

    private Outcome reason(PackSession s, String code, String raw, Instant at) {
        if (s.pending().isEmpty()) {
            return refused(s, raw, at, "No SHORT or supervisor override is waiting for a reason code");
        }
        Pending pending = s.pending().get();
        if (pending.kind() == Pending.Kind.SHORT) {
            Optional<ReasonCode> reason = Commands.shortReason(code);
            if (reason.isEmpty()) {
                return refused(s, raw, at, code + " is not a short reason; scan one of " + codes(Commands.SHORT_REASONS));
            }
            String message = "Order " + s.order().orElseThrow().id() + " closed short (" + reason.get().description()
                    + "): missing " + describeMissing(s) + " - it goes to exceptions";
            EventDraft event = new EventDraft(EventKind.SHORTED, Verdict.COMMAND_ACCEPTED, at, s, raw, message);
            event.quantity = s.unitsInBox();
            event.reasonCode = Optional.of(code);
            return answer(Verdict.COMMAND_ACCEPTED, s.closed(), event);
        }
        Optional<ReasonCode> reason = Commands.overrideReason(code);
        if (reason.isEmpty()) {
            return refused(s, raw, at, code + " is not an override reason; scan one of " + codes(Commands.OVERRIDE_REASONS));
        }
        PackSession next = s.withPending(Optional.empty()).withLock(Optional.empty());
        EventDraft event = new EventDraft(EventKind.OVERRIDE, Verdict.COMMAND_ACCEPTED, at, s, raw, "");
        event.supervisor = pending.supervisor();
        event.reasonCode = Optional.of(code);
        if (s.weighing() && s.lock().map(l -> l.verdict() == Verdict.WEIGHT_MISMATCH).orElse(true)) {
            String what = s.lock().isPresent() ? "WEIGHT_MISMATCH" : "the missing weight";
            event.reason = "Supervisor " + pending.supervisor().orElse("") + " overrode " + what + " of parcel "
                    + s.parcelNumber() + " (" + reason.get().description() + ")";
            return outcome(parcels.overridden(next, event, code, at));
        }
        Lock lock = s.lock().orElseThrow();
        if (lock.cause().isPresent()) {
            Refused refused = lock.cause().get();
            String sku = refused.sku().orElseThrow();
            int required = PackSession.required(s.order().orElseThrow()).getOrDefault(sku, 0);
            int counted = Math.max(0, Math.min(refused.quantity(), required - s.verified(sku)));
            next = next.plus(new Packed(sku, counted, refused.quantity() - counted, refused.raw(), refused.lot(),
                    refused.serial(), at, Optional.of(code)));
            event.sku = Optional.of(sku);
            event.quantity = counted;
            event.lot = refused.lot();
            event.serial = refused.serial();
        } else {
            next = next.withPacked(toExtra(s.packed(), excess(s), code));
        }
        String done = "Supervisor " + pending.supervisor().orElse("") + " overrode " + lock.verdict() + " ("
                + reason.get().description() + ")";
        event.reason = done;
        return after(next, event, done, at, raw);
    }

    /** Finishes a command that unlocked the session: the order may now be over-scanned again, or complete. */
    private Outcome after(PackSession unlocked, EventDraft event, String done, Instant at, String raw) {
        Settled settled = settle(unlocked, at, raw);
        String message = done + ". " + settled.message().orElse(toPack(settled.session()));
        List<EventDraft> events = new ArrayList<>();
        events.add(event);
        events.addAll(settled.events());
        return new Outcome(settled.verdict().orElse(Verdict.COMMAND_ACCEPTED), settled.session(), build(events),
                message, settled.sku().or(() -> event.sku));
    }

    private Optional<String> needsOpenUnlockedOrder(PackSession s, String command) {
        if (s.order().isEmpty()) {
            return Optional.of("No order open: nothing to " + command);
        }
        return s.lock().map(lock -> command + " is not possible while locked. " + lock.reason());
    }

    private Outcome refused(PackSession s, String raw, Instant at, String message) {
        return answer(Verdict.COMMAND_REFUSED, s, new EventDraft(EventKind.SCAN, Verdict.COMMAND_REFUSED, at, s, raw, message));
    }

    // ---- settling after an unlock or an order change ----

    private record Settled(Optional<Verdict> verdict, PackSession session, List<EventDraft> events, Optional<String> message,
            Optional<String> sku) {}

    /**
     * An unlocked session may hold more than the (changed) order asks for, which locks it again; or it may
     * hold exactly what the order asks for, which completes it.
     */
    private Settled settle(PackSession s, Instant at, String raw) {
        if (s.lock().isPresent()) {
            // the earlier lock still holds; the light must stay as it was
            Lock lock = s.lock().get();
            return new Settled(Optional.of(lock.verdict()), s, List.of(), Optional.of(lock.reason()),
                    lock.cause().flatMap(Refused::sku));
        }
        if (s.order().isEmpty()) {
            return new Settled(Optional.empty(), s, List.of(), Optional.empty(), Optional.empty());
        }
        String id = s.order().get().id();
        Map<String, Integer> excess = excess(s);
        if (!excess.isEmpty()) {
            String message = "Order " + id + " now needs fewer: take out " + describe(excess) + " and scan CLEAR";
            PackSession locked = s.withLock(Optional.of(new Lock(Verdict.OVER_QUANTITY, message, Optional.empty())));
            Optional<String> sku = excess.keySet().stream().findFirst();
            return new Settled(Optional.of(Verdict.OVER_QUANTITY), locked, List.of(), Optional.of(message), sku);
        }
        if (s.missing().isEmpty() && s.awaiting().isEmpty() && !s.weighing()) {
            ParcelRules.Step step = parcels.allPacked(s, raw, at, v -> List.of(), Optional.empty());
            fillReasons(step);
            return new Settled(Optional.of(step.verdict()), step.session(), step.events(), Optional.of(step.message()),
                    step.sku());
        }
        return new Settled(Optional.empty(), s, List.of(), Optional.empty(), Optional.empty());
    }

    /** Units counted beyond what the order asks for now, per SKU (a SKU dropped from the order asks for none). */
    private static Map<String, Integer> excess(PackSession s) {
        Map<String, Integer> required = PackSession.required(s.order().orElseThrow());
        Map<String, Integer> excess = new LinkedHashMap<>();
        s.verifiedCounts().forEach((sku, counted) -> {
            int over = counted - required.getOrDefault(sku, 0);
            if (over > 0) {
                excess.put(sku, over);
            }
        });
        return excess;
    }

    /** Takes the excess units out of the box, newest scans first. */
    private static List<Packed> trim(List<Packed> packed, Map<String, Integer> excess) {
        Map<String, Integer> left = new LinkedHashMap<>(excess);
        List<Packed> kept = new ArrayList<>();
        for (int i = packed.size() - 1; i >= 0; i--) {
            Packed p = packed.get(i);
            int take = Math.min(p.units(), left.getOrDefault(p.sku(), 0));
            if (take > 0) {
                left.merge(p.sku(), -take, Integer::sum);
                p = new Packed(p.sku(), p.units() - take, p.extraUnits(), p.raw(), p.lot(), p.serial(), p.at(), p.override());
            }
            if (p.units() + p.extraUnits() > 0) {
                kept.add(0, p);
            }
        }
        return kept;
    }

    /** Lets the excess units stay in the box as extras a supervisor approved, newest scans first. */
    private static List<Packed> toExtra(List<Packed> packed, Map<String, Integer> excess, String code) {
        Map<String, Integer> left = new LinkedHashMap<>(excess);
        List<Packed> result = new ArrayList<>(packed);
        for (int i = result.size() - 1; i >= 0; i--) {
            Packed p = result.get(i);
            int move = Math.min(p.units(), left.getOrDefault(p.sku(), 0));
            if (move > 0) {
                left.merge(p.sku(), -move, Integer::sum);
                result.set(i, new Packed(p.sku(), p.units() - move, p.extraUnits() + move, p.raw(), p.lot(), p.serial(),
                        p.at(), Optional.of(code)));
            }
        }
        return result;
    }

    // ---- words ----

    private static String describe(Item item, Scan scan, int quantity) {
        return describe(item, code(scan), quantity);
    }

    private static String describe(Item item, String code, int quantity) {
        String shown = Gtin.tryParse(code).map(Gtin::shortest).orElse(printable(code));
        String name = item.name().isBlank() ? item.sku() : item.name();
        return (quantity > 1 ? "pack of " + quantity + " " : "") + name + " (" + shown + ")";
    }

    private static String describe(AwaitingData unit, Catalog catalog) {
        return itemOf(unit, catalog).map(m -> describe(m.item(), unit.code(), unit.quantity()))
                .orElse(unit.sku() + " (" + printable(unit.code()) + ")");
    }

    private static String words(List<ItemData> data) {
        return data.stream().map(ItemData::words).collect(Collectors.joining(" and "));
    }

    private static String describeData(Scan scan) {
        List<String> parts = new ArrayList<>(3);
        scan.expiry().ifPresent(d -> parts.add("the expiry date " + d));
        scan.lot().ifPresent(l -> parts.add("lot " + printable(l)));
        scan.serial().ifPresent(v -> parts.add("serial " + printable(v)));
        return String.join(", ", parts);
    }

    /** "1 unit", "3 units": what a packer reads aloud. */
    static String units(int n) {
        return count(n, "unit");
    }

    private static String count(int n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }

    private static String describe(Map<String, Integer> units) {
        return units.entrySet().stream().map(e -> e.getValue() + " x " + e.getKey()).collect(Collectors.joining(", "));
    }

    private static String describeMissing(PackSession s) {
        Map<String, Integer> missing = s.missing();
        return missing.isEmpty() ? "nothing" : describe(missing);
    }

    static String toPack(PackSession s) {
        Map<String, Integer> missing = s.missing();
        int units = missing.values().stream().mapToInt(Integer::intValue).sum();
        String toPack = units == 0 ? "Nothing left to pack"
                : "Still to pack: " + describe(missing) + " (" + units(units) + ")";
        return s.awaiting().map(w -> toPack + "; " + w.sku() + " waits for " + words(w.missing())).orElse(toPack);
    }


    private static String codes(List<ReasonCode> reasons) {
        return reasons.stream().map(ReasonCode::barcode).collect(Collectors.joining(", "));
    }

    private static String name(Badge badge) {
        return badge.name().isBlank() ? badge.code() : badge.name();
    }

    /** Control characters (the GS separator) shown as a visible mark. */
    private static String printable(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            b.append(c < 0x20 ? '|' : c);
        }
        return b.toString();
    }

    // ---- events ----

    static Outcome answer(Verdict verdict, PackSession next, EventDraft event) {
        return new Outcome(verdict, next, List.of(event.build()), event.reason, event.sku);
    }

    static List<PackEvent> build(List<EventDraft> events) {
        List<PackEvent> built = new ArrayList<>(events.size());
        for (EventDraft e : events) {
            built.add(e.build());
        }
        return built;
    }
}
