package io.packcheck.hub.reports;

import io.packcheck.core.verify.Commands;
import io.packcheck.core.verify.PackEvent;
import io.packcheck.core.verify.PackEvent.EventKind;
import io.packcheck.core.verify.Verdict;
import io.packcheck.hub.orders.BoxReplay;
import io.packcheck.hub.storage.SqliteCatalogRepository;
import io.packcheck.protocol.PackEventCodec;
import io.packcheck.protocol.StationEvent;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * Counts each newly stored event into the dashboard roll-ups, on the ingest's own connection and
 * transaction, so a roll-up never counts an event that was not stored, nor misses one that was.
 * Used on the single database thread only.
 *
 * <p>{@code scans} counts checks ({@link #isCheck}): item and label scans whatever their verdict, and weighings. An UNDO (or a CLEAR) takes an item
 * out of the box, not a scan out of the count: the scan was made and judged, a refused one taken back by
 * CLEAR stays counted too, and the item an UNDO takes back may have come in by a supervisor override of a
 * mismatch, whose scan is counted as a mismatch that really happened.
 */
public final class Rollups {

    public static final String ALL = "all";
    public static final String STATION = "station";
    public static final String PACKER = "packer";
    public static final String SKU = "sku";

    private static final String COUNTS_HOUR = "INSERT INTO rollup_hour (dim, key, hour, scans, mismatches, completed,"
            + " overridden) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dim, hour, key) DO UPDATE SET scans = scans + excluded.scans,"
            + " mismatches = mismatches + excluded.mismatches, completed = completed + excluded.completed,"
            + " overridden = overridden + excluded.overridden";
    private static final String COUNTS_DAY = COUNTS_HOUR.replace("rollup_hour", "rollup_day").replace("hour", "day");
    private static final String KIND_HOUR = "INSERT INTO rollup_kind_hour (kind, hour, count) VALUES (?, ?, ?)"
            + " ON CONFLICT (hour, kind) DO UPDATE SET count = count + excluded.count";
    private static final String KIND_DAY = KIND_HOUR.replace("rollup_kind_hour", "rollup_kind_day").replace("hour", "day");
    private static final String PAIR_HOUR = "INSERT INTO rollup_pair_hour (expected_sku, scanned_sku, hour, count, sole)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (hour, expected_sku, scanned_sku) DO UPDATE SET count = count + excluded.count,"
            + " sole = sole + excluded.sole";
    private static final String PAIR_DAY = PAIR_HOUR.replace("rollup_pair_hour", "rollup_pair_day").replace("hour", "day");
    // an override in the station's box since it opened (or last cancelled) the order
    private static final String UNDER_OVERRIDE = "SELECT EXISTS (SELECT 1 FROM station_event WHERE order_id = ?1"
            + " AND station_id = ?2 AND kind = 'OVERRIDE' AND hub_seq > coalesce((SELECT max(hub_seq) FROM station_event"
            + " WHERE order_id = ?1 AND station_id = ?2 AND kind IN ('ORDER_OPENED', 'SESSION_CANCELLED')), 0))";
    private static final String BOX_EVENTS = "SELECT body FROM station_event WHERE order_id = ? AND station_id = ?"
            + " ORDER BY hub_seq";
    private static final String FLOOR_5MIN = "INSERT INTO rollup_floor_5min (bucket, scans, mismatches, completed)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (bucket) DO UPDATE SET scans = scans + excluded.scans,"
            + " mismatches = mismatches + excluded.mismatches, completed = completed + excluded.completed";
    /** The floor's finest buckets, for a chart of the last hours: five minutes, in epoch seconds / 300. */
    public static final int FIVE_MINUTES = 300;
    private static final String OVERRIDE = "INSERT INTO override_log (hub_seq, at, station_id, packer, supervisor,"
            + " order_id, reason_code, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final Map<String, PreparedStatement> statements = new HashMap<>();

    /**
     * A code read and judged as an item (or refused as unknown or unreadable) or as a shipping label, or a parcel's
     * weight refused (WEIGHT_MISMATCH). Opening an order, commands and badges, and scans refused before
     * any judgement (session locked, order blocked, no order open), parcel commands (NEWBOX, a box type) and a
     * scale that did not settle are not.
     */
    public static boolean isItemScan(PackEvent event) {
        return event.kind() == EventKind.SCAN && switch (event.verdict()) {
            case ORDER_OPENED, ORDER_BLOCKED, NO_ORDER_OPEN, LOCKED, COMMAND_ACCEPTED, COMMAND_REFUSED,
                    LABEL_REQUIRED, SCALE_NOT_READY -> false;
            // NEWBOX or a box type closing a parcel is a command, a label or the last item closing it is a check
            case WEIGHING, PARCEL_CLOSED -> event.sku().isPresent() || !isCommand(event.raw());
            default -> true;
        };
    }

    /** A command barcode as the station received it, with or without its AIM symbology id. */
    private static boolean isCommand(String raw) {
        String data = raw.length() > 3 && raw.charAt(0) == ']' ? raw.substring(3) : raw;
        return Commands.isCommand(data);
    }

    /**
     * What {@code scans} counts: every check a mismatch can come from. Item scans and shipping-label scans (a label
     * refused is a LABEL_MISMATCH scan), and each weighing judged against an expected weight: a refused one is a
     * WEIGHT_MISMATCH scan, an accepted one shows only as its parcel closing with the expected weight, so that
     * closing counts as the check. A weight a supervisor let through (no expected weight) was counted when refused.
     */
    public static boolean isCheck(PackEvent event) {
        return isItemScan(event) || event.kind() == EventKind.PARCEL_CLOSED
                && event.parcel().flatMap(PackEvent.Parcel::expectedGrams).isPresent()
                && event.parcel().flatMap(PackEvent.Parcel::weightGrams).isPresent();
    }

    /** What the dashboard calls a mismatch: a verdict that locks the session, or a code the catalog does not know. */
    public static boolean isMismatch(Verdict verdict) {
        return verdict.isMismatch() || verdict == Verdict.UNKNOWN_CODE;
    }

    /** A fresh tally for the events of one ingest call. */
    public Tally tally() {
        return new Tally();
    }

    /**
     * The roll-up increments of one ingest call, added up in memory and written by {@link #write} in the same
     * transaction: a station's batch hits the same rows (its station, its packer, the hour) over and over, so
     * it costs a few upserts instead of eight per event. A tally that is never written counts nothing, as a
     * batch whose writes are rolled back must.
     */
    public final class Tally {

        private record Count(String dim, String key, boolean day, long bucket) {}

        private record Kind(String kind, boolean day, long bucket) {}

        private record Pair(String expected, String scanned, boolean day, long bucket) {}

        /** The SKUs a wrong item is counted against; {@code replayed}: the hub's replay of the box, not the station's guess. */
        private record Expected(List<String> skus, boolean replayed) {}

        private final Map<Count, int[]> counts = new LinkedHashMap<>();
        private final Map<Kind, Integer> kinds = new LinkedHashMap<>();
        private final Map<Pair, int[]> pairs = new LinkedHashMap<>();
        private final Map<Long, int[]> floor = new LinkedHashMap<>();

        private Tally() {}

        /**
         * Counts the event just inserted into {@code station_event} (its row is the connection's last insert);
         * an override goes into the override log at once, as it needs that row.
         */
        public void count(Connection c, StationEvent stored) throws SQLException {
            PackEvent e = stored.event();
            long epochSecond = e.at().getEpochSecond();
            long hour = Math.floorDiv(epochSecond, 3600);
            long day = Math.floorDiv(epochSecond, 86_400);
            long fiveMinutes = Math.floorDiv(epochSecond, FIVE_MINUTES);
            if (isCheck(e)) {
                int mismatch = isItemScan(e) && isMismatch(e.verdict()) ? 1 : 0;
                counts(ALL, "", hour, day, 1, mismatch, 0, 0);
                floor(fiveMinutes, 1, mismatch, 0);
                counts(STATION, e.stationId(), hour, day, 1, mismatch, 0, 0);
                e.packer().ifPresent(p -> counts(PACKER, p, hour, day, 1, mismatch, 0, 0));
                e.sku().or(e::expectedSku).ifPresent(s -> counts(SKU, s, hour, day, 1, mismatch, 0, 0));
                if (mismatch == 1) {
                    kinds.merge(new Kind(e.verdict().name(), false, hour), 1, Integer::sum);
                    kinds.merge(new Kind(e.verdict().name(), true, day), 1, Integer::sum);
                }
                if (e.verdict() == Verdict.WRONG_ITEM && e.sku().isPresent()) {
                    Expected expected = expectedSkus(c, e);
                    int sole = expected.replayed() && expected.skus().size() == 1 ? 1 : 0;
                    for (String sku : expected.skus()) {
                        for (Pair pair : List.of(new Pair(sku, e.sku().get(), false, hour), new Pair(sku, e.sku().get(), true, day))) {
                            int[] sums = pairs.computeIfAbsent(pair, p -> new int[2]);
                            sums[0]++;
                            sums[1] += sole;
                        }
                    }
                }
            } else if (e.kind() == EventKind.ORDER_COMPLETED) {
                int overridden = underOverride(c, e) ? 1 : 0;
                counts(ALL, "", hour, day, 0, 0, 1, overridden);
                floor(fiveMinutes, 0, 0, 1);
                counts(STATION, e.stationId(), hour, day, 0, 0, 1, overridden);
                e.packer().ifPresent(p -> counts(PACKER, p, hour, day, 0, 0, 1, overridden));
            } else if (e.kind() == EventKind.SHORTED) {
                kinds.merge(new Kind(EventKind.SHORTED.name(), false, hour), 1, Integer::sum);
                kinds.merge(new Kind(EventKind.SHORTED.name(), true, day), 1, Integer::sum);
            } else if (e.kind() == EventKind.OVERRIDE) {
                override(c, e);
            }
        }

        private void floor(long bucket, int scans, int mismatches, int completed) {
            int[] sums = floor.computeIfAbsent(bucket, b -> new int[3]);
            sums[0] += scans;
            sums[1] += mismatches;
            sums[2] += completed;
        }

        private void counts(String dim, String key, long hour, long day, int scans, int mismatches, int completed,
                int overridden) {
            for (Count bucket : List.of(new Count(dim, key, false, hour), new Count(dim, key, true, day))) {
                int[] sums = counts.computeIfAbsent(bucket, b -> new int[4]);
                sums[0] += scans;
                sums[1] += mismatches;
                sums[2] += completed;
                sums[3] += overridden;
            }
        }

        /**
         * What the packer may have meant instead of a wrong item: the SKUs still open in the station's box, as
         * the hub replays it. Each open line gets the pair (a wrong scan against three open lines counts for each
         * of them); the station's own guess is only used when the hub does not know the order's lines.
         */
        private Expected expectedSkus(Connection c, PackEvent e) throws SQLException {
            Expected fallback = new Expected(e.expectedSku().map(List::of).orElse(List.of()), false);
            if (e.orderId().isEmpty()) {
                return fallback;
            }
            String orderId = e.orderId().get();
            NavigableMap<Long, Map<String, Integer>> versions = SqliteCatalogRepository.linesByVersion(c, orderId);
            if (versions.isEmpty()) {
                return fallback;
            }
            BoxReplay box = new BoxReplay(v -> Optional.ofNullable(versions.floorEntry(v)).map(Map.Entry::getValue));
            PreparedStatement s = statement(c, BOX_EVENTS);
            s.setString(1, orderId);
            s.setString(2, e.stationId());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    box.apply(PackEventCodec.fromJson(new JsonObject(rs.getString(1))).event());
                }
            }
            return box.openSkus(e.stationId(), e.orderVersion()).filter(open -> !open.isEmpty())
                    .map(open -> new Expected(open, true)).orElse(fallback);
        }

        private boolean underOverride(Connection c, PackEvent e) throws SQLException {
            if (e.orderId().isEmpty()) {
                return false;
            }
            PreparedStatement s = statement(c, UNDER_OVERRIDE);
            s.setString(1, e.orderId().get());
            s.setString(2, e.stationId());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }

        /** Adds the tally to the roll-up tables, on the ingest's connection and inside its transaction. */
        public void write(Connection c) throws SQLException {
            for (Map.Entry<Count, int[]> entry : counts.entrySet()) {
                Count k = entry.getKey();
                int[] sums = entry.getValue();
                PreparedStatement s = statement(c, k.day() ? COUNTS_DAY : COUNTS_HOUR);
                s.setString(1, k.dim());
                s.setString(2, k.key());
                s.setLong(3, k.bucket());
                s.setInt(4, sums[0]);
                s.setInt(5, sums[1]);
                s.setInt(6, sums[2]);
                s.setInt(7, sums[3]);
                s.executeUpdate();
            }
            for (Map.Entry<Kind, Integer> entry : kinds.entrySet()) {
                Kind k = entry.getKey();
                PreparedStatement s = statement(c, k.day() ? KIND_DAY : KIND_HOUR);
                s.setString(1, k.kind());
                s.setLong(2, k.bucket());
                s.setInt(3, entry.getValue());
                s.executeUpdate();
            }
            for (Map.Entry<Pair, int[]> entry : pairs.entrySet()) {
                Pair k = entry.getKey();
                PreparedStatement s = statement(c, k.day() ? PAIR_DAY : PAIR_HOUR);
                s.setString(1, k.expected());
                s.setString(2, k.scanned());
                s.setLong(3, k.bucket());
                s.setInt(4, entry.getValue()[0]);
                s.setInt(5, entry.getValue()[1]);
                s.executeUpdate();
            }
            for (Map.Entry<Long, int[]> entry : floor.entrySet()) {
                PreparedStatement s = statement(c, FLOOR_5MIN);
                s.setLong(1, entry.getKey());
                s.setInt(2, entry.getValue()[0]);
                s.setInt(3, entry.getValue()[1]);
                s.setInt(4, entry.getValue()[2]);
                s.executeUpdate();
            }
            counts.clear();
            kinds.clear();
            pairs.clear();
            floor.clear();
        }
    }

    private void override(Connection c, PackEvent e) throws SQLException {
        long hubSeq;
        try (Statement q = c.createStatement(); ResultSet rs = q.executeQuery("SELECT last_insert_rowid()")) {
            rs.next();
            hubSeq = rs.getLong(1);
        }
        PreparedStatement s = statement(c, OVERRIDE);
        s.setLong(1, hubSeq);
        s.setString(2, e.at().toString());
        s.setString(3, e.stationId());
        s.setString(4, e.packer().orElse(null));
        s.setString(5, e.supervisor().orElse(null));
        s.setString(6, e.orderId().orElse(null));
        s.setString(7, e.reasonCode().orElse(null));
        s.setString(8, e.reason());
        s.executeUpdate();
    }

    // Statements are kept because every stored event runs several of them; the hub has one connection.
    private PreparedStatement statement(Connection c, String sql) throws SQLException {
        PreparedStatement s = statements.get(sql);
        if (s == null || s.isClosed() || s.getConnection() != c) {
            s = c.prepareStatement(sql);
            statements.put(sql, s);
        }
        return s;
    }
}
