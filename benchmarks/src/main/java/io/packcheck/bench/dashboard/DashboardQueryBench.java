package io.packcheck.bench.dashboard;

import io.packcheck.hub.reports.ReportRepository;
import io.packcheck.hub.reports.Rollups;
import io.packcheck.hub.reports.TimeRange;
import io.packcheck.hub.storage.Storage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/**
 * Seeds a hub database with N station events (default 10,000,000) spread over 13 weeks, with the roll-ups
 * ingest would have written, by direct SQL bulk insert; then times every query the dashboard makes, through the
 * hub's own report repository, and prints median and worst of 15 runs each.
 *
 * <p>Arguments: {@code [events] [dataDir]}; the data directory is kept when given, so a second run can skip seeding.
 */
public final class DashboardQueryBench {

    static final Instant NOW = Instant.parse("2026-11-22T15:20:00Z");
    static final int STATIONS = 20;
    static final int PACKERS = 60;
    static final int SKUS = 3000;
    static final int HOURS = 13 * 7 * 24;

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("packcheck-dashboard-bench");
        boolean seeded = Files.exists(dir.resolve("seeded-" + events));
        if (!seeded) {
            Storage.sqlite(dir, Clock.systemUTC()).close();
            long t0 = System.nanoTime();
            seed(dir, events);
            Files.writeString(dir.resolve("seeded-" + events), "");
            System.out.printf("seeded %,d events (+ roll-ups) in %.1f s into %s (%,d MB)%n", events,
                    (System.nanoTime() - t0) / 1e9, dir, Files.size(dir.resolve("hub.db")) / 1_000_000);
        } else {
            System.out.printf("reusing %,d seeded events in %s%n", events, dir);
        }
        try (Storage storage = Storage.sqlite(dir, Clock.fixed(NOW, ZoneOffset.UTC))) {
            measure(storage);
        }
    }

    private static void measure(Storage storage) throws Exception {
        ReportRepository r = storage.reports();
        Instant hourEnd = NOW.plusSeconds(3600 - NOW.getEpochSecond() % 3600);
        TimeRange day = new TimeRange(hourEnd.minus(Duration.ofDays(1)), hourEnd);
        TimeRange week = new TimeRange(hourEnd.minus(Duration.ofDays(7)), hourEnd);
        TimeRange month = new TimeRange(hourEnd.minus(Duration.ofDays(30)), hourEnd);
        Instant monday = Instant.parse("2026-11-16T00:00:00Z");
        TimeRange calendarWeek = new TimeRange(monday, monday.plus(Duration.ofDays(7)));
        long sinceHour = NOW.getEpochSecond() / 3600 - 1;
        Map<String, Callable<Integer>> queries = new java.util.LinkedHashMap<>();
        queries.put("mismatch-rate by=station 24h", () -> r.byKey(Rollups.STATION, day, 100).size());
        queries.put("mismatch-rate by=packer 24h", () -> r.byKey(Rollups.PACKER, day, 100).size());
        queries.put("mismatch-rate by=sku 24h (top 10)", () -> r.byKey(Rollups.SKU, day, 10).size());
        queries.put("mismatch-rate by=sku 7d (top 100)", () -> r.byKey(Rollups.SKU, week, 100).size());
        queries.put("mismatch-rate by=sku 30d (top 100)", () -> r.byKey(Rollups.SKU, month, 100).size());
        queries.put("mismatch-rate by=hour 24h", () -> r.byHour(day).size());
        queries.put("mismatch-rate by=hour 31d", () -> r.byHour(new TimeRange(hourEnd.minus(Duration.ofDays(31)), hourEnd)).size());
        queries.put("total 24h", () -> (int) r.total(day).scans());
        queries.put("mismatch-kinds 24h", () -> r.mismatchKinds(day).size());
        queries.put("mismatch-kinds 30d", () -> r.mismatchKinds(month).size());
        queries.put("confused-pairs 24h", () -> r.confusedPairs(day, 20).size());
        queries.put("confused-pairs 30d", () -> r.confusedPairs(month, 20).size());
        queries.put("stations", () -> r.stations(sinceHour).size());
        queries.put("at-risk (open orders by ship-by)", () -> r.openOrdersByShipBy(500).size());
        queries.put("overrides 7d", () -> r.overrides(week, 200).size());
        queries.put("order trail", () -> storage.events().forOrder("O-" + 1_000_000).size());
        queries.put("weekly (6 queries)", () -> r.mismatchKinds(calendarWeek).size()
                + r.mismatchKinds(new TimeRange(monday.minus(Duration.ofDays(7)), monday)).size()
                + r.byKey(Rollups.SKU, calendarWeek, 10).size() + r.byKey(Rollups.PACKER, calendarWeek, 1000).size()
                + (int) r.total(calendarWeek).scans() % 2 + (int) r.total(new TimeRange(monday.minus(Duration.ofDays(7)), monday)).scans() % 2);
        System.out.printf("%-38s %10s %10s %8s%n", "query", "median ms", "worst ms", "rows");
        for (var q : queries.entrySet()) {
            int rows = q.getValue().call(); // warm the page cache once, as a running hub would be
            double[] ms = new double[15];
            for (int i = 0; i < ms.length; i++) {
                long t0 = System.nanoTime();
                rows = q.getValue().call();
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf("%-38s %10.2f %10.2f %8d%n", q.getKey(), ms[ms.length / 2], ms[ms.length - 1], rows);
        }
    }

    private static void seed(Path dir, long events) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("hub.db").toAbsolutePath())) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=OFF");
                s.execute("PRAGMA synchronous=OFF");
                s.execute("PRAGMA cache_size=-1000000");
            }
            c.setAutoCommit(false);
            SplittableRandom random = new SplittableRandom(42);
            long firstHour = NOW.getEpochSecond() / 3600 - HOURS + 1;
            long perHour = events / HOURS;
            long seq = 0;
            long orderNo = 0;
            String[] kinds = {"WRONG_ITEM", "OVER_QUANTITY", "UNKNOWN_CODE", "EXPIRED", "SHELF_LIFE_TOO_SHORT"};
            try (PreparedStatement ev = c.prepareStatement("INSERT INTO station_event (id, station_id, seq, kind, verdict,"
                    + " at, order_id, body, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement ov = c.prepareStatement("INSERT INTO override_log (hub_seq, at, station_id, packer,"
                         + " supervisor, order_id, reason_code, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                Map<String, long[]> dayCounts = new HashMap<>();
                Map<String, long[]> dayKinds = new HashMap<>();
                Map<String, long[]> dayPairs = new HashMap<>();
                for (int h = 0; h < HOURS; h++) {
                    long hour = firstHour + h;
                    long count = h == HOURS - 1 ? events - perHour * (HOURS - 1) : perHour;
                    Map<String, long[]> counts = new HashMap<>();
                    Map<String, long[]> kindCounts = new HashMap<>();
                    Map<String, long[]> pairs = new HashMap<>();
                    for (long i = 0; i < count; i++) {
                        seq++;
                        int station = random.nextInt(STATIONS);
                        String stationId = "ST-" + station;
                        String packer = "P-" + (station * 3 + random.nextInt(3));
                        boolean completed = i % 6 == 5;
                        if (completed) {
                            orderNo++;
                        }
                        String orderId = "O-" + orderNo;
                        String sku = "SKU-" + (int) Math.min(SKUS - 1, Math.abs(random.nextGaussian() * SKUS / 3));
                        Instant at = Instant.ofEpochSecond(hour * 3600 + random.nextInt(3600));
                        String kind = completed ? "ORDER_COMPLETED" : "SCAN";
                        boolean mismatch = !completed && random.nextInt(100) < 3;
                        String verdict = completed ? "ORDER_COMPLETE" : mismatch ? kinds[random.nextInt(10) < 6 ? 0 : random.nextInt(kinds.length)] : "MATCH";
                        String expected = verdict.equals("WRONG_ITEM") ? "SKU-" + random.nextInt(200) : null;
                        String id = new java.util.UUID(0x5eed_0000_0000_4000L, seq).toString();
                        ev.setString(1, id);
                        ev.setString(2, stationId);
                        ev.setLong(3, seq);
                        ev.setString(4, kind);
                        ev.setString(5, verdict);
                        ev.setString(6, at.toString());
                        ev.setString(7, orderId);
                        ev.setString(8, "{\"id\":\"" + id + "\",\"seq\":" + seq + ",\"kind\":\"" + kind + "\",\"verdict\":\""
                                + verdict + "\",\"at\":\"" + at + "\",\"stationId\":\"" + stationId + "\",\"packer\":\"" + packer
                                + "\",\"orderId\":\"" + orderId + "\",\"sku\":\"" + sku + "\""
                                + (expected == null ? "" : ",\"expectedSku\":\"" + expected + "\"") + ",\"quantity\":1}");
                        ev.setString(9, at.toString());
                        ev.addBatch();
                        if (seq % 10_000 == 0) {
                            ev.executeBatch();
                        }
                        int scans = completed ? 0 : 1;
                        int mis = mismatch ? 1 : 0;
                        int done = completed ? 1 : 0;
                        add(counts, Rollups.ALL + "\t", scans, mis, done);
                        add(counts, Rollups.STATION + "\t" + stationId, scans, mis, done);
                        add(counts, Rollups.PACKER + "\t" + packer, scans, mis, done);
                        if (!completed) {
                            add(counts, Rollups.SKU + "\t" + sku, scans, mis, 0);
                        }
                        if (mismatch) {
                            add(kindCounts, verdict, 1, 0, 0);
                            if (expected != null) {
                                add(pairs, expected + "\t" + sku, 1, 0, 0);
                            }
                        }
                        if (random.nextInt(2000) == 0) {
                            ev.executeBatch();
                            ov.setLong(1, seq);
                            ov.setString(2, at.toString());
                            ov.setString(3, stationId);
                            ov.setString(4, packer);
                            ov.setString(5, "SUP-" + random.nextInt(5));
                            ov.setString(6, orderId);
                            ov.setString(7, "DAMAGED");
                            ov.setString(8, "outer box damaged, repacked");
                            ov.executeUpdate();
                        }
                    }
                    ev.executeBatch();
                    flush(c, "rollup_hour", "hour", hour, counts);
                    flushKinds(c, "rollup_kind_hour", "hour", hour, kindCounts);
                    flushPairs(c, "rollup_pair_hour", "hour", hour, pairs);
                    merge(dayCounts, counts);
                    merge(dayKinds, kindCounts);
                    merge(dayPairs, pairs);
                    if ((hour + 1) % 24 == 0 || h == HOURS - 1) {
                        long day = hour / 24;
                        flush(c, "rollup_day", "day", day, dayCounts);
                        flushKinds(c, "rollup_kind_day", "day", day, dayKinds);
                        flushPairs(c, "rollup_pair_day", "day", day, dayPairs);
                        dayCounts.clear();
                        dayKinds.clear();
                        dayPairs.clear();
                        c.commit();
                    }
                }
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO station_state (station_id, max_seq, heartbeat,"
                    + " heartbeat_at, last_event_at) VALUES (?, 0, ?, ?, ?)")) {
                for (int s = 0; s < STATIONS; s++) {
                    st.setString(1, "ST-" + s);
                    st.setString(2, "{\"agentVersion\":\"1\",\"scannerState\":\"CONNECTED\",\"queueDepth\":" + s + ",\"cacheAgeSeconds\":4}");
                    st.setString(3, NOW.minusSeconds(s * 7L).toString());
                    st.setString(4, NOW.minusSeconds(s).toString());
                    st.executeUpdate();
                }
            }
            try (PreparedStatement o = c.prepareStatement("INSERT INTO pack_order (id, version, status, ship_by, priority,"
                    + " lines, aliases, created_at, updated_at, change_seq) VALUES (?, 1, ?, ?, 0, ?, '[]', ?, ?, ?)")) {
                for (int i = 0; i < 50_000; i++) {
                    o.setString(1, "OPEN-" + i);
                    o.setString(2, i % 10 == 0 ? "VERIFIED" : "OPEN");
                    o.setString(3, NOW.plusSeconds(60L * i).toString());
                    o.setString(4, "[{\"sku\":\"SKU-1\",\"quantity\":2},{\"sku\":\"SKU-2\",\"quantity\":1}]");
                    o.setString(5, NOW.toString());
                    o.setString(6, NOW.toString());
                    o.setLong(7, i + 1);
                    o.addBatch();
                }
                o.executeBatch();
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE");
            }
            c.commit();
        }
    }

    private static void add(Map<String, long[]> map, String key, long a, long b, long c) {
        long[] v = map.computeIfAbsent(key, k -> new long[3]);
        v[0] += a;
        v[1] += b;
        v[2] += c;
    }

    private static void merge(Map<String, long[]> into, Map<String, long[]> from) {
        from.forEach((k, v) -> add(into, k, v[0], v[1], v[2]));
    }

    private static void flush(Connection c, String table, String bucket, long at, Map<String, long[]> counts)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + table + " (dim, key, " + bucket
                + ", scans, mismatches, completed) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (var e : counts.entrySet()) {
                String[] dimKey = e.getKey().split("\t", 2);
                s.setString(1, dimKey[0]);
                s.setString(2, dimKey[1]);
                s.setLong(3, at);
                s.setLong(4, e.getValue()[0]);
                s.setLong(5, e.getValue()[1]);
                s.setLong(6, e.getValue()[2]);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void flushKinds(Connection c, String table, String bucket, long at, Map<String, long[]> counts)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + table + " (kind, " + bucket + ", count) VALUES (?, ?, ?)")) {
            for (var e : counts.entrySet()) {
                s.setString(1, e.getKey());
                s.setLong(2, at);
                s.setLong(3, e.getValue()[0]);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void flushPairs(Connection c, String table, String bucket, long at, Map<String, long[]> counts)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + table + " (expected_sku, scanned_sku, " + bucket
                + ", count) VALUES (?, ?, ?, ?)")) {
            for (var e : counts.entrySet()) {
                String[] pair = e.getKey().split("\t", 2);
                s.setString(1, pair[0]);
                s.setString(2, pair[1]);
                s.setLong(3, at);
                s.setLong(4, e.getValue()[0]);
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
