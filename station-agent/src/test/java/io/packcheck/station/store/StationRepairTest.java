package io.packcheck.station.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.catalog.Item;
import io.packcheck.core.catalog.ItemBarcode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StationRepairTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T08:00:00Z"));

    @Test
    void keepsEveryUnsentEventOutsideTheDamagedPageAndStartsTheCacheAfresh() throws Exception {
        Path data = dir.resolve("data");
        List<OutboxEntry> appended;
        try (StationDatabase db = StationDatabase.openIn(data)) {
            SqliteOrderCache cache = new SqliteOrderCache(db, clock);
            cache.applyChanges(List.of(new CatalogChange.PutItem(new Item("MUG-1", "Mug",
                    List.of(new ItemBarcode("4006381333931", 1)), false, false, 0))), Optional.of("f42"));
            Outbox outbox = new Outbox(db, clock);
            appended = outbox.append(StationDatabaseDamageTest.events(3000));
            outbox.confirm(appended.subList(0, 500).stream().map(OutboxEntry::id).toList());
        }
        Path file = data.resolve(StationDatabase.FILE_NAME);
        List<DamagedFiles.Page> leaves = StationDatabaseDamageTest.leaves(file);
        DamagedFiles.Page damaged = leaves.get(leaves.size() * 2 / 3);
        DamagedFiles.overwrite(file, damaged.number());

        StationRepair.Report report = new StationRepair(clock).repair(data);

        try (StationDatabase repaired = StationDatabase.openIn(data)) {
            Outbox outbox = new Outbox(repaired, clock);
            List<OutboxEntry> kept = outbox.oldestUnconfirmed(10_000);
            Set<Long> keptSequences = kept.stream().map(OutboxEntry::sequence).collect(Collectors.toSet());
            List<Long> lost = LongStream.rangeClosed(501, 3000).filter(seq -> !keptSequences.contains(seq)).boxed().toList();

            assertThat(repaired.check(StationDatabase.Check.FULL)).isEmpty();
            assertThat(lost).as("only the rows of the overwritten page are lost, and they lie side by side")
                    .hasSize(damaged.cells());
            assertThat(lost.get(lost.size() - 1) - lost.get(0)).isEqualTo(damaged.cells() - 1);
            assertThat(kept).allSatisfy(e -> assertThat(e).isEqualTo(appended.get((int) e.sequence() - 1)));
            assertThat(report.unsentKept()).isEqualTo(2500 - damaged.cells());
            assertThat(outbox.append(StationDatabaseDamageTest.events(1)).get(0).sequence()).isEqualTo(3001);
            SqliteOrderCache cache = new SqliteOrderCache(repaired, clock);
            assertThat(cache.item("MUG-1")).isEmpty();
            assertThat(cache.feedCursor()).as("the feed starts over, so the link fetches the whole catalog").isEmpty();
            assertThat(report.damagedFile()).exists();
        }
    }

    @Test
    void keepsTheSequenceAfterTheHighestUsedEvenWhenTheNewestEventsWereConfirmedAndPurged() {
        Path data = dir.resolve("data");
        try (StationDatabase db = StationDatabase.openIn(data)) {
            Outbox outbox = new Outbox(db, clock);
            List<OutboxEntry> appended = outbox.append(StationDatabaseDamageTest.events(10));
            outbox.confirm(appended.stream().map(OutboxEntry::id).toList());
            clock.advance(java.time.Duration.ofDays(30));
            outbox.purgeConfirmed(java.time.Duration.ofDays(7));
        }

        StationRepair.Report report = new StationRepair(clock).repair(data);

        try (StationDatabase repaired = StationDatabase.openIn(data)) {
            assertThat(report.nextSequence()).isEqualTo(11);
            assertThat(new Outbox(repaired, clock).append(StationDatabaseDamageTest.events(1)).get(0).sequence()).isEqualTo(11);
        }
    }

    @Test
    void startsEmptyWhenTheDamagedFileDoesNotOpenAtAll() throws Exception {
        Path data = dir.resolve("data");
        StationDatabase.openIn(data).close();
        DamagedFiles.overwrite(data.resolve(StationDatabase.FILE_NAME), 1);

        StationRepair.Report report = new StationRepair(clock).repair(data);

        try (StationDatabase repaired = StationDatabase.openIn(data);
                Stream<Path> files = Files.list(data)) {
            assertThat(new Outbox(repaired, clock).depth()).isZero();
            assertThat(report.unsentKept()).isZero();
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("station.db.damaged-"));
        }
    }
}
