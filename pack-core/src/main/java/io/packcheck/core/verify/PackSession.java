package io.packcheck.core.verify;

import io.packcheck.core.catalog.Order;
import io.packcheck.core.catalog.OrderLine;
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
 */
public record PackSession(
        String stationId,
        Optional<String> packer,
        Optional<Order> order,
        List<Packed> packed,
        Optional<Lock> lock,
        Optional<Pending> pending,
        Optional<AwaitingData> awaiting) {

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
     * One accepted scan in the box.
     *
     * @param units      units counted towards the SKU's order line
     * @param extraUnits units a supervisor let into the box beyond the order (a substitute or an extra)
     * @param override   the override reason code, when a supervisor let this scan in
     */
    public record Packed(
            String sku,
            int units,
            int extraUnits,
            String raw,
            Optional<String> lot,
            Optional<String> serial,
            Instant at,
            Optional<String> override) {}

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
        return new PackSession(stationId, newPacker, order, packed, lock, pending, awaiting);
    }

    PackSession withOrder(Order newOrder) {
        return new PackSession(stationId, packer, Optional.of(newOrder), packed, lock, pending, awaiting);
    }

    PackSession withPacked(List<Packed> newPacked) {
        return new PackSession(stationId, packer, order, newPacked, lock, pending, awaiting);
    }

    PackSession plus(Packed p) {
        List<Packed> list = new ArrayList<>(packed.size() + 1);
        list.addAll(packed);
        list.add(p);
        return new PackSession(stationId, packer, order, list, lock, pending, awaiting);
    }

    PackSession withLock(Optional<Lock> newLock) {
        return new PackSession(stationId, packer, order, packed, newLock, pending, awaiting);
    }

    PackSession withPending(Optional<Pending> newPending) {
        return new PackSession(stationId, packer, order, packed, lock, newPending, awaiting);
    }

    PackSession withAwaiting(Optional<AwaitingData> newAwaiting) {
        return new PackSession(stationId, packer, order, packed, lock, pending, newAwaiting);
    }

    /** Whether a unit in the box waits for its data: the order cannot complete while one does. */
    public boolean awaitingData() {
        return awaiting.isPresent();
    }

    /** Same station and packer, no order: ready for the next box. */
    PackSession closed() {
        return new PackSession(stationId, packer, Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }
}
