package io.packcheck.station.store;

import io.packcheck.core.verify.PackEvent;
import io.packcheck.protocol.PackEventCodec;
import io.packcheck.protocol.StationEvent;
import io.vertx.core.json.JsonObject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Store-and-forward of pack events: every event is written here before the station signals it,
 * and stays until the hub confirms it; confirmed events are purged after a retention period.
 * The stored body is the event exactly as it goes on the wire ({@link PackEventCodec}, with its id
 * and sequence), so the sender sends it as stored. An event the hub refuses for good is set aside
 * with the hub's reason and kept. A long raw scan or reason is stored cut by the shared limits
 * ({@link io.packcheck.protocol.Limits}), so that the hub, which applies the same rule, accepts it.
 */
public final class Outbox {

    private static final String INSERT =
            "INSERT INTO outbox (id, created_at, body) VALUES (?, ?, ?) RETURNING sequence";
    private static final String PENDING = "confirmed_at IS NULL AND rejected_at IS NULL";
    private static final String OLDEST_UNCONFIRMED =
            "SELECT id, sequence, created_at, body FROM outbox WHERE " + PENDING + " ORDER BY sequence LIMIT ?";
    private static final String SET_BODY = "UPDATE outbox SET body = ? WHERE sequence = ?";

    private final StationDatabase db;
    private final Clock clock;

    public Outbox(StationDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Writes the events, in order, in one transaction; returns them with their ids and sequence numbers. */
    public List<OutboxEntry> append(List<PackEvent> events) {
        return db.transaction(d -> append(d, events));
    }

    /** Appends within the caller's transaction. */
    List<OutboxEntry> append(StationDatabase d, List<PackEvent> events) throws SQLException {
        List<OutboxEntry> entries = new ArrayList<>(events.size());
        Instant now = clock.instant();
        PreparedStatement insert = d.statement(INSERT);
        for (PackEvent given : events) {
            // cut here, before it is written: an event the hub would refuse for its size would leave a gap for good
            PackEvent event = PackEventCodec.forRecord(given);
            UUID id = UUID.randomUUID();
            insert.setString(1, id.toString());
            insert.setLong(2, now.toEpochMilli());
            // the sequence is only known once inserted (AUTOINCREMENT), and the wire body carries it
            insert.setString(3, "{}");
            long sequence;
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                sequence = rs.getLong(1);
            }
            PreparedStatement setBody = d.statement(SET_BODY);
            setBody.setString(1, PackEventCodec.toJson(new StationEvent(id, sequence, event)).encode());
            setBody.setLong(2, sequence);
            setBody.executeUpdate();
            entries.add(new OutboxEntry(id, sequence, Instant.ofEpochMilli(now.toEpochMilli()), event));
        }
        return entries;
    }

    /** The oldest events the hub has neither confirmed nor rejected, in sequence order. */
    public List<OutboxEntry> oldestUnconfirmed(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, got " + max);
        }
        return db.read(d -> {
            PreparedStatement s = d.statement(OLDEST_UNCONFIRMED);
            s.setInt(1, max);
            List<OutboxEntry> entries = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entries.add(new OutboxEntry(
                            UUID.fromString(rs.getString(1)),
                            rs.getLong(2),
                            Instant.ofEpochMilli(rs.getLong(3)),
                            PackEventCodec.fromJson(new JsonObject(rs.getString(4))).event()));
                }
            }
            return entries;
        });
    }

    /**
     * The same events as {@link #oldestUnconfirmed}, as their stored wire bodies: the sender sends
     * them without decoding, so a body the hub cannot read is the hub's to reject, not a stuck sender.
     */
    public List<WireEvent> oldestUnconfirmedWire(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, got " + max);
        }
        return db.read(d -> {
            PreparedStatement s = d.statement(OLDEST_UNCONFIRMED);
            s.setInt(1, max);
            List<WireEvent> events = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(new WireEvent(UUID.fromString(rs.getString(1)), rs.getLong(2), rs.getString(4)));
                }
            }
            return events;
        });
    }

    /** An outbox event as stored: its id, its sequence and its wire body (a JSON object). */
    public record WireEvent(UUID id, long sequence, String body) {}

    /** Notes that these events went out, for diagnosis of a hub that never answers. */
    public void markSent(Collection<UUID> ids) {
        update("UPDATE outbox SET sent_at = ?1 WHERE id = ?2", ids);
    }

    /** The hub has the events; returns how many were newly confirmed (already confirmed ones are ignored). */
    public int confirm(Collection<UUID> ids) {
        return update("UPDATE outbox SET confirmed_at = ?1, sent_at = coalesce(sent_at, ?1)"
                + " WHERE id = ?2 AND " + PENDING, ids);
    }

    /**
     * The hub refused these events for good: they leave the queue, keep the hub's reason, and are
     * never purged. Returns how many were set aside (confirmed or already rejected ones are left alone).
     */
    public int reject(Map<UUID, String> reasons) {
        long now = clock.millis();
        return db.transaction(d -> {
            PreparedStatement s = d.statement("UPDATE outbox SET rejected_at = ?, rejection = ?"
                    + " WHERE id = ? AND " + PENDING);
            int changed = 0;
            for (Map.Entry<UUID, String> e : reasons.entrySet()) {
                s.setLong(1, now);
                s.setString(2, e.getValue());
                s.setString(3, e.getKey().toString());
                changed += s.executeUpdate();
            }
            return changed;
        });
    }

    /** How many events the hub rejected (kept for diagnosis). */
    public long rejectedCount() {
        return db.read(d -> {
            try (ResultSet rs = d.statement("SELECT count(*) FROM outbox WHERE rejected_at IS NOT NULL").executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Events waiting for the hub's confirmation (rejected ones are no longer waiting). */
    public long depth() {
        return db.read(d -> {
            try (ResultSet rs = d.statement("SELECT count(*) FROM outbox WHERE " + PENDING).executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Deletes events confirmed longer ago than the retention; unconfirmed ones are never deleted. */
    public int purgeConfirmed(Duration retention) {
        long before = clock.instant().minus(retention).toEpochMilli();
        return db.transaction(d -> {
            PreparedStatement s = d.statement("DELETE FROM outbox WHERE confirmed_at IS NOT NULL AND confirmed_at < ?");
            s.setLong(1, before);
            return s.executeUpdate();
        });
    }

    private int update(String sql, Collection<UUID> ids) {
        long now = clock.millis();
        return db.transaction(d -> {
            PreparedStatement s = d.statement(sql);
            int changed = 0;
            for (UUID id : ids) {
                s.setLong(1, now);
                s.setString(2, id.toString());
                changed += s.executeUpdate();
            }
            return changed;
        });
    }
}
