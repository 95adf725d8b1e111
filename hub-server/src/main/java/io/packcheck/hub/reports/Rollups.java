package io.packcheck.hub.reports;

import io.packcheck.core.verify.PackEvent;
import io.packcheck.core.verify.PackEvent.EventKind;
import io.packcheck.core.verify.Verdict;
import io.packcheck.protocol.StationEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts each newly stored event into the dashboard roll-ups, on the ingest's own connection and
 * transaction, so a roll-up never counts an event that was not stored, nor misses one that was.
 * Used on the single database thread only.
 *
 * <p>{@code scans} counts item scans ({@link #isItemScan}), whatever their verdict. An UNDO (or a CLEAR) takes an item
 * out of the box, not a scan out of the count: the scan was made and judged, a refused one taken back by
 * CLEAR stays counted too, and the item an UNDO takes back may have come in by a supervisor override of a
 * mismatch, whose scan is counted as a mismatch that really happened.
 */
public final class Rollups {

    public static final String ALL = "all";
    public static final String STATION = "station";
    public static final String PACKER = "packer";
    public static final String SKU = "sku";

    private static final String COUNTS_HOUR = "INSERT INTO rollup_hour (dim, key, hour, scans, mismatches, completed)"
            + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (dim, hour, key) DO UPDATE SET scans = scans + excluded.scans,"
            + " mismatches = mismatches + excluded.mismatches, completed = completed + excluded.completed";
    private static final String COUNTS_DAY = COUNTS_HOUR.replace("rollup_hour", "rollup_day").replace("hour", "day");
    private static final String KIND_HOUR = "INSERT INTO rollup_kind_hour (kind, hour, count) VALUES (?, ?, ?)"
            + " ON CONFLICT (hour, kind) DO UPDATE SET count = count + excluded.count";
    private static final String KIND_DAY = KIND_HOUR.replace("rollup_kind_hour", "rollup_kind_day").replace("hour", "day");
    private static final String PAIR_HOUR = "INSERT INTO rollup_pair_hour (expected_sku, scanned_sku, hour, count)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (hour, expected_sku, scanned_sku) DO UPDATE SET count = count + excluded.count";
    private static final String PAIR_DAY = PAIR_HOUR.replace("rollup_pair_hour", "rollup_pair_day").replace("hour", "day");
    private static final String OVERRIDE = "INSERT INTO override_log (hub_seq, at, station_id, packer, supervisor,"
            + " order_id, reason_code, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final Map<String, PreparedStatement> statements = new HashMap<>();

    /**
     * What the dashboard counts as a scan, the denominator of every mismatch rate: a code read and judged as an
     * item (or refused as unknown or unreadable). Opening an order, commands and badges, and scans refused before
     * any judgement (session locked, order blocked, no order open) are not item scans.
     */
    public static boolean isItemScan(PackEvent event) {
        return event.kind() == EventKind.SCAN && switch (event.verdict()) {
            case ORDER_OPENED, ORDER_BLOCKED, NO_ORDER_OPEN, LOCKED, COMMAND_ACCEPTED, COMMAND_REFUSED -> false;
            default -> true;
        };
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

        private final Map<Count, int[]> counts = new LinkedHashMap<>();
        private final Map<Kind, Integer> kinds = new LinkedHashMap<>();
        private final Map<Pair, Integer> pairs = new LinkedHashMap<>();

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
            if (isItemScan(e)) {
                int mismatch = isMismatch(e.verdict()) ? 1 : 0;
                counts(ALL, "", hour, day, 1, mismatch, 0);
                counts(STATION, e.stationId(), hour, day, 1, mismatch, 0);
                e.packer().ifPresent(p -> counts(PACKER, p, hour, day, 1, mismatch, 0));
                e.sku().or(e::expectedSku).ifPresent(s -> counts(SKU, s, hour, day, 1, mismatch, 0));
                if (mismatch == 1) {
                    kinds.merge(new Kind(e.verdict().name(), false, hour), 1, Integer::sum);
                    kinds.merge(new Kind(e.verdict().name(), true, day), 1, Integer::sum);
                }
                if (e.verdict() == Verdict.WRONG_ITEM && e.sku().isPresent() && e.expectedSku().isPresent()) {
                    pairs.merge(new Pair(e.expectedSku().get(), e.sku().get(), false, hour), 1, Integer::sum);
                    pairs.merge(new Pair(e.expectedSku().get(), e.sku().get(), true, day), 1, Integer::sum);
                }
            } else if (e.kind() == EventKind.ORDER_COMPLETED) {
                counts(ALL, "", hour, day, 0, 0, 1);
                counts(STATION, e.stationId(), hour, day, 0, 0, 1);
                e.packer().ifPresent(p -> counts(PACKER, p, hour, day, 0, 0, 1));
            } else if (e.kind() == EventKind.SHORTED) {
                kinds.merge(new Kind(EventKind.SHORTED.name(), false, hour), 1, Integer::sum);
                kinds.merge(new Kind(EventKind.SHORTED.name(), true, day), 1, Integer::sum);
            } else if (e.kind() == EventKind.OVERRIDE) {
                override(c, e);
            }
        }

        private void counts(String dim, String key, long hour, long day, int scans, int mismatches, int completed) {
            for (Count bucket : List.of(new Count(dim, key, false, hour), new Count(dim, key, true, day))) {
                int[] sums = counts.computeIfAbsent(bucket, b -> new int[3]);
                sums[0] += scans;
                sums[1] += mismatches;
                sums[2] += completed;
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
            for (Map.Entry<Pair, Integer> entry : pairs.entrySet()) {
                Pair k = entry.getKey();
                PreparedStatement s = statement(c, k.day() ? PAIR_DAY : PAIR_HOUR);
                s.setString(1, k.expected());
                s.setString(2, k.scanned());
                s.setLong(3, k.bucket());
                s.setInt(4, entry.getValue());
                s.executeUpdate();
            }
            counts.clear();
            kinds.clear();
            pairs.clear();
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
