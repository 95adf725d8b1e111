package io.packcheck.station.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packcheck.core.verify.Verdict;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionStoreTest {

    /** A stand-in session: the order and how many units were counted. */
    record Counted(String orderId, int units) {}

    static final SessionCodec<Counted> CODEC = new SessionCodec<>() {
        @Override
        public String encode(Counted session) {
            if (session.units() < 0) {
                throw new IllegalArgumentException("units must not be negative");
            }
            return session.orderId() + "|" + session.units();
        }

        @Override
        public Counted decode(String text) {
            String[] parts = text.split("\\|");
            return new Counted(parts[0], Integer.parseInt(parts[1]));
        }
    };

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T08:00:00Z"));
    private StationDatabase db;
    private Outbox outbox;
    private SessionStore<Counted> sessions;

    @BeforeEach
    void open() {
        db = StationDatabase.openIn(dir);
        outbox = new Outbox(db, clock);
        sessions = new SessionStore<>(db, outbox, CODEC, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aFreshStationHasNoOpenSession() {
        assertThat(sessions.current()).isEmpty();
    }

    @Test
    void resumesAfterARestartWithTheCountsAndEventsOfTheLastCommit() {
        sessions.commit(Optional.of(new Counted("SO-1", 1)), List.of(Events.scan("a", Verdict.MATCH, "MUG")));
        sessions.commit(Optional.of(new Counted("SO-1", 2)), List.of(Events.scan("a", Verdict.MATCH, "MUG")));
        db.close();

        db = StationDatabase.openIn(dir);
        outbox = new Outbox(db, clock);
        sessions = new SessionStore<>(db, outbox, CODEC, clock);

        assertThat(sessions.current()).contains(new Counted("SO-1", 2));
        assertThat(outbox.depth()).isEqualTo(2);
    }

    @Test
    void closingTheSessionKeepsItsEventsForTheHub() {
        sessions.commit(Optional.of(new Counted("SO-1", 1)), List.of(Events.scan("a", Verdict.MATCH, "MUG")));

        List<OutboxEntry> entries = sessions.commit(Optional.empty(),
                List.of(Events.scan("a", Verdict.ORDER_COMPLETE, "MUG")));

        assertThat(sessions.current()).isEmpty();
        assertThat(entries).extracting(OutboxEntry::sequence).containsExactly(2L);
        assertThat(outbox.depth()).isEqualTo(2);
    }

    @Test
    void aSessionThatCannotBeWrittenLeavesNeitherStateNorEvents() {
        sessions.commit(Optional.of(new Counted("SO-1", 1)), List.of(Events.scan("a", Verdict.MATCH, "MUG")));

        assertThatThrownBy(() -> sessions.commit(Optional.of(new Counted("SO-1", -1)),
                List.of(Events.scan("a", Verdict.MATCH, "MUG"))))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(sessions.current()).contains(new Counted("SO-1", 1));
        assertThat(outbox.depth()).isEqualTo(1);
    }
}
