package io.packcheck.simulator.plan;

import io.packcheck.core.verify.Commands;
import io.packcheck.core.verify.Verdict;
import io.packcheck.simulator.plan.SampleItem.Tracking;
import io.packcheck.simulator.plan.Step.Scan;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Makes orders and the scans that pack them, knowing what each scan must produce because it chose it:
 * the right units in pick order, plus now and then one injected error followed by what a packer does
 * about it (CLEAR after taking the wrong unit out; CANCEL after ops cancelled the order).
 */
public final class PackingDay {

    private final SampleCatalog catalog;
    private final Random random;
    private final LocalDate today;
    private final Instant start;
    private final String serialPrefix;
    private int serials;
    // serials of orders this station finished, by SKU: what a copied label would carry
    private final Map<String, String> packedSerials = new LinkedHashMap<>();
    private final Map<String, String> orderSerials = new HashMap<>();
    // what the packer handles physically: true unit weights, labels left off the order, which unit goes astray
    private final Random physical;
    private final Labels labels;
    // the next order's label, already printed: what a label swap puts on this order's parcel
    private String upcomingLabel;
    private final boolean listsLabels;

    /**
     * @param today        the stations' date, for expiry dates
     * @param serialPrefix keeps serial numbers unique across stations
     */
    public PackingDay(SampleCatalog catalog, long seed, LocalDate today, Instant start, String serialPrefix) {
        this(catalog, seed, today, start, serialPrefix, true);
    }

    /**
     * @param listsLabels whether orders list their shipping labels (a hub that keeps them); when not, every parcel's
     *                    label is printed at the station and scanned first, and no label can be swapped
     */
    public PackingDay(SampleCatalog catalog, long seed, LocalDate today, Instant start, String serialPrefix,
            boolean listsLabels) {
        this.listsLabels = listsLabels;
        this.catalog = catalog;
        this.random = new Random(seed);
        this.today = today;
        this.start = start;
        this.serialPrefix = serialPrefix;
        this.physical = new Random(seed * 7919 + 17);
        this.labels = new Labels(serialPrefix);
        this.upcomingLabel = labels.next();
    }

    /** The injection for order number {@code orderIndex} (1-based) of a day erring in a share of its orders: each kind in turn. */
    public static Optional<Injection> injectionFor(int orderIndex, double errorShare, Random random) {
        return injectionFor(orderIndex, errorShare, random, List.of(Injection.values()));
    }

