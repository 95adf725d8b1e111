package io.packcheck.station.store;

import io.packcheck.protocol.PackEventCodec;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Replaces a damaged station database with a fresh one that keeps what matters: every outbox event the
 * hub has not confirmed (copied out of the damaged file as far as its pages read), the sequence numbers
 * after the highest one used, and the open box when its state still reads. The cache and the feed cursor
 * start empty, so the hub link fetches the whole catalog again. The damaged file is moved aside, not deleted.
 */
public final class StationRepair {

    // rows looked up one by one between the ends a table scan reached; beyond that a file is beyond help here
    private static final long MAX_POINT_LOOKUPS = 2_000_000;
    private static final String COLUMNS = "sequence, id, created_at, sent_at, confirmed_at, body, rejected_at, rejection";

    private final Clock clock;

    public StationRepair(Clock clock) {
        this.clock = clock;
    }

    /** What the repair did. */
    public record Report(int unsentKept, int rejectedKept, long unreadableRows, long nextSequence,
                         boolean openBoxKept, Path damagedFile) {}

    /** One outbox row as stored. */
    private record Row(long sequence, String id, long createdAt, Long sentAt, Long confirmedAt, String body,
                       Long rejectedAt, String rejection) {}

    /**
     * Repairs the database in the data directory; the station must not be running.
     *
     * @throws StoreException when there is no database there, or the fresh one cannot be written
     */
    public Report repair(Path dataDir) {
        Path file = dataDir.resolve(StationDatabase.FILE_NAME);
        if (!Files.exists(file)) {
            throw new StoreException("no station database in " + dataDir.toAbsolutePath() + " (" + file.getFileName() + ")");
        }
        Path aside = moveAside(file);
        TreeMap<Long, Row> rows = new TreeMap<>();
        long[] unreadable = {0};
        long highestUsed = 0;
        Optional<String> session = Optional.empty();
        try (Connection damaged = StationDatabase.openAsIs(aside)) {
            highestUsed = Math.max(highestUsed, sequenceCounter(damaged));
            readOutbox(damaged, rows, unreadable);
            session = openBox(damaged);
        } catch (SQLException e) {
            // the file would not even open: nothing is readable, the fresh database starts from nothing
            unreadable[0] = -1;
        }
        if (!rows.isEmpty()) {
            highestUsed = Math.max(highestUsed, rows.lastKey());
        }
        List<Row> kept = rows.values().stream().filter(r -> r.confirmedAt() == null).toList();
        boolean boxKept;
        try (StationDatabase fresh = StationDatabase.openIn(dataDir)) {
            long next = highestUsed;
            fresh.transaction(d -> {
                PreparedStatement insert = d.statement("INSERT INTO outbox (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                for (Row r : kept) {
                    insert.setLong(1, r.sequence());
                    insert.setString(2, r.id());
                    insert.setLong(3, r.createdAt());
                    setNullable(insert, 4, r.sentAt());
                    insert.setNull(5, java.sql.Types.INTEGER);
                    insert.setString(6, r.body());
                    setNullable(insert, 7, r.rejectedAt());
                    insert.setString(8, r.rejection());
                    insert.executeUpdate();
                }
                // AUTOINCREMENT continues after the highest sequence ever used, so the hub never sees one twice
                PreparedStatement counter = d.statement("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'outbox'");
                counter.setLong(1, next);
                if (counter.executeUpdate() == 0 && next > 0) {
                    PreparedStatement first = d.statement("INSERT INTO sqlite_sequence (name, seq) VALUES ('outbox', ?)");
                    first.setLong(1, next);
                    first.executeUpdate();
                }
                return null;
            });
            boxKept = session.isPresent() && keepOpenBox(fresh, session.get());
        }
        int rejected = (int) kept.stream().filter(r -> r.rejectedAt() != null).count();
        return new Report(kept.size() - rejected, rejected, unreadable[0], highestUsed + 1, boxKept, aside);
    }

