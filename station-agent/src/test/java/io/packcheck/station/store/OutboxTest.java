package io.packcheck.station.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.verify.PackEvent;
import io.packcheck.core.verify.Verdict;
import io.packcheck.protocol.PackEventCodec;
import io.packcheck.protocol.StationEvent;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T08:00:00Z"));
    private StationDatabase db;
    private Outbox outbox;

    @BeforeEach
    void open() {
        db = StationDatabase.openIn(dir);
        outbox = new Outbox(db, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void givesEveryEventAnIdAndARisingSequenceAndKeepsItWhole() {
        PackEvent first = Events.scan("4006381333931", Verdict.MATCH, "MUG");
        PackEvent second = Events.scan("4006381333931", Verdict.LINE_COMPLETE, "MUG");

        List<OutboxEntry> entries = outbox.append(List.of(first, second));

        assertThat(entries).extracting(OutboxEntry::sequence).containsExactly(1L, 2L);
        assertThat(entries.get(0).id()).isNotEqualTo(entries.get(1).id());
        assertThat(outbox.oldestUnconfirmed(10)).containsExactlyElementsOf(entries);
        assertThat(outbox.oldestUnconfirmed(10).get(1).event()).isEqualTo(second);
    }

    @Test
    void handsOutTheOldestUnconfirmedFirstUpToTheMaximum() {
        List<OutboxEntry> entries = outbox.append(List.of(event(1), event(2), event(3), event(4)));

        List<OutboxEntry> batch = outbox.oldestUnconfirmed(3);

        assertThat(batch).containsExactlyElementsOf(entries.subList(0, 3));
    }

    @Test
    void confirmedEventsLeaveTheQueueOnce() {
        List<OutboxEntry> entries = outbox.append(List.of(event(1), event(2), event(3)));

        int confirmed = outbox.confirm(List.of(entries.get(0).id(), entries.get(2).id()));
        int again = outbox.confirm(List.of(entries.get(0).id()));

        assertThat(confirmed).isEqualTo(2);
        assertThat(again).isZero();
        assertThat(outbox.depth()).isEqualTo(1);
        assertThat(outbox.oldestUnconfirmed(10)).containsExactly(entries.get(1));
    }

    @Test
    void theHousekeeperPurgesOnlyEventsConfirmedLongerAgoThanTheRetention() {
        List<OutboxEntry> old = outbox.append(List.of(event(1), event(2)));
        outbox.confirm(List.of(old.get(0).id()));
        clock.advance(Duration.ofDays(3));
        List<OutboxEntry> recent = outbox.append(List.of(event(3)));
        outbox.confirm(List.of(recent.get(0).id()));
        clock.advance(Duration.ofDays(5));

        new OutboxHousekeeper(outbox, Duration.ofDays(7)).run();

        int remaining = db.read(d -> {
            try (var rs = d.statement("SELECT count(*) FROM outbox").executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
        assertThat(remaining).isEqualTo(2);
        assertThat(outbox.oldestUnconfirmed(10)).containsExactly(old.get(1));
        assertThat(outbox.depth()).isEqualTo(1);
    }

    @Test
    void neverReusesASequenceNumberAfterAPurge() {
        List<OutboxEntry> entries = outbox.append(List.of(event(1), event(2)));
        outbox.confirm(entries.stream().map(OutboxEntry::id).toList());
        clock.advance(Duration.ofDays(1));
        outbox.purgeConfirmed(Duration.ZERO);

        List<OutboxEntry> next = outbox.append(List.of(event(3)));

        assertThat(next.get(0).sequence()).isEqualTo(3);
    }

    @Test
    void unconfirmedEventsSurviveARestart() {
        List<OutboxEntry> entries = outbox.append(List.of(event(1), event(2)));
        db.close();

        db = StationDatabase.openIn(dir);
        outbox = new Outbox(db, clock);

        assertThat(outbox.oldestUnconfirmed(10)).containsExactlyElementsOf(entries);
        assertThat(outbox.append(List.of(event(3))).get(0).sequence()).isEqualTo(3);
    }

    @Test
    void storesEachEventAsTheHubReadsItWithItsIdAndSequence() {
        OutboxEntry entry = outbox.append(List.of(event(1))).get(0);

        Outbox.WireEvent wire = outbox.oldestUnconfirmedWire(10).get(0);

        assertThat(PackEventCodec.fromJson(new JsonObject(wire.body())))
                .isEqualTo(new StationEvent(entry.id(), entry.sequence(), entry.event()));
    }

    @Test
    void aRejectedEventIsSetAsideWithItsReasonAndKeptThroughThePurge() {
        List<OutboxEntry> entries = outbox.append(List.of(event(1), event(2), event(3)));

        int rejected = outbox.reject(Map.of(entries.get(1).id(), "at: at is required"));
        int confirmed = outbox.confirm(List.of(entries.get(1).id()));
        clock.advance(Duration.ofDays(30));
        outbox.purgeConfirmed(Duration.ZERO);

        assertThat(rejected).isEqualTo(1);
        assertThat(confirmed).isZero();
        assertThat(outbox.oldestUnconfirmed(10)).containsExactly(entries.get(0), entries.get(2));
        assertThat(outbox.oldestUnconfirmedWire(10)).extracting(Outbox.WireEvent::id)
                .containsExactly(entries.get(0).id(), entries.get(2).id());
        assertThat(outbox.depth()).isEqualTo(2);
        assertThat(outbox.rejectedCount()).isEqualTo(1);
        String reason = db.read(d -> {
            try (var rs = d.statement("SELECT rejection FROM outbox WHERE rejected_at IS NOT NULL").executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(reason).isEqualTo("at: at is required");
    }

    private static PackEvent event(int n) {
        return Events.scan("code-" + n, Verdict.MATCH, "SKU-" + n);
    }
}
