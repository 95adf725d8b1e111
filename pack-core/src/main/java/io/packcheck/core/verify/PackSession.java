package io.packcheck.core.verify;

import io.packcheck.core.catalog.Order;
import io.packcheck.core.catalog.OrderLine;
import io.packcheck.core.verify.PackEvent.Parcel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a pack station knows about the box in front of it.
 *
 * <p>Immutable and fully described by its components, so the station can store it after every scan and
 * restore it after a crash. Verified counts and serials seen are derived from {@code packed}, never stored
 * twice, so a restored session cannot disagree with itself.
 *
 * @param stationId the pack station
 * @param packer    the packer's badge code, when someone is logged in
 * @param order     the open order, as last received (its version included)
 * @param packed    the accepted scans in the box, oldest first (UNDO takes back the last)
 * @param lock      why the session is locked, if it is
 * @param pending   a started SHORT or supervisor override waiting for its reason code
 * @param awaiting  a unit in the box that is not counted until its expiry date, lot or serial is scanned
 * @param parcels   the order's parcels closed so far, oldest first
 * @param current   the parcel being packed: its box type, a label scanned first, and whether it waits for the scale
 */
public record PackSession(
        String stationId,
        Optional<String> packer,
        Optional<Order> order,
        List<Packed> packed,
        Optional<Lock> lock,
        Optional<Pending> pending,
        Optional<AwaitingData> awaiting,
        List<Parcel> parcels,
        CurrentParcel current) {

    public PackSession {
        if (stationId == null || stationId.isBlank()) {
            throw new IllegalArgumentException("session stationId is empty");
        }
        packed = List.copyOf(packed);
        if (order.isEmpty() && (!packed.isEmpty() || lock.isPresent())) {
            throw new IllegalArgumentException("session of station " + stationId + ": packed items or a lock without an open order");
        }
        if (order.isEmpty() && awaiting.isPresent()) {
            throw new IllegalArgumentException("session of station " + stationId + ": a unit awaiting its data without an open order");
        }
        parcels = List.copyOf(parcels);
        if (order.isEmpty() && (!parcels.isEmpty() || !current.equals(CurrentParcel.EMPTY))) {
            throw new IllegalArgumentException("session of station " + stationId + ": parcels without an open order");
        }
        for (Packed p : packed) {
            if (p.parcel() < 1 || p.parcel() > parcels.size() + 1) {
                throw new IllegalArgumentException("session of station " + stationId + ": " + p.sku() + " packed in parcel "
                        + p.parcel() + " of " + (parcels.size() + 1));
            }
        }
    }

    /** A session whose order has a single parcel open (as every session stored before parcels existed). */
    public PackSession(String stationId, Optional<String> packer, Optional<Order> order, List<Packed> packed,
            Optional<Lock> lock, Optional<Pending> pending, Optional<AwaitingData> awaiting) {
        this(stationId, packer, order, packed, lock, pending, awaiting, List.of(), CurrentParcel.EMPTY);
    }

    /** A session with no unit waiting for its data (as every session stored before that existed). */
    public PackSession(String stationId, Optional<String> packer, Optional<Order> order, List<Packed> packed,
            Optional<Lock> lock, Optional<Pending> pending) {
        this(stationId, packer, order, packed, lock, pending, Optional.empty());
    }

    /** A station with nobody logged in and no order open. */
    public static PackSession idle(String stationId) {
        return new PackSession(stationId, Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /**
     * The parcel being packed.
     *
     * @param box     the box type scanned for it
     * @param label   a shipping label scanned before it was closed (label first)
     * @param closing set when the parcel is closed but waits for the scale: what closed it
     */
    public record CurrentParcel(Optional<String> box, Optional<String> label, Optional<Closing> closing) {

        public static final CurrentParcel EMPTY = new CurrentParcel(Optional.empty(), Optional.empty(), Optional.empty());

        CurrentParcel withBox(Optional<String> newBox) {
            return new CurrentParcel(newBox, label, closing);
        }

        CurrentParcel withLabel(Optional<String> newLabel) {
            return new CurrentParcel(box, newLabel, closing);
        }

        CurrentParcel withClosing(Optional<Closing> newClosing) {
            return new CurrentParcel(box, label, newClosing);
        }
    }

    /**
     * A parcel closed by a scan that waits for its weight.
     *
     * @param raw      the scan that closed it (its label, NEWBOX, a box type, or the last item)
     * @param label    the label whose scan closed it (label last); UNDO takes it back with the closing
     * @param nextBox  the box type the next parcel starts in, when a box-type code closed this one
     * @param nextLabel a label scanned first for the next parcel, when it closed this one
     * @param weighed  what the scale said, once it did and the weight was refused (a supervisor may accept it)
     * @param at       when it was closed
     */
    public record Closing(String raw, Optional<String> label, Optional<String> nextBox, Optional<String> nextLabel,
            Optional<Double> weighed, Instant at) {

        Closing withWeighed(Optional<Double> grams) {
            return new Closing(raw, label, nextBox, nextLabel, grams, at);
        }
    }

    /**
     * One accepted scan in the box.
     *
     * @param units      units counted towards the SKU's order line
     * @param extraUnits units a supervisor let into the box beyond the order (a substitute or an extra)
     * @param override   the override reason code, when a supervisor let this scan in
     * @param parcel     the order's parcel it went into, 1 for the first
     */
    public record Packed(
            String sku,
            int units,
            int extraUnits,
            String raw,
            Optional<String> lot,
            Optional<String> serial,
            Instant at,
            Optional<String> override,
            int parcel) {

        /** A scan packed into the first parcel. */
        public Packed(String sku, int units, int extraUnits, String raw, Optional<String> lot, Optional<String> serial,
                Instant at, Optional<String> override) {
            this(sku, units, extraUnits, raw, lot, serial, at, override, 1);
        }
    }

    /**
     * Why the session is locked.
     *
     * @param verdict the verdict that locked it (a mismatch, or ORDER_BLOCKED)
     * @param reason  plain words for the packer screen
     * @param cause   the refused scan, when a scan caused the lock; empty when the hub changed the order
     */
    public record Lock(Verdict verdict, String reason, Optional<Refused> cause) {

        /** The hub cancelled or held the order: only a release by the hub or CANCEL ends this lock. */
        public boolean blocked() {
            return verdict == Verdict.ORDER_BLOCKED;
        }
    }

    /** A scan that was refused and locked the session; it is not counted in the box. */
    public record Refused(
            Optional<String> sku,
            int quantity,
            String raw,
            Optional<String> lot,
            Optional<String> serial,
            Instant at) {}

    /**
     * A two-scan command waiting for its reason code.
     *
     * @param supervisor the supervisor badge code for an override; empty for a SHORT
     */
    public record Pending(Kind kind, Optional<String> supervisor, Instant at) {
        public enum Kind {
            SHORT,
            OVERRIDE
        }
    }

    /** Data a dated or traced item must carry before it counts. */
    public enum ItemData {
        /** AI 17, for an item with a minimum shelf life. */
        EXPIRY_DATE("the expiry date", "17"),
        /** AI 10, for a lot-tracked item. */
        LOT("the lot number", "10"),
        /** AI 21, for a serialised item. */
        SERIAL("the serial number", "21");

        private final String words;
        private final String ai;

        ItemData(String words, String ai) {
            this.words = words;
            this.ai = ai;
        }

        /** How the packer screen names it, e.g. "the expiry date". */
        public String words() {
            return words;
        }

        /** The GS1 application identifier that carries it. */
        public String ai() {
            return ai;
        }
    }

    /**
     * A unit scanned without data its item must carry: it is in the box but not counted, and the order cannot
     * complete, until a follow-up scan (or typed entry, where the station allows it) supplies the rest.
     *
     * @param sku      the item
     * @param quantity units the scanned barcode stands for (a case counts its pack quantity)
     * @param code     the scanned item code: its GTIN-14, or the exact non-GTIN code
     * @param raw      the first scan of the unit
     * @param needs    what the item must carry, in {@link ItemData} order
     * @param expiry   AI 17, once scanned
     * @param lot      AI 10, once scanned
     * @param serial   AI 21, once scanned
     * @param at       when the unit was first scanned
     */
    public record AwaitingData(
            String sku,
            int quantity,
            String code,
            String raw,
            List<ItemData> needs,
            Optional<LocalDate> expiry,
            Optional<String> lot,
            Optional<String> serial,
            Instant at) {

        public AwaitingData {
            needs = needs.stream().distinct().sorted().toList();
        }

        /** What is still missing, in {@link ItemData} order; empty when the unit can be checked and counted. */
        public List<ItemData> missing() {
            List<ItemData> missing = new ArrayList<>(needs.size());
            for (ItemData need : needs) {
                boolean has = switch (need) {
                    case EXPIRY_DATE -> expiry.isPresent();
                    case LOT -> lot.isPresent();
                    case SERIAL -> serial.isPresent();
                };
                if (!has) {
                    missing.add(need);
                }
            }
            return missing;
        }

        /** The unit with the data a later scan carried; a value scanned later replaces an earlier one. */
        AwaitingData with(Optional<LocalDate> newExpiry, Optional<String> newLot, Optional<String> newSerial) {
            return new AwaitingData(sku, quantity, code, raw, needs, newExpiry.or(() -> expiry), newLot.or(() -> lot),
                    newSerial.or(() -> serial), at);
        }
    }

    /** Units counted towards the SKU's line. */
    public int verified(String sku) {
        int sum = 0;
        for (Packed p : packed) {
            if (p.sku().equals(sku)) {
                sum += p.units();
            }
        }
        return sum;
    }

    /** Units counted per SKU, in the order first packed. */
    public Map<String, Integer> verifiedCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Packed p : packed) {
            counts.merge(p.sku(), p.units(), Integer::sum);
        }
        return counts;
    }

    /** Serial numbers already in the box, as SKU + serial. */
    public Set<SerialSeen> serialsSeen() {
        Set<SerialSeen> seen = new HashSet<>();
        for (Packed p : packed) {
            p.serial().ifPresent(s -> seen.add(new SerialSeen(p.sku(), s)));
        }
        return seen;
    }

    /** A serial number of one SKU. */
    public record SerialSeen(String sku, String serial) {}

    /** Whether this serial of this SKU is already in the box. */
    public boolean hasSerial(String sku, String serial) {
        for (Packed p : packed) {
            if (p.sku().equals(sku) && p.serial().filter(serial::equals).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** SKUs whose verified units fall short of the order, with how many are missing, in line order. */
    public Map<String, Integer> missing() {
        Map<String, Integer> missing = new LinkedHashMap<>();
        order.ifPresent(o -> {
            for (Map.Entry<String, Integer> line : required(o).entrySet()) {
                int left = line.getValue() - verified(line.getKey());
                if (left > 0) {
                    missing.put(line.getKey(), left);
                }
            }
        });
        return missing;
    }

    /** Units the order asks for per SKU; an order may list one SKU on several lines. */
    static Map<String, Integer> required(Order order) {
        Map<String, Integer> required = new LinkedHashMap<>();
        for (OrderLine line : order.lines()) {
            required.merge(line.sku(), line.quantity(), Integer::sum);
        }
        return required;
    }

    /** Units in the box: counted and extra. */
    public int unitsInBox() {
        int sum = 0;
        for (Packed p : packed) {
            sum += p.units() + p.extraUnits();
        }
        return sum;
    }

    public boolean locked() {
        return lock.isPresent();
    }

    PackSession withPacker(Optional<String> newPacker) {
        return new PackSession(stationId, newPacker, order, packed, lock, pending, awaiting, parcels, current);
    }

    PackSession withOrder(Order newOrder) {
        return new PackSession(stationId, packer, Optional.of(newOrder), packed, lock, pending, awaiting, parcels, current);
    }

    PackSession withPacked(List<Packed> newPacked) {
        return new PackSession(stationId, packer, order, newPacked, lock, pending, awaiting, parcels, current);
    }

    PackSession plus(Packed p) {
        List<Packed> list = new ArrayList<>(packed.size() + 1);
        list.addAll(packed);
        list.add(p);
        return new PackSession(stationId, packer, order, list, lock, pending, awaiting, parcels, current);
    }

    PackSession withLock(Optional<Lock> newLock) {
        return new PackSession(stationId, packer, order, packed, newLock, pending, awaiting, parcels, current);
    }

    PackSession withPending(Optional<Pending> newPending) {
        return new PackSession(stationId, packer, order, packed, lock, newPending, awaiting, parcels, current);
    }

    PackSession withAwaiting(Optional<AwaitingData> newAwaiting) {
        return new PackSession(stationId, packer, order, packed, lock, pending, newAwaiting, parcels, current);
    }

    PackSession withCurrent(CurrentParcel newCurrent) {
        return new PackSession(stationId, packer, order, packed, lock, pending, awaiting, parcels, newCurrent);
    }

    /** The current parcel closed as {@code closed}; the next one starts as {@code next}. */
    PackSession withParcelClosed(Parcel closed, CurrentParcel next) {
        List<Parcel> list = new ArrayList<>(parcels.size() + 1);
        list.addAll(parcels);
        list.add(closed);
        return new PackSession(stationId, packer, order, packed, lock, pending, awaiting, list, next);
    }

    /** The number of the parcel being packed: 1 for the order's first. */
    public int parcelNumber() {
        return parcels.size() + 1;
    }

    /** Units counted or let in per SKU in the parcel being packed, in the order first packed. */
    public Map<String, Integer> currentParcelItems() {
        Map<String, Integer> items = new LinkedHashMap<>();
        int number = parcelNumber();
        for (Packed p : packed) {
            if (p.parcel() == number && p.units() + p.extraUnits() > 0) {
                items.merge(p.sku(), p.units() + p.extraUnits(), Integer::sum);
            }
        }
        return items;
    }

    /** Whether the parcel closed and waits for the scale. */
    public boolean weighing() {
        return current.closing().isPresent();
    }

    /** Whether a unit in the box waits for its data: the order cannot complete while one does. */
    public boolean awaitingData() {
        return awaiting.isPresent();
    }

    /** Same station and packer, no order: ready for the next box. */
    PackSession closed() {
        return new PackSession(stationId, packer, Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), CurrentParcel.EMPTY);
    }
}
