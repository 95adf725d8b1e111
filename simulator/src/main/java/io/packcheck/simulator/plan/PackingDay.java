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

    /**
     * @param today        the stations' date, for expiry dates
     * @param serialPrefix keeps serial numbers unique across stations
     */
    public PackingDay(SampleCatalog catalog, long seed, LocalDate today, Instant start, String serialPrefix) {
        this.catalog = catalog;
        this.random = new Random(seed);
        this.today = today;
        this.start = start;
        this.serialPrefix = serialPrefix;
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
        Optional<Injection> injection = wanted.filter(i -> i != Injection.REUSED_SERIAL || !packedSerials.isEmpty());
        Map<String, Integer> lines = lines(injection);
        Map<String, SampleItem> bySku = new HashMap<>();
        catalog.items().forEach(i -> bySku.put(i.sku(), i));

        List<Step> steps = new ArrayList<>();
        steps.add(Scan.expect(Scans.orderSlip(id), Verdict.ORDER_OPENED, "open order " + id));
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
                Verdict verdict = packed == units ? Verdict.ORDER_COMPLETE
                        : inLine == quantity ? Verdict.LINE_COMPLETE : Verdict.MATCH;
                steps.add(Scan.expect(raw, verdict, item.sku() + " " + inLine + "/" + quantity));
                if (packed == units) {
                    break;
                }
                boolean firstUnitPacked = packed == count;
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
        }
        orderSerials.clear();
        Instant shipBy = start.plus(Duration.ofHours(2 + random.nextInt(8)));
        return new OrderPlan(id, lines, shipBy, steps, injection);
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
                || kind == Injection.DUPLICATED_BARCODE) {
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
