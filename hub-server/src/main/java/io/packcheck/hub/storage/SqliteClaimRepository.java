package io.packcheck.hub.storage;

import io.packcheck.hub.claims.Claim;
import io.packcheck.hub.claims.ClaimConflict;
import io.packcheck.hub.claims.ClaimStore;
import io.packcheck.protocol.PackEventCodec;
import io.packcheck.protocol.StationEvent;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Claims in {@code order_claim}, conflicts in {@code claim_conflict}; the hub's conflict events in {@code station_event}. */
public final class SqliteClaimRepository implements ClaimStore {

    private static final String FIND = "SELECT order_id, station_id, since, last_active FROM order_claim WHERE order_id = ?";
    private static final String PUT = "INSERT INTO order_claim (order_id, station_id, since, last_active) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (order_id) DO UPDATE SET station_id = excluded.station_id, since = excluded.since,"
            + " last_active = excluded.last_active";
    private static final String ORDER_EXISTS = "SELECT 1 FROM pack_order WHERE id = ?";
    private static final String CONFLICTS_OF = "SELECT order_id, claimed_by, claimed_since, other_station, at, reason"
            + " FROM claim_conflict WHERE order_id = ? ORDER BY at";
    // held and cancelled orders stay so, as with any station event; the conflict is on record all the same
    private static final String NEEDS_EXCEPTION = "SELECT 1 FROM pack_order WHERE id = ?"
            + " AND status NOT IN ('CANCELLED', 'ON_HOLD') AND NOT (status = 'EXCEPTION' AND hold_reason IS ?)";
    private static final String EXCEPTION = "UPDATE pack_order SET status = 'EXCEPTION', hold_reason = ?, updated_at = ?,"
            + " change_seq = ? WHERE id = ?";

    private final SqliteDatabase db;
    private final Clock clock;

    public SqliteClaimRepository(SqliteDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public <T> T atomically(Supplier<T> work) {
        return db.transaction(c -> work.get());
    }

    @Override
    public Optional<Claim> find(String orderId) {
        return db.transaction(c -> {
            PreparedStatement s = db.prepared(FIND);
            s.setString(1, orderId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(claim(rs)) : Optional.<Claim>empty();
            }
        });
    }

    @Override
    public void put(Claim claim) {
        db.transaction(c -> {
            PreparedStatement s = db.prepared(PUT);
            s.setString(1, claim.orderId());
            s.setString(2, claim.stationId());
            s.setString(3, claim.since().toString());
            s.setString(4, claim.lastActive().toString());
            s.executeUpdate();
            return null;
        });
    }

    @Override
    public boolean delete(String orderId) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM order_claim WHERE order_id = ?")) {
                s.setString(1, orderId);
                return s.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean orderExists(String orderId) {
        return db.transaction(c -> {
            PreparedStatement s = db.prepared(ORDER_EXISTS);
            s.setString(1, orderId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        });
    }

    @Override
    public List<ClaimConflict> conflicts(String orderId) {
        return db.transaction(c -> {
            PreparedStatement s = db.prepared(CONFLICTS_OF);
            s.setString(1, orderId);
            return conflicts(s);
        });
    }

    @Override
    public boolean recordConflict(ClaimConflict conflict, StationEvent feedEvent) {
        return db.transaction(c -> {
            boolean fresh;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO claim_conflict (order_id, claimed_by, claimed_since,"
                    + " other_station, at, reason) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                s.setString(1, conflict.orderId());
                s.setString(2, conflict.claimedBy());
                s.setString(3, conflict.claimedSince().toString());
                s.setString(4, conflict.otherStation());
                s.setString(5, conflict.at().toString());
                s.setString(6, conflict.reason());
                fresh = s.executeUpdate() > 0;
            }
            if (fresh) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO station_event (id, station_id, seq, kind, verdict,"
                        + " at, order_id, body, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    s.setString(1, feedEvent.id().toString());
                    s.setString(2, feedEvent.event().stationId());
                    s.setLong(3, feedEvent.seq());
                    s.setString(4, feedEvent.event().kind().name());
                    s.setString(5, feedEvent.event().verdict().name());
                    s.setString(6, feedEvent.event().at().toString());
                    s.setString(7, conflict.orderId());
                    s.setString(8, PackEventCodec.toJson(feedEvent).encode());
                    s.setString(9, conflict.at().toString());
                    s.executeUpdate();
                }
            }
            markException(conflict.orderId(), firstReason(conflict));
            return fresh;
        });
    }

    /** The order keeps the reason of its first conflict, so a later one does not rewrite it again and again. */
    private String firstReason(ClaimConflict conflict) throws SQLException {
        PreparedStatement s = db.prepared(CONFLICTS_OF);
        s.setString(1, conflict.orderId());
        return conflicts(s).stream().findFirst().map(ClaimConflict::reason).orElse(conflict.reason());
    }

    @Override
    public void markException(String orderId, String reason) {
        db.transaction(c -> {
            PreparedStatement check = db.prepared(NEEDS_EXCEPTION);
            check.setString(1, orderId);
            check.setString(2, reason);
            try (ResultSet rs = check.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
            }
            PreparedStatement s = db.prepared(EXCEPTION);
            s.setString(1, reason);
            s.setString(2, clock.instant().toString());
            s.setLong(3, db.nextChangeSeq());
            s.setString(4, orderId);
            s.executeUpdate();
            return null;
        });
    }

    @Override
    public List<Claim> all(int limit) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT order_id, station_id, since, last_active FROM order_claim"
                    + " ORDER BY since, order_id LIMIT ?")) {
                s.setInt(1, limit);
                List<Claim> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(claim(rs));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public List<ClaimConflict> conflicts(int limit) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT order_id, claimed_by, claimed_since, other_station, at,"
                    + " reason FROM claim_conflict ORDER BY at DESC, order_id LIMIT ?")) {
                s.setInt(1, limit);
                return conflicts(s);
            }
        });
    }

    private static List<ClaimConflict> conflicts(PreparedStatement s) throws SQLException {
        List<ClaimConflict> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new ClaimConflict(rs.getString(1), rs.getString(2), Instant.parse(rs.getString(3)), rs.getString(4),
                        Instant.parse(rs.getString(5)), rs.getString(6)));
            }
        }
        return out;
    }

    private static Claim claim(ResultSet rs) throws SQLException {
        return new Claim(rs.getString(1), rs.getString(2), Instant.parse(rs.getString(3)), Instant.parse(rs.getString(4)));
    }
}
