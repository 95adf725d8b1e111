package io.packcheck.bench.core;

import io.packcheck.core.barcode.Gtin;
import io.packcheck.core.barcode.Scan;
import io.packcheck.core.barcode.ScanParse;
import io.packcheck.core.barcode.ScanParser;
import io.packcheck.core.barcode.Symbology;
import io.packcheck.core.catalog.Badge;
import io.packcheck.core.catalog.Item;
import io.packcheck.core.catalog.ItemBarcode;
import io.packcheck.core.catalog.Order;
import io.packcheck.core.catalog.OrderLine;
import io.packcheck.core.catalog.OrderStatus;
import io.packcheck.core.verify.Catalog;
import io.packcheck.core.verify.ItemMatch;
import io.packcheck.core.verify.Outcome;
import io.packcheck.core.verify.PackRules;
import io.packcheck.core.verify.PackSession;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Verification of one scan against a 10,000-SKU catalog, from a session with an open 5-line order and 20 items
 * already in the box: pre-parsed scans, and {@code parseAndVerify} for the whole path from the raw scanner
 * text (AIM-prefixed EAN-13 and GS1 DataMatrix with expiry, lot and serial) to the outcome.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class VerifyBenchmark {

    static final int SKUS = 10_000;
    static final int ORDER_LINES = 5;
    static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");

    private final PackRules rules = new PackRules(ZoneId.of("Europe/Berlin"));
    private HashMapCatalog catalog;
    private PackSession session;
    private ScanParse onOrder;
    private ScanParse notOnOrder;
    private ScanParse[] mixed;
    private String[] rawMixed;
    private int next;
    private final ScanParser parser = new ScanParser(Clock.fixed(NOW, ZoneId.of("Europe/Berlin")));

    @Setup
    public void setUp() {
        catalog = new HashMapCatalog();
        List<Gtin> gtins = new ArrayList<>(SKUS);
        for (int i = 0; i < SKUS; i++) {
            String body = "400" + String.format("%09d", i);
            Gtin gtin = new Gtin("0" + body + Gtin.checkDigit(body));
            gtins.add(gtin);
            catalog.add(new Item("SKU-" + i, "Item " + i, List.of(new ItemBarcode(gtin.digits(), 1)), false, false, 0));
        }
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < ORDER_LINES; i++) {
            lines.add(new OrderLine("SKU-" + (i * 1999), 1_000));
        }
        Order order = new Order("SO-BENCH", 1, lines, Optional.empty(), 0, OrderStatus.OPEN, Optional.empty());
        catalog.orders.put(order.id(), order);

        session = rules.scan(PackSession.idle("ST-1"), code("SO-BENCH"), catalog, NOW).session();
        for (int i = 0; i < 20; i++) {
            session = rules.scan(session, item(gtins.get((i % ORDER_LINES) * 1999)), catalog, NOW).session();
        }
        onOrder = item(gtins.get(1999));
        notOnOrder = item(gtins.get(1234));

        // nine in ten scans are items of the order, the rest random catalog items
        Random random = new Random(42);
        mixed = new ScanParse[1024];
        for (int i = 0; i < mixed.length; i++) {
            mixed[i] = random.nextInt(10) == 0
                    ? item(gtins.get(random.nextInt(SKUS)))
                    : item(gtins.get(random.nextInt(ORDER_LINES) * 1999));
        }
        rawMixed = new String[1024];
        for (int i = 0; i < rawMixed.length; i++) {
            Gtin gtin = random.nextInt(10) == 0 ? gtins.get(random.nextInt(SKUS)) : gtins.get(random.nextInt(ORDER_LINES) * 1999);
            rawMixed[i] = random.nextBoolean()
                    ? "]E0" + gtin.digits().substring(1)
                    : "]d201" + gtin.digits() + "17281231" + "10LOT" + i + "\u001D21SN" + i;
        }
    }

    @Benchmark
    public Outcome matchingItem() {
        return rules.scan(session, onOrder, catalog, NOW);
    }

    @Benchmark
    public Outcome wrongItem() {
        return rules.scan(session, notOnOrder, catalog, NOW);
    }

    @Benchmark
    public Outcome mixedScans() {
        ScanParse scan = mixed[next++ & (mixed.length - 1)];
        return rules.scan(session, scan, catalog, NOW);
    }

    @Benchmark
    public Outcome parseAndVerify() {
        String raw = rawMixed[next++ & (rawMixed.length - 1)];
        return rules.scan(session, parser.parse(raw), catalog, NOW);
    }

    private static ScanParse item(Gtin gtin) {
        String digits = gtin.shortest();
        return new ScanParse.Parsed(new Scan("]E0" + digits, Symbology.EAN_13, digits, Optional.of(gtin), Map.of(),
                Optional.empty(), Optional.empty()));
    }

    private static ScanParse code(String text) {
        return new ScanParse.Parsed(new Scan("]C0" + text, Symbology.CODE_128, text, Optional.empty(), Map.of(),
                Optional.empty(), Optional.empty()));
    }

    /** The benchmark's own catalog: plain hash maps, as a station's in-memory cache would be. */
    static final class HashMapCatalog implements Catalog {
        final Map<Gtin, ItemMatch> byGtin = new HashMap<>();
        final Map<String, ItemMatch> byCode = new HashMap<>();
        final Map<String, Order> orders = new HashMap<>();
        final Map<String, Badge> badges = new HashMap<>();

        void add(Item item) {
            for (ItemBarcode barcode : item.barcodes()) {
                ItemMatch match = new ItemMatch(item, barcode.quantity());
                Gtin.tryParse(barcode.code()).ifPresentOrElse(g -> byGtin.put(g, match), () -> byCode.put(barcode.code(), match));
            }
        }

        @Override
        public Optional<Order> order(String idOrAlias) {
            return Optional.ofNullable(orders.get(idOrAlias));
        }

        @Override
        public Optional<ItemMatch> itemByGtin(Gtin gtin) {
            return Optional.ofNullable(byGtin.get(gtin));
        }

        @Override
        public Optional<ItemMatch> itemByCode(String code) {
            return Optional.ofNullable(byCode.get(code));
        }

        @Override
        public Optional<Badge> badge(String code) {
            return Optional.ofNullable(badges.get(code));
        }
    }
}
