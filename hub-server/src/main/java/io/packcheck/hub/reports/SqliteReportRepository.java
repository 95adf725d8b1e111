package io.packcheck.hub.reports;

import io.packcheck.hub.storage.SqliteDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reports over the roll-up tables of migration V3. */
public final class SqliteReportRepository implements ReportRepository {

    private final SqliteDatabase db;

    public SqliteReportRepository(SqliteDatabase db) {
        this.db = db;
    }

    // Whole days from the day table, ragged ends from the hour table; the caller's columns follow.
    private static String spanned(String columns, String table, String filter) {
        return "SELECT " + columns + " FROM " + table + "_day WHERE " + filter + " day >= ? AND day < ?"
                + " UNION ALL SELECT " + columns + " FROM " + table + "_hour WHERE " + filter + " hour >= ? AND hour < ?"
                + " UNION ALL SELECT " + columns + " FROM " + table + "_hour WHERE " + filter + " hour >= ? AND hour < ?";
    }

    private static int bindSpans(PreparedStatement s, int first, TimeRange r, String... filter) throws SQLException {
        int i = first;
        long[][] spans = {{r.fromDay(), r.toDay()}, {r.fromHour(), r.headEnd()}, {r.tailStart(), r.toHour()}};
        for (long[] span : spans) {
            for (String f : filter) {
                s.setString(i++, f);
            }
            s.setLong(i++, span[0]);
            s.setLong(i++, span[1]);
        }
        return i;
    }

    @Override
    public List<Counts> byKey(String dim, TimeRange range, int limit) {
        String sql = "SELECT key, sum(scans), sum(mismatches), sum(completed), sum(overridden) FROM ("
                + spanned("key, scans, mismatches, completed, overridden", "rollup", "dim = ? AND")
                + ") GROUP BY key ORDER BY sum(mismatches) DESC, sum(scans) DESC, key LIMIT ?";
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int next = bindSpans(s, 1, range, dim);
                s.setInt(next, limit);
                return counts(s);
            }
        });
    }

    @Override
    public List<Counts> byHour(TimeRange range) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT hour, scans, mismatches, completed, overridden FROM rollup_hour"
                    + " WHERE dim = 'all' AND key = '' AND hour >= ? AND hour < ? ORDER BY hour")) {
                s.setLong(1, range.fromHour());
                s.setLong(2, range.toHour());
                List<Counts> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Counts(Instant.ofEpochSecond(rs.getLong(1) * 3600).toString(), rs.getLong(2),
                                rs.getLong(3), rs.getLong(4), rs.getLong(5)));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public List<Counts> byFiveMinutes(TimeRange range) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT bucket, scans, mismatches, completed FROM rollup_floor_5min"
                    + " WHERE bucket >= ? AND bucket < ? ORDER BY bucket")) {
                s.setLong(1, Math.floorDiv(range.from().getEpochSecond(), Rollups.FIVE_MINUTES));
                s.setLong(2, Math.floorDiv(range.to().getEpochSecond() + Rollups.FIVE_MINUTES - 1, Rollups.FIVE_MINUTES));
                List<Counts> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Counts(Instant.ofEpochSecond(rs.getLong(1) * Rollups.FIVE_MINUTES).toString(),
                                rs.getLong(2), rs.getLong(3), rs.getLong(4), 0));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public Counts total(TimeRange range) {
        List<Counts> all = byKey(Rollups.ALL, range, 1);
        return all.isEmpty() ? new Counts("", 0, 0, 0, 0) : all.get(0);
    }

    @Override
    public List<KindCount> mismatchKinds(TimeRange range) {
        String sql = "SELECT kind, sum(count) FROM (" + spanned("kind, count", "rollup_kind", "")
                + ") GROUP BY kind ORDER BY sum(count) DESC, kind";
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bindSpans(s, 1, range);
                List<KindCount> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new KindCount(rs.getString(1), rs.getLong(2)));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public List<ConfusedPair> confusedPairs(TimeRange range, int limit) {
        String sql = "SELECT expected_sku, scanned_sku, sum(count), sum(sole) FROM ("
                + spanned("expected_sku, scanned_sku, count, sole", "rollup_pair", "")
                + ") GROUP BY expected_sku, scanned_sku ORDER BY sum(count) DESC, expected_sku, scanned_sku LIMIT ?";
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int next = bindSpans(s, 1, range);
                s.setInt(next, limit);
                List<ConfusedPair> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ConfusedPair(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public List<StationState> stations(long sinceHour) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT s.station_id, s.heartbeat, s.heartbeat_at,"
                    + " s.last_event_at, (SELECT count(*) FROM sequence_gap g WHERE g.station_id = s.station_id),"
                    + " coalesce(r.scans, 0), coalesce(r.mismatches, 0) FROM station_state s LEFT JOIN"
                    + " (SELECT key, sum(scans) scans, sum(mismatches) mismatches FROM rollup_hour"
                    + "  WHERE dim = 'station' AND hour >= ? GROUP BY key) r ON r.key = s.station_id"
                    + " ORDER BY s.station_id")) {
                s.setLong(1, sinceHour);
                List<StationState> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StationState(rs.getString(1), Optional.ofNullable(rs.getString(2)),
                                instant(rs.getString(3)), instant(rs.getString(4)), rs.getLong(5), rs.getLong(6),
                                rs.getLong(7)));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public List<OpenOrder> openOrdersByShipBy(int limit) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id, status, ship_by, lines FROM pack_order"
                    + " WHERE ship_by IS NOT NULL AND status IN ('OPEN', 'IN_PROGRESS', 'EXCEPTION', 'ON_HOLD')"
                    + " ORDER BY ship_by LIMIT ?")) {
                s.setInt(1, limit);
                List<OpenOrder> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        JsonArray lines = new JsonArray(rs.getString(4));
                        int units = 0;
                        for (int i = 0; i < lines.size(); i++) {
                            Object line = lines.getValue(i);
                            if (line instanceof JsonObject o) {
                                units += o.getInteger("quantity", 0);
                            }
                        }
                        out.add(new OpenOrder(rs.getString(1), rs.getString(2), Instant.parse(rs.getString(3)),
                                lines.size(), units));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public List<OverrideEntry> overrides(TimeRange range, int limit) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT hub_seq, at, station_id, packer, supervisor,"
                    + " order_id, reason_code, reason FROM override_log WHERE at >= ? AND at < ?"
                    + " ORDER BY at DESC LIMIT ?")) {
                s.setString(1, range.from().toString());
                s.setString(2, range.to().toString());
                s.setInt(3, limit);
                List<OverrideEntry> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new OverrideEntry(rs.getLong(1), Instant.parse(rs.getString(2)), rs.getString(3),
                                Optional.ofNullable(rs.getString(4)), Optional.ofNullable(rs.getString(5)),
                                Optional.ofNullable(rs.getString(6)), Optional.ofNullable(rs.getString(7)),
                                rs.getString(8)));
                    }
                }
                return out;
            }
        });
    }

    private static List<Counts> counts(PreparedStatement s) throws SQLException {
        List<Counts> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new Counts(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
            }
        }
        return out;
    }

    private static Optional<Instant> instant(String text) {
        return Optional.ofNullable(text).map(Instant::parse);
    }
}