    /** As {@link #injectionFor(int, double, Random)}, taking the kinds in turn from {@code kinds}. */
    public static Optional<Injection> injectionFor(int orderIndex, double errorShare, Random random, List<Injection> kinds) {
        if (random.nextDouble() >= errorShare || kinds.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(kinds.get(Math.floorMod(orderIndex - 1, kinds.size())));
    }

    /** The plan for one order, carrying {@code injection} if given. */
    public OrderPlan order(String id, Optional<Injection> wanted) {
        // a copied label needs a serial this station packed before; the first orders of a day have none
        Optional<Injection> injection = wanted.filter(i -> i != Injection.REUSED_SERIAL || !packedSerials.isEmpty())
                .filter(i -> i != Injection.LABEL_SWAP || listsLabels);
        Map<String, Integer> lines = lines(injection);
        Map<String, SampleItem> bySku = new HashMap<>();
        catalog.items().forEach(i -> bySku.put(i.sku(), i));

        // one parcel: its label is listed on the order, or (now and then) printed at the station and scanned first
        String label = upcomingLabel;
        upcomingLabel = labels.next();
        boolean listed = listsLabels && (physical.nextInt(5) != 0 || injection.equals(Optional.of(Injection.LABEL_SWAP)));
        double itemsGrams = lines.entrySet().stream().mapToDouble(l -> bySku.get(l.getKey()).weightGrams() * l.getValue()).sum();
        SampleBox box = boxFor(itemsGrams);
        SampleBox used = injection.equals(Optional.of(Injection.WRONG_BOX)) ? farthestFrom(box) : box;
        double expectedGrams = itemsGrams + box.tareGrams();
        double load = used.tareGrams();
        Optional<Double> error = used == box ? Optional.empty() : Optional.of(used.tareGrams() - box.tareGrams());
        double fixedLoad = 0;

        List<Step> steps = new ArrayList<>();
        steps.add(Scan.expect(Scans.orderSlip(id), Verdict.ORDER_OPENED, "open order " + id));
        steps.add(new Step.Load(load, "empty box " + used.code() + " on the scale"));
        steps.add(Scan.expect(Scans.command(Commands.BOX + box.code()), Verdict.COMMAND_ACCEPTED, "box type " + box.code()));
        if (!listed) {
            steps.add(Scan.expect(Scans.label(label), Verdict.LABEL_SCANNED, "label " + label + " printed here, first"));
        }
        String closing = Scans.label(label);
        int units = lines.values().stream().mapToInt(Integer::intValue).sum();
        int packed = 0;
        boolean cancelled = false;
        int lineIndex = 0;
        for (Map.Entry<String, Integer> line : lines.entrySet()) {
            SampleItem item = bySku.get(line.getKey());
            int quantity = line.getValue();
            boolean lastLine = ++lineIndex == lines.size();
            if (injection.equals(Optional.of(Injection.EXPIRED_LOT)) && item.tracking() == Tracking.LOT
                    && noneInjected(steps)) {
                String expired = Scans.lotUnit(item, today.minusDays(3 + random.nextInt(60)), lot());
                injected(steps, expired, Verdict.EXPIRED, Injection.EXPIRED_LOT, "expired lot of " + item.sku());
            }
            if (injection.equals(Optional.of(Injection.DATED_WITHOUT_DATE)) && item.tracking() == Tracking.LOT
                    && noneInjected(steps)) {
                // the unit's own EAN-13 carries no date: it waits, amber, until its GS1 code is scanned
                steps.add(Scan.inject(Scans.ean13(item), Verdict.DATA_REQUIRED, Injection.DATED_WITHOUT_DATE,
                        "plain EAN-13 of dated " + item.sku()));
            }
            if (injection.equals(Optional.of(Injection.REUSED_SERIAL)) && packedSerials.containsKey(item.sku())
                    && noneInjected(steps)) {
                injected(steps, Scans.serialUnit(item, packedSerials.get(item.sku())), Verdict.DUPLICATE_SERIAL,
                        Injection.REUSED_SERIAL, "serial of " + item.sku() + " from an earlier order");
            }
            List<String> scans = unitScans(item, quantity);
            int inLine = 0;
            for (String raw : scans) {
                int count = scans.size() == 1 && quantity > 1 ? quantity : 1;
                inLine += count;
                packed += count;
                // with a scale the last unit does not close the parcel: its label, scanned once all is in, does
                Verdict verdict = inLine == quantity ? Verdict.LINE_COMPLETE : Verdict.MATCH;
                double grams = trueWeight(item, count);
                if (injection.equals(Optional.of(Injection.LEFT_OUT)) && count == 1 && error.isEmpty()) {
                    error = Optional.of(-grams);
                    fixedLoad = grams;
                } else {
                    load += grams;
                    steps.add(new Step.Load(load, "put " + (count == 1 ? "a " : count + " x ") + item.sku() + " in"));
                }
                steps.add(Scan.expect(raw, verdict, item.sku() + " " + inLine + "/" + quantity));
                if (packed == units) {
                    break;
                }
                boolean firstUnitPacked = packed == count;
                if (injection.equals(Optional.of(Injection.UNSCANNED_ITEM)) && firstUnitPacked) {
                    double extra = trueWeight(item, 1);
                    load += extra;
                    error = Optional.of(extra);
                    fixedLoad = -extra;
                    steps.add(new Step.Load(load, "one more " + item.sku() + " in without a scan"));
                }
                if (injection.equals(Optional.of(Injection.CANCEL_DURING_PACKING)) && firstUnitPacked) {
                    steps.add(new Step.CancelAtHub(id));
                    steps.add(Scan.expect(Scans.command(Commands.CANCEL), Verdict.COMMAND_ACCEPTED, "put everything back"));
                    cancelled = true;
                    break;
                }
                if (injection.equals(Optional.of(Injection.DUPLICATE_SERIAL)) && item.tracking() == Tracking.SERIAL
                        && inLine == 1 && quantity > 1 && noneInjected(steps)) {
                    injected(steps, raw, Verdict.DUPLICATE_SERIAL, Injection.DUPLICATE_SERIAL,
                            "same serial of " + item.sku() + " again");
                }
                if (injection.equals(Optional.of(Injection.WRONG_ITEM)) && firstUnitPacked) {
                    SampleItem wrong = notOn(lines);
                    injected(steps, Scans.ean13(wrong), Verdict.WRONG_ITEM, Injection.WRONG_ITEM,
                            "wrong item " + wrong.sku());
                }
                if (injection.equals(Optional.of(Injection.STRAY_SCAN_WHILE_LOCKED)) && firstUnitPacked) {
                    SampleItem wrong = notOn(lines);
                    SampleItem stray = notOn(lines);
                    steps.add(Scan.inject(Scans.ean13(wrong), Verdict.WRONG_ITEM, Injection.WRONG_ITEM,
                            "wrong item " + wrong.sku()));
                    injected(steps, Scans.ean13(stray), Verdict.LOCKED, Injection.STRAY_SCAN_WHILE_LOCKED,
                            "stray " + stray.sku() + " while locked");
                }
                if (injection.equals(Optional.of(Injection.SECOND_STATION)) && firstUnitPacked) {
                    steps.add(new Step.OpenAtAnotherStation(id, Scans.orderSlip(id)));
                }
                if (injection.equals(Optional.of(Injection.DUPLICATED_BARCODE)) && firstUnitPacked) {
                    steps.add(new Step.PutItemWithTakenBarcode("CLASH-" + id, item.ean13(), item.sku()));
                }
            }
            if (cancelled || packed == units) {
                break;
            }
            if (injection.equals(Optional.of(Injection.ONE_TOO_MANY)) && !lastLine && noneInjected(steps)) {
                String extra = item.tracking() == Tracking.NONE ? Scans.ean13(item) : unitScans(item, 1).get(0);
                injected(steps, extra, Verdict.OVER_QUANTITY, Injection.ONE_TOO_MANY, "one " + item.sku() + " too many");
            }
        }
        if (!cancelled) {
            packedSerials.putAll(orderSerials);
            if (injection.equals(Optional.of(Injection.LABEL_SWAP))) {
                steps.add(Scan.inject(Scans.label(upcomingLabel), Verdict.LABEL_MISMATCH, Injection.LABEL_SWAP,
                        "label " + upcomingLabel + " of the next order"));
                steps.add(Scan.expect(Scans.command(Commands.CLEAR), Verdict.LINE_COMPLETE, "took the wrong label off: CLEAR"));
            }
            // a label printed here and put on first is scanned again: the box is on the scale, weigh it
            steps.add(Scan.expect(closing, Verdict.WEIGHING, "label " + label + (listed ? "" : " again")));
            steps.add(weighed(injection, closing, expectedGrams, error, load + fixedLoad - (used.tareGrams() - box.tareGrams())));
        }
        steps.add(new Step.Load(0, "parcel off the scale"));
        orderSerials.clear();
        Instant shipBy = start.plus(Duration.ofHours(2 + random.nextInt(8)));
        return new OrderPlan(id, lines, shipBy, steps, injection, listed ? List.of(label) : List.of());
    }

    /**
     * The scale's answer: the order completes, or, with a weight error, the station refuses the weight and the packer
     * sets the box right ({@code fixedLoad}), scans CLEAR and the parcel is weighed again.
     */
    private static Step.Weighed weighed(Optional<Injection> injection, String closing, double expectedGrams,
            Optional<Double> error, double fixedLoad) {
        Optional<Injection> kind = injection.filter(Injection::weightError);
        if (kind.isEmpty() || error.isEmpty()) {
            return Step.Weighed.expect(closing, Verdict.ORDER_COMPLETE, "parcel weighed");
        }
        String fix = switch (kind.get()) {
            case UNSCANNED_ITEM -> "took the unscanned unit out";
            case LEFT_OUT -> "put the unit left out in";
            default -> "repacked into the box scanned";
        };
        List<Step> ifCaught = List.of(
                new Step.Load(fixedLoad, fix),
                Scan.expect(Scans.command(Commands.CLEAR), Verdict.WEIGHING, fix + ": CLEAR"),
                Step.Weighed.expect(closing, Verdict.ORDER_COMPLETE, "parcel weighed again"));
        Step.WeightError weightError = new Step.WeightError(error.get(), expectedGrams);
        String what = String.format(Locale.ROOT, "%s: %+.0f g on a %.0f g parcel", kind.get().name().toLowerCase(Locale.ROOT)
                .replace('_', ' '), error.get(), expectedGrams);
        return new Step.Weighed(closing, Optional.of(Verdict.WEIGHT_MISMATCH), kind, what, Optional.of(weightError), ifCaught);
    }

    /** The box a packer takes for items of this catalogue weight: small, medium or large. */
    private SampleBox boxFor(double itemsGrams) {
        List<SampleBox> boxes = catalog.boxes();
        return itemsGrams < 600 ? boxes.get(0) : itemsGrams < 2000 ? boxes.get(1) : boxes.get(boxes.size() - 1);
    }

    /** The box type whose tare is farthest from {@code box}'s: the wrong box the scale shows best. */
    private SampleBox farthestFrom(SampleBox box) {
        SampleBox far = box;
        for (SampleBox other : catalog.boxes()) {
            if (Math.abs(other.tareGrams() - box.tareGrams()) > Math.abs(far.tareGrams() - box.tareGrams())) {
                far = other;
            }
        }
        return far;
    }

    /** What {@code count} real units of the item weigh: each off the catalogue weight by up to 3%, either way. */
    private double trueWeight(SampleItem item, int count) {
        double grams = 0;
        for (int i = 0; i < count; i++) {
            grams += item.weightGrams() * (1 + (2 * physical.nextDouble() - 1) * 0.03);
        }
        return grams;
    }

    private static boolean noneInjected(List<Step> steps) {
        return steps.stream().noneMatch(s -> s instanceof Scan sc && sc.injected().isPresent());
    }

    private static void injected(List<Step> steps, String raw, Verdict verdict, Injection injection, String what) {
        steps.add(Scan.inject(raw, verdict, injection, what));
        steps.add(Scan.expect(Scans.command(Commands.CLEAR), Verdict.COMMAND_ACCEPTED, "took it out: CLEAR"));
    }

    /** One to four lines, shaped so that the injection has what it needs. */
    private Map<String, Integer> lines(Optional<Injection> injection) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        List<SampleItem> plain = catalog.items(Tracking.NONE);
        Injection kind = injection.orElse(null);
        if (kind == Injection.ONE_TOO_MANY || kind == Injection.CANCEL_DURING_PACKING || kind == Injection.WRONG_ITEM
                || kind == Injection.STRAY_SCAN_WHILE_LOCKED || kind == Injection.SECOND_STATION
                || kind == Injection.DUPLICATED_BARCODE || kind == Injection.UNSCANNED_ITEM || kind == Injection.LEFT_OUT) {
            // a plain unit first, and more to pack after it
            SampleItem first = pick(plain);
            lines.put(first.sku(), 1 + random.nextInt(2));
            SampleItem second;
            do {
                second = pick(catalog.items());
            } while (second.sku().equals(first.sku()));
            lines.put(second.sku(), 1 + random.nextInt(2));
        } else if (kind == Injection.EXPIRED_LOT || kind == Injection.DATED_WITHOUT_DATE) {
            lines.put(pick(catalog.items(Tracking.LOT)).sku(), 1 + random.nextInt(2));
        } else if (kind == Injection.REUSED_SERIAL) {
            List<String> reusable = new ArrayList<>(packedSerials.keySet());
            lines.put(reusable.get(random.nextInt(reusable.size())), 1 + random.nextInt(2));
        } else if (kind == Injection.DUPLICATE_SERIAL) {
            lines.put(pick(catalog.items(Tracking.SERIAL)).sku(), 2 + random.nextInt(2));
        }
        int more = random.nextInt(3);
        for (int i = 0; i < more || lines.isEmpty(); i++) {
            SampleItem item = pick(catalog.items());
            int quantity = item.casePack().isPresent() && random.nextInt(3) == 0
                    ? item.casePack().get().quantity() : 1 + random.nextInt(3);
            lines.putIfAbsent(item.sku(), quantity);
        }
        return lines;
    }

