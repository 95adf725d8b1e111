package io.packcheck.bench.store;

import io.packcheck.core.barcode.Gtin;
import io.packcheck.core.catalog.Item;
import io.packcheck.core.catalog.ItemBarcode;
import io.packcheck.core.catalog.Order;
import io.packcheck.core.catalog.OrderLine;
import io.packcheck.core.catalog.OrderStatus;
import io.packcheck.core.verify.PackEvent;
import io.packcheck.core.verify.Verdict;
import io.packcheck.station.store.CatalogChange;
import io.packcheck.station.store.Outbox;
import io.packcheck.station.store.SqliteOrderCache;
import io.packcheck.station.store.StationDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the integrity check at every start costs: {@code quick_check} against {@code integrity_check} on a
 * realistic station file (a catalog of N items with two barcodes each, N/4 orders with a tote alias, and a
 * week of outbox at a busy station), and the whole open with its check. Prints the figures; run by
 * scripts/bench-station-integrity.
 */
public final class IntegrityCheckCost {

    public static void main(String[] args) throws IOException {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 80_000;
        int rounds = 5;
        Path dir = Files.createTempDirectory("packcheck-integrity");
        try {
            try (StationDatabase db = StationDatabase.openIn(dir)) {
                fill(db, items, events);
            }
            Path file = dir.resolve(StationDatabase.FILE_NAME);
            System.out.printf(Locale.ROOT, "file: %,d items, %,d orders, %,d outbox events: %.1f MB%n",
                    items, items / 4, events, Files.size(file) / 1e6);
            long[] open = new long[rounds];
            long[] quick = new long[rounds];
            long[] full = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                try (StationDatabase db = StationDatabase.openIn(dir)) {
                    open[i] = System.nanoTime() - t0;
                    t0 = System.nanoTime();
                    db.check(StationDatabase.Check.QUICK);
                    quick[i] = System.nanoTime() - t0;
                    t0 = System.nanoTime();
                    db.check(StationDatabase.Check.FULL);
                    full[i] = System.nanoTime() - t0;
                }
            }
            report("open with " + StationDatabase.AT_START.name().toLowerCase(Locale.ROOT) + " check", open);
            report("PRAGMA quick_check", quick);
            report("PRAGMA integrity_check", full);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void fill(StationDatabase db, int items, int events) {
        SqliteOrderCache cache = new SqliteOrderCache(db, Clock.systemUTC());
        List<CatalogChange> batch = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            String body = String.format("400%09d", i);
            batch.add(new CatalogChange.PutItem(new Item("SKU-" + i, "Item " + i,
                    List.of(new ItemBarcode(body + Gtin.checkDigit(body), 1), new ItemBarcode("LBL-" + i, 1)),
                    false, false, 0)));
            if (batch.size() == 1000) {
                cache.apply(batch);
                batch.clear();
            }
        }
        for (int i = 0; i < items / 4; i++) {
            batch.add(new CatalogChange.PutOrder(new Order("SO-" + i, 1,
                    List.of(new OrderLine("SKU-" + i, 2), new OrderLine("SKU-" + (i + 1), 1)),
                    Optional.empty(), 0, OrderStatus.OPEN, Optional.empty()), List.of("TOTE-" + i)));
            if (batch.size() == 1000) {
                cache.apply(batch);
                batch.clear();
            }
        }
        cache.apply(batch);
        Outbox outbox = new Outbox(db, Clock.systemUTC());
        List<PackEvent> chunk = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            chunk.add(new PackEvent(PackEvent.EventKind.SCAN, Verdict.MATCH, Instant.now(), "bench",
                    Optional.of("Ann"), Optional.of("SO-" + (i / 4)), 1, Optional.of("SKU-" + i % items), Optional.empty(),
                    "4000000000016", 1, Optional.empty(), Optional.empty(), "matches line SKU-1", Optional.empty(),
                    Optional.empty()));
            if (chunk.size() == 1000) {
                outbox.append(chunk);
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            outbox.append(chunk);
        }
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-28s median %7.1f ms   min %7.1f ms   max %7.1f ms%n", what,
                sorted[sorted.length / 2] / 1e6, sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6);
    }
}
