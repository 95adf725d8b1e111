package io.packcheck.hub.storage;

import io.packcheck.core.catalog.OrderStatus;
import io.packcheck.core.verify.PackEvent;
import io.packcheck.core.verify.Verdict;
import io.packcheck.hub.orders.OrderRules;
import io.packcheck.hub.serials.SerialRules;
import io.packcheck.hub.serials.SerialRules.BoxSerial;
import io.packcheck.hub.serials.SerialRules.Effect;
import io.packcheck.hub.serials.SerialRules.PackedIn;
import io.packcheck.protocol.PackEventCodec;
import io.packcheck.protocol.StationEvent;
import io.packcheck.hub.reports.Rollups;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Station events in {@code station_event}, sequence tracking in {@code station_state} and {@code sequence_gap}. */
public final class SqliteEventRepository implements EventRepository {

    private static final String INSERT_EVENT = "INSERT INTO station_event (id, station_id, seq, kind, verdict, at,"
            + " order_id, body, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING";
    private static final String STATION_STATE = "INSERT INTO station_state (station_id, max_seq, last_event_at)"
            + " VALUES (?, ?, ?) ON CONFLICT (station_id) DO UPDATE SET max_seq = excluded.max_seq,"
            + " last_event_at = coalesce(excluded.last_event_at, station_state.last_event_at)";
    private static final String MAX_SEQ = "SELECT max_seq FROM station_state WHERE station_id = ?";
    private static final String MOVE_ORDER = "UPDATE pack_order SET status = ?, hold_reason = ?, updated_at = ?,"
            + " change_seq = ? WHERE id = ?";
    private static final String PACKED_IN = "SELECT p.order_id, p.station_id, p.at, o.status FROM packed_serial p"
            + " LEFT JOIN pack_order o ON o.id = p.order_id WHERE p.sku = ? AND p.serial = ?"
            + " AND coalesce(o.status, '') <> 'CANCELLED' ORDER BY p.at, p.order_id";
    private static final String PACK_SERIAL = "INSERT INTO packed_serial (sku, serial, order_id, station_id, at)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (sku, serial, order_id) DO NOTHING";
    private static final String TAKE_OUT_SERIAL = "DELETE FROM packed_serial WHERE sku = ? AND serial = ? AND order_id = ?";
    private static final String EMPTY_BOX = "DELETE FROM packed_serial WHERE order_id = ?";
    private static final String FLAG_REUSE = "INSERT INTO serial_reuse (order_id, sku, serial, other_order_id, station_id,"
            + " event_id, at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (order_id, sku, serial) DO NOTHING";
    private static final String REUSE_FLAGGED = "SELECT 1 FROM serial_reuse WHERE order_id = ? LIMIT 1";

    private final SqliteDatabase db;
    private final Clock clock;
    private final Rollups rollups = new Rollups();

