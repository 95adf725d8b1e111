package io.packcheck.bench.store;

import io.packcheck.core.barcode.Gtin;
import io.packcheck.core.catalog.Item;
import io.packcheck.core.catalog.ItemBarcode;
import io.packcheck.core.catalog.Order;
import io.packcheck.core.catalog.OrderLine;
import io.packcheck.core.catalog.OrderStatus;
import io.packcheck.core.verify.ItemMatch;
import io.packcheck.core.verify.PackEvent;
import io.packcheck.core.verify.Verdict;
import io.packcheck.station.store.CatalogChange;
import io.packcheck.station.store.Outbox;
import io.packcheck.station.store.OutboxEntry;
import io.packcheck.station.store.SessionCodec;
import io.packcheck.station.store.SessionStore;
import io.packcheck.station.store.SqliteOrderCache;
import io.packcheck.station.store.StationDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one scan costs the station's SQLite store: the catalog lookups the rules make, and the
 * durable commit of session + events (synchronous=FULL, one fsync) before the verdict is signalled.
 * Catalog: 20,000 items with two barcodes each, 5,000 orders with a tote alias each.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx64m"})
public class StationStoreBenchmark {

    static final int ITEMS = 20_000;
    static final int ORDERS = 5_000;

    Path dir;
    StationDatabase db;
    SqliteOrderCache cache;
    SessionStore<String> sessions;
    List<Gtin> gtins;
    long scans;

    @Setup(Level.Trial)
    public void load() throws IOException {
        dir = Files.createTempDirectory("packcheck-bench");
        db = StationDatabase.openIn(dir);
        cache = new SqliteOrderCache(db, Clock.systemUTC());
        gtins = new ArrayList<>(ITEMS);
        List<CatalogChange> batch = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            String body = String.format("400%09d", i);
            String ean13 = body + Gtin.checkDigit(body);
            gtins.add(Gtin.tryParse(ean13).orElseThrow());
            batch.add(new CatalogChange.PutItem(new Item("SKU-" + i, "Item " + i,
                    List.of(new ItemBarcode(ean13, 1), new ItemBarcode("LBL-" + i, 1)), false, false, 0)));
            if (batch.size() == 1000) {
                cache.apply(batch);
                batch.clear();
            }
        }
        for (int i = 0; i < ORDERS; i++) {
            batch.add(new CatalogChange.PutOrder(new Order("SO-" + i, 1,
                    List.of(new OrderLine("SKU-" + i, 2), new OrderLine("SKU-" + (i + 1), 1)),
                    Optional.empty(), 0, OrderStatus.OPEN, Optional.empty()), List.of("TOTE-" + i)));
        }
        cache.apply(batch);
        Outbox outbox = new Outbox(db, Clock.systemUTC());
        sessions = new SessionStore<>(db, outbox, new SessionCodec<>() {
            @Override
            public String encode(String session) {
                return session;
            }

            @Override
            public String decode(String text) {
                return text;
            }
        }, Clock.systemUTC());
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        db.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public Optional<ItemMatch> itemByGtin() {
        return cache.itemByGtin(gtins.get(ThreadLocalRandom.current().nextInt(ITEMS)));
    }

    @Benchmark
    public Optional<ItemMatch> itemByCode() {
        return cache.itemByCode("LBL-" + ThreadLocalRandom.current().nextInt(ITEMS));
    }

    @Benchmark
    public Optional<Order> orderByTote() {
        return cache.order("TOTE-" + ThreadLocalRandom.current().nextInt(ORDERS));
    }

    /** The durable write behind every verdict: session state + one event, one transaction, fsync. */
    @Benchmark
    public List<OutboxEntry> commitScan() {
        long n = ++scans;
        PackEvent event = new PackEvent(PackEvent.EventKind.SCAN, Verdict.MATCH, Instant.now(), "bench",
                Optional.of("Ann"), Optional.of("SO-1"), 1, Optional.of("SKU-1"), Optional.empty(),
                "4000000000016", 1, Optional.empty(), Optional.empty(), "matches line SKU-1", Optional.empty(),
                Optional.empty());
        return sessions.commit(Optional.of("{\"order\":\"SO-1\",\"scanned\":" + n + "}"), List.of(event));
    }
}
