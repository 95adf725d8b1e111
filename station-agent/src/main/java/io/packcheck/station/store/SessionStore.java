package io.packcheck.station.store;

import io.packcheck.core.verify.PackEvent;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the pack session open on the station. The new session state and the events of a scan are
 * committed in one transaction before the station signals the verdict, so after a crash the
 * restarted agent resumes with exactly the counts the packer saw, and the outbox holds exactly
 * the events behind them.
 */
public final class SessionStore<S> {

    private final StationDatabase db;
    private final Outbox outbox;
    private final SessionCodec<S> codec;
    private final Clock clock;

    public SessionStore(StationDatabase db, Outbox outbox, SessionCodec<S> codec, Clock clock) {
        this.db = db;
        this.outbox = outbox;
        this.codec = codec;
        this.clock = clock;
    }

    /** The session that was open when the agent last stopped, if any. */
    public Optional<S> current() {
        Optional<String> text = db.read(d -> {
            try (ResultSet rs = d.statement("SELECT state FROM pack_session WHERE slot = 1").executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
        });
        return text.map(codec::decode);
    }

    /**
     * Writes the session as it stands after these events (empty: no session is open any more) and
     * appends the events to the outbox, in one transaction. Returns the outbox entries.
     */
    public List<OutboxEntry> commit(Optional<S> session, List<PackEvent> events) {
        // encode before the transaction: a codec failure must not leave the events half written
        Optional<String> text = session.map(codec::encode);
        return db.transaction(d -> {
            List<OutboxEntry> entries = outbox.append(d, events);
            if (text.isPresent()) {
                PreparedStatement put = d.statement(
                        "INSERT INTO pack_session (slot, state, updated_at, last_sequence) VALUES (1, ?, ?, ?)"
                                + " ON CONFLICT (slot) DO UPDATE SET state = excluded.state,"
                                + " updated_at = excluded.updated_at,"
                                + " last_sequence = coalesce(excluded.last_sequence, pack_session.last_sequence)");
                put.setString(1, text.get());
                put.setLong(2, clock.millis());
                setLastSequence(put, entries);
                put.executeUpdate();
            } else {
                d.statement("DELETE FROM pack_session").executeUpdate();
            }
            return entries;
        });
    }

    private static void setLastSequence(PreparedStatement put, List<OutboxEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            put.setNull(3, java.sql.Types.INTEGER);
        } else {
            put.setLong(3, entries.get(entries.size() - 1).sequence());
        }
    }
}