    private List<String> unitScans(SampleItem item, int quantity) {
        if (item.casePack().isPresent() && item.casePack().get().quantity() == quantity
                && item.tracking() != Tracking.SERIAL) {
            SampleItem.CasePack pack = item.casePack().get();
            // a lot-tracked case is only accepted with its lot, as on a real logistic label
            return List.of(item.tracking() == Tracking.LOT
                    ? Scans.lotCaseLabel(pack, goodExpiry(item), lot())
                    : Scans.caseLabel(pack));
        }
        List<String> scans = new ArrayList<>();
        for (int i = 0; i < quantity; i++) {
            scans.add(switch (item.tracking()) {
                case NONE -> Scans.ean13(item);
                case LOT -> Scans.lotUnit(item, goodExpiry(item), lot());
                case SERIAL -> {
                    String serial = serialPrefix + String.format(Locale.ROOT, "%06d", ++serials);
                    orderSerials.put(item.sku(), serial);
                    yield Scans.serialUnit(item, serial);
                }
            });
        }
        return scans;
    }

    /** An expiry comfortably past the item's minimum shelf life. */
    private LocalDate goodExpiry(SampleItem item) {
        return today.plusDays(item.minShelfLifeDays() + 30L + random.nextInt(300));
    }

    private String lot() {
        return "L" + today.getYear() % 100 + String.format(Locale.ROOT, "%04d", random.nextInt(10000));
    }

    private SampleItem notOn(Map<String, Integer> lines) {
        List<SampleItem> plain = catalog.items(Tracking.NONE);
        SampleItem item;
        do {
            item = pick(plain);
        } while (lines.containsKey(item.sku()));
        return item;
    }

    private SampleItem pick(List<SampleItem> from) {
        return from.get(random.nextInt(from.size()));
    }
}
