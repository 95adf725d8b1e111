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
import java.util.Map;
import java.util.Optional;

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
    private static final String KIND_HOUR = "INSERT INTO rollup_kind_hour (kind, hour, count) VALUES (?, ?, 1)"
            + " ON CONFLICT (hour, kind) DO UPDATE SET count = count + 1";
    private static final String KIND_DAY = KIND_HOUR.replace("rollup_kind_hour", "rollup_kind_day").replace("hour", "day");
    private static final String PAIR_HOUR = "INSERT INTO rollup_pair_hour (expected_sku, scanned_sku, hour, count)"
            + " VALUES (?, ?, ?, 1) ON CONFLICT (hour, expected_sku, scanned_sku) DO UPDATE SET count = count + 1";
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

    /** Counts the event just inserted into {@code station_event} (its row is the connection's last insert). */
    public void count(Connection c, StationEvent stored) throws SQLException {
        PackEvent e = stored.event();
        long epochSecond = e.at().getEpochSecond();
        long hour = Math.floorDiv(epochSecond, 3600);
        long day = Math.floorDiv(epochSecond, 86_400);
        if (isItemScan(e)) {
            int mismatch = isMismatch(e.verdict()) ? 1 : 0;
            counts(c, ALL, "", hour, day, 1, mismatch, 0);
            counts(c, STATION, e.stationId(), hour, day, 1, mismatch, 0);
            e.packer().ifPresent(p -> uncheck(() -> counts(c, PACKER, p, hour, day, 1, mismatch, 0)));
            Optional<String> sku = e.sku().or(e::expectedSku);
            sku.ifPresent(s -> uncheck(() -> counts(c, SKU, s, hour, day, 1, mismatch, 0)));
            if (mismatch == 1) {
                kind(c, e.verdict().name(), hour, day);
            }
            if (e.verdict() == Verdict.WRONG_ITEM && e.sku().isPresent() && e.expectedSku().isPresent()) {
                pair(c, PAIR_HOUR, e.expectedSku().get(), e.sku().get(), hour);
                pair(c, PAIR_DAY, e.expectedSku().get(), e.sku().get(), day);
            }
        } else if (e.kind() == EventKind.ORDER_COMPLETED) {
            counts(c, ALL, "", hour, day, 0, 0, 1);
            counts(c, STATION, e.stationId(), hour, day, 0, 0, 1);
            e.packer().ifPresent(p -> uncheck(() -> counts(c, PACKER, p, hour, day, 0, 0, 1)));
        } else if (e.kind() == EventKind.SHORTED) {
            kind(c, EventKind.SHORTED.name(), hour, day);
        } else if (e.kind() == EventKind.OVERRIDE) {
            override(c, e);
        }
    }

    private void counts(Connection c, String dim, String key, long hour, long day, int scans, int mismatches,
                        int completed) throws SQLException {
        counts(statement(c, COUNTS_HOUR), dim, key, hour, scans, mismatches, completed);
        counts(statement(c, COUNTS_DAY), dim, key, day, scans, mismatches, completed);
    }

    private static void counts(PreparedStatement s, String dim, String key, long bucket, int scans, int mismatches,
                               int completed) throws SQLException {
        s.setString(1, dim);
        s.setString(2, key);
        s.setLong(3, bucket);
        s.setInt(4, scans);
        s.setInt(5, mismatches);
        s.setInt(6, completed);
        s.executeUpdate();
    }

    private void kind(Connection c, String kind, long hour, long day) throws SQLException {
        PreparedStatement h = statement(c, KIND_HOUR);
        h.setString(1, kind);
        h.setLong(2, hour);
        h.executeUpdate();
        PreparedStatement d = statement(c, KIND_DAY);
        d.setString(1, kind);
        d.setLong(2, day);
        d.executeUpdate();
    }

    private void pair(Connection c, String sql, String expected, String scanned, long bucket) throws SQLException {
        PreparedStatement s = statement(c, sql);
        s.setString(1, expected);
        s.setString(2, scanned);
        s.setLong(3, bucket);
        s.executeUpdate();
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

    private interface SqlStep {
        void run() throws SQLException;
    }

    private static void uncheck(SqlStep step) {
        try {
            step.run();
        } catch (SQLException e) {
            throw new IllegalStateException("database: " + e.getMessage(), e);
        }
    }
}