    private Path moveAside(Path file) {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(clock.instant());
        Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + stamp);
        try {
            // the -wal holds committed transactions not yet in the main file: it moves with it, under the matching name
            for (String suffix : List.of("-wal", "-shm", "")) {
                Path part = file.resolveSibling(file.getFileName() + suffix);
                if (Files.exists(part)) {
                    Files.move(part, aside.resolveSibling(aside.getFileName() + suffix));
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot move the damaged database " + file + " aside: " + e.getMessage(), e);
        }
        return aside;
    }

    private static long sequenceCounter(Connection damaged) {
        try (Statement s = damaged.createStatement();
                ResultSet rs = s.executeQuery("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            return 0;
        }
    }

    /**
     * A damaged page stops a table scan where it lies: scan forwards until it stops, backwards until it stops,
     * and look up each sequence between the two ends one by one, so every row on a readable page is found.
     */
    private static void readOutbox(Connection damaged, TreeMap<Long, Row> rows, long[] unreadable) {
        long forwardEnd = scan(damaged, "ORDER BY sequence", rows);
        if (forwardEnd == Long.MAX_VALUE) {
            return; // the whole table read
        }
        long backwardEnd = scan(damaged, "ORDER BY sequence DESC", rows);
        if (backwardEnd == Long.MAX_VALUE) {
            return;
        }
        long from = forwardEnd + 1;
        long to = backwardEnd == Long.MIN_VALUE ? Math.max(from, sequenceCounter(damaged)) : backwardEnd - 1;
        if (to - from > MAX_POINT_LOOKUPS) {
            to = from + MAX_POINT_LOOKUPS;
        }
        try (PreparedStatement one = damaged.prepareStatement("SELECT " + COLUMNS + " FROM outbox NOT INDEXED WHERE sequence = ?")) {
            for (long seq = from; seq <= to; seq++) {
                if (rows.containsKey(seq)) {
                    continue;
                }
                try {
                    one.setLong(1, seq);
                    try (ResultSet rs = one.executeQuery()) {
                        if (rs.next()) {
                            keep(rs, rows, unreadable);
                        }
                    }
                } catch (SQLException | RuntimeException e) {
                    unreadable[0]++;
                }
            }
        } catch (SQLException e) {
            unreadable[0]++;
        }
    }

    /** Reads rows in the given order until the end (then returns MAX_VALUE) or a failure (the last sequence read). */
    private static long scan(Connection damaged, String order, TreeMap<Long, Row> rows) {
        long last = order.endsWith("DESC") ? Long.MIN_VALUE : 0;
        try (Statement s = damaged.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM outbox NOT INDEXED " + order)) {
            long[] ignored = {0};
            while (rs.next()) {
                last = rs.getLong(1);
                keep(rs, rows, ignored);
            }
            return Long.MAX_VALUE;
        } catch (SQLException | RuntimeException e) {
            return last;
        }
    }

    // a row on a damaged page may read as garbage: only a body the hub could read is kept
    private static void keep(ResultSet rs, TreeMap<Long, Row> rows, long[] unreadable) throws SQLException {
        Row row = new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), nullable(rs, 4), nullable(rs, 5), rs.getString(6),
                nullable(rs, 7), rs.getString(8));
        try {
            PackEventCodec.fromJson(new JsonObject(row.body()));
            rows.put(row.sequence(), row);
        } catch (RuntimeException e) {
            unreadable[0]++;
        }
    }

    private static Optional<String> openBox(Connection damaged) {
        try (Statement s = damaged.createStatement();
                ResultSet rs = s.executeQuery("SELECT state FROM pack_session WHERE slot = 1")) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    // kept only if it still decodes: a box state that does not read would stop the station at every start
    private boolean keepOpenBox(StationDatabase fresh, String state) {
        try {
            new PackSessionJson().decode(state);
        } catch (RuntimeException e) {
            return false;
        }
        fresh.transaction(d -> {
            PreparedStatement put = d.statement("INSERT INTO pack_session (slot, state, updated_at) VALUES (1, ?, ?)");
            put.setString(1, state);
            put.setLong(2, clock.millis());
            return put.executeUpdate();
        });
        return true;
    }

    private static Long nullable(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static void setNullable(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, java.sql.Types.INTEGER);
        } else {
            s.setLong(index, value);
        }
    }
}