    public SqliteEventRepository(SqliteDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public IngestResult ingest(String stationId, List<StationEvent> events) {
        String now = clock.instant().toString();
        return db.transaction(c -> {
            List<UUID> stored = new ArrayList<>();
            List<UUID> duplicates = new ArrayList<>();
            List<Gap> gaps = new ArrayList<>();
            List<Outdated> outdated = new ArrayList<>();
            long maxSeq = maxSeq(stationId);
            Rollups.Tally tally = rollups.tally();
            PreparedStatement insert = db.prepared(INSERT_EVENT);
            for (StationEvent se : events) {
                PackEvent e = se.event();
                insert.setString(1, se.id().toString());
                insert.setString(2, stationId);
                insert.setLong(3, se.seq());
                insert.setString(4, e.kind().name());
                insert.setString(5, e.verdict().name());
                insert.setString(6, e.at().toString());
                insert.setString(7, e.orderId().orElse(null));
                insert.setString(8, PackEventCodec.toJson(se).encode());
                insert.setString(9, now);
                if (insert.executeUpdate() == 0) {
                    duplicates.add(se.id());
                    continue;
                }
                stored.add(se.id());
                tally.count(c, se);
                if (se.seq() > maxSeq + 1) {
                    Gap gap = new Gap(maxSeq + 1, se.seq() - 1);
                    insertGap(c, stationId, gap, now);
                    gaps.add(gap);
                } else if (se.seq() <= maxSeq) {
                    fillGap(c, stationId, se.seq());
                }
                maxSeq = Math.max(maxSeq, se.seq());
                serials(c, stationId, se, now);
                if (e.orderId().isPresent()) {
                    moveOrder(c, se, e.orderId().get()).ifPresent(outdated::add);
                }
            }
            tally.write(c);
            PreparedStatement state = db.prepared(STATION_STATE);
            state.setString(1, stationId);
            state.setLong(2, maxSeq);
            state.setString(3, stored.isEmpty() ? null : now);
            state.executeUpdate();
            return new IngestResult(stored, duplicates, gaps, outdated);
        });
    }

    @Override
    public List<Outcome> ingestAll(List<StationBatch> batches, Follower follower) {
        return db.transaction(c -> {
            List<Outcome> outcomes = new ArrayList<>(batches.size());
            for (StationBatch batch : batches) {
                try {
                    IngestResult result = db.savepoint(x -> {
                        IngestResult r = ingest(batch.stationId(), batch.events());
                        Set<UUID> fresh = new HashSet<>(r.stored());
                        follower.stored(batch.stationId(), batch.events().stream().filter(e -> fresh.contains(e.id())).toList());
                        return r;
                    });
                    outcomes.add(new Outcome(Optional.of(result), Optional.empty()));
                } catch (RuntimeException e) {
                    outcomes.add(new Outcome(Optional.empty(), Optional.of(e)));
                }
            }
            return outcomes;
        });
    }

    /** Moves the order along; a completion of an outdated version turns it into an exception instead. */
    private Optional<Outdated> moveOrder(Connection c, StationEvent se, String orderId) throws SQLException {
        Optional<SqliteCatalogRepository.Row> found =
                SqliteCatalogRepository.orderRow(db.prepared(SqliteCatalogRepository.ORDER_ROW), orderId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SqliteCatalogRepository.Row row = found.get();
        PackEvent e = se.event();
        Optional<OrderStatus> next = OrderRules.afterEvent(row.status(), e);
        Optional<Outdated> outdated = Optional.empty();
        String holdReason = row.holdReason().orElse(null);
        if (next.isPresent() && OrderRules.verifiedOutdated(e, row.version())) {
            outdated = Optional.of(new Outdated(se.id(), orderId, e.orderVersion(), row.version()));
            next = Optional.of(OrderStatus.EXCEPTION);
            holdReason = "packed against version " + e.orderVersion() + " but the order is now version " + row.version();
        } else if (next.isPresent() && next.get() == OrderStatus.EXCEPTION) {
            holdReason = e.reason().isEmpty() ? "shorted at station " + e.stationId() : e.reason();
        } else if (next.isPresent() && next.get() == OrderStatus.VERIFIED && reuseFlagged(orderId)) {
            // a box holding a reused serial is not verified by being complete: it stays an exception
            next = Optional.empty();
        }
        if (next.isPresent()) {
            // The version stays: it counts changes by ops, which is what a station verifies against.
            PreparedStatement s = db.prepared(MOVE_ORDER);
            s.setString(1, next.get().name());
            s.setString(2, holdReason);
            s.setString(3, clock.instant().toString());
            s.setLong(4, db.nextChangeSeq());
            s.setString(5, orderId);
            s.executeUpdate();
        }
        return outdated;
    }

    /**
     * Keeps the serials in each order's box; a counted scan of a serial already in another order's box flags the
     * order (EXCEPTION naming both orders) and records a SERIAL_REUSED event in the feed.
     */
    private void serials(Connection c, String stationId, StationEvent se, String now) throws SQLException {
        Effect effect = SerialRules.of(se.event());
        if (effect instanceof Effect.Packs packs) {
            BoxSerial serial = packs.serial();
            if (packs.check()) {
                Optional<String> other = SerialRules.elsewhere(packedIn(serial.sku(), serial.serial()), serial.orderId());
                if (other.isPresent()) {
                    flagReuse(c, stationId, se, serial, other.get(), now);
                }
            }
            PreparedStatement s = db.prepared(PACK_SERIAL);
            s.setString(1, serial.sku());
            s.setString(2, serial.serial());
            s.setString(3, serial.orderId());
            s.setString(4, stationId);
            s.setString(5, se.event().at().toString());
            s.executeUpdate();
        } else if (effect instanceof Effect.TakesOut out) {
            PreparedStatement s = db.prepared(TAKE_OUT_SERIAL);
            s.setString(1, out.serial().sku());
            s.setString(2, out.serial().serial());
            s.setString(3, out.serial().orderId());
            s.executeUpdate();
        } else if (effect instanceof Effect.EmptiesBox empties) {
            PreparedStatement s = db.prepared(EMPTY_BOX);
            s.setString(1, empties.orderId());
            s.executeUpdate();
        }
    }

    private void flagReuse(Connection c, String stationId, StationEvent se, BoxSerial serial, String otherOrderId, String now)
            throws SQLException {
        String reason = SerialRules.reason(serial, otherOrderId, stationId);
        PreparedStatement flag = db.prepared(FLAG_REUSE);
        flag.setString(1, serial.orderId());
        flag.setString(2, serial.sku());
        flag.setString(3, serial.serial());
        flag.setString(4, otherOrderId);
        flag.setString(5, stationId);
        flag.setString(6, se.id().toString());
        flag.setString(7, now);
        flag.executeUpdate();
        Optional<SqliteCatalogRepository.Row> row =
                SqliteCatalogRepository.orderRow(db.prepared(SqliteCatalogRepository.ORDER_ROW), serial.orderId());
        if (row.isPresent() && !row.get().status().blocksPacking()) {
            PreparedStatement s = db.prepared(MOVE_ORDER);
            s.setString(1, OrderStatus.EXCEPTION.name());
            s.setString(2, reason);
            s.setString(3, clock.instant().toString());
            s.setLong(4, db.nextChangeSeq());
            s.setString(5, serial.orderId());
            s.executeUpdate();
        }
        // the hub's own record in the feed, beside the station's scan; it counts in no roll-up
        PackEvent e = se.event();
        PackEvent flagged = new PackEvent(PackEvent.EventKind.SERIAL_REUSED, Verdict.DUPLICATE_SERIAL, e.at(), e.stationId(),
                e.packer(), e.orderId(), e.orderVersion(), e.sku(), Optional.empty(), e.raw(), 0, e.lot(), e.serial(), reason,
                Optional.empty(), Optional.empty());
        StationEvent record = new StationEvent(UUID.nameUUIDFromBytes(("serial-reuse:" + se.id()).getBytes(
                java.nio.charset.StandardCharsets.UTF_8)), se.seq(), flagged);
        PreparedStatement insert = db.prepared(INSERT_EVENT);
        insert.setString(1, record.id().toString());
        insert.setString(2, stationId);
        insert.setLong(3, se.seq());
        insert.setString(4, flagged.kind().name());
        insert.setString(5, flagged.verdict().name());
        insert.setString(6, flagged.at().toString());
        insert.setString(7, flagged.orderId().orElse(null));
        insert.setString(8, PackEventCodec.toJson(record).encode());
        insert.setString(9, now);
        insert.executeUpdate();
    }

    private boolean reuseFlagged(String orderId) throws SQLException {
        PreparedStatement s = db.prepared(REUSE_FLAGGED);
        s.setString(1, orderId);
        try (ResultSet rs = s.executeQuery()) {
            return rs.next();
        }
    }

    private List<PackedIn> packedIn(String sku, String serial) throws SQLException {
        PreparedStatement s = db.prepared(PACKED_IN);
        s.setString(1, sku);
        s.setString(2, serial);
        List<PackedIn> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new PackedIn(rs.getString(1), rs.getString(2), Instant.parse(rs.getString(3)),
                        Optional.ofNullable(rs.getString(4))));
            }
        }
        return out;
    }

    @Override
    public List<PackedIn> serialPackedIn(String sku, String serial) {
        return db.transaction(c -> packedIn(sku, serial));
    }

    private long maxSeq(String stationId) throws SQLException {
        PreparedStatement s = db.prepared(MAX_SEQ);
        s.setString(1, stationId);
        try (ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static void insertGap(Connection c, String stationId, Gap gap, String now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO sequence_gap (station_id, from_seq, to_seq, detected_at) VALUES (?, ?, ?, ?)")) {
            s.setString(1, stationId);
            s.setLong(2, gap.from());
            s.setLong(3, gap.to());
            s.setString(4, now);
            s.executeUpdate();
        }
    }

    /** A late event fills its gap: the gap shrinks or splits around it. */
    private static void fillGap(Connection c, String stationId, long seq) throws SQLException {
        Optional<Gap> containing = Optional.empty();
        String detectedAt = null;
        try (PreparedStatement s = c.prepareStatement("SELECT from_seq, to_seq, detected_at FROM sequence_gap"
                + " WHERE station_id = ? AND from_seq <= ? AND to_seq >= ?")) {
            s.setString(1, stationId);
            s.setLong(2, seq);
            s.setLong(3, seq);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    containing = Optional.of(new Gap(rs.getLong(1), rs.getLong(2)));
                    detectedAt = rs.getString(3);
                }
            }
        }
        if (containing.isEmpty()) {
            return;
        }
        Gap gap = containing.get();
        try (PreparedStatement d = c.prepareStatement("DELETE FROM sequence_gap WHERE station_id = ? AND from_seq = ?")) {
            d.setString(1, stationId);
            d.setLong(2, gap.from());
            d.executeUpdate();
        }
        if (gap.from() < seq) {
            insertGap(c, stationId, new Gap(gap.from(), seq - 1), detectedAt);
        }
        if (seq < gap.to()) {
            insertGap(c, stationId, new Gap(seq + 1, gap.to()), detectedAt);
        }
    }

    @Override
    public List<StoredEvent> after(long hubSeq, int limit) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT hub_seq, received_at, body FROM station_event"
                    + " WHERE hub_seq > ? ORDER BY hub_seq LIMIT ?")) {
                s.setLong(1, hubSeq);
                s.setInt(2, limit);
                return read(s);
            }
        });
    }

    @Override
    public List<StoredEvent> forOrder(String orderId) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT hub_seq, received_at, body FROM station_event"
                    + " WHERE order_id = ? ORDER BY hub_seq")) {
                s.setString(1, orderId);
                return read(s);
            }
        });
    }

    @Override
    public boolean completedUnderOverride(long completionHubSeq) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM station_event e"
                    + " JOIN station_event o ON o.order_id = e.order_id AND o.station_id = e.station_id"
                    + " WHERE e.hub_seq = ?1 AND o.kind = 'OVERRIDE' AND o.hub_seq < ?1 AND o.hub_seq > coalesce("
                    + "(SELECT max(p.hub_seq) FROM station_event p WHERE p.order_id = e.order_id AND p.station_id = e.station_id"
                    + " AND p.kind IN ('ORDER_OPENED', 'SESSION_CANCELLED') AND p.hub_seq < ?1), 0))")) {
                s.setLong(1, completionHubSeq);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        });
    }

    private static List<StoredEvent> read(PreparedStatement s) throws SQLException {
        List<StoredEvent> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new StoredEvent(rs.getLong(1), Instant.parse(rs.getString(2)),
                        PackEventCodec.fromJson(new JsonObject(rs.getString(3)))));
            }
        }
        return out;
    }

    @Override
    public void heartbeat(String stationId, String heartbeatJson, Instant at) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO station_state (station_id, heartbeat, heartbeat_at)"
                    + " VALUES (?, ?, ?) ON CONFLICT (station_id) DO UPDATE SET heartbeat = excluded.heartbeat,"
                    + " heartbeat_at = excluded.heartbeat_at")) {
                s.setString(1, stationId);
                s.setString(2, heartbeatJson);
                s.setString(3, at.toString());
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<StationStatus> station(String stationId) {
        return db.transaction(c -> {
            List<Gap> gaps = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT from_seq, to_seq FROM sequence_gap WHERE station_id = ? ORDER BY from_seq")) {
                s.setString(1, stationId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        gaps.add(new Gap(rs.getLong(1), rs.getLong(2)));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT max_seq, heartbeat, heartbeat_at FROM station_state WHERE station_id = ?")) {
                s.setString(1, stationId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new StationStatus(stationId, rs.getLong(1), gaps,
                            Optional.ofNullable(rs.getString(2)), Optional.ofNullable(rs.getString(3)).map(Instant::parse)));
                }
            }
        });
    }
}
