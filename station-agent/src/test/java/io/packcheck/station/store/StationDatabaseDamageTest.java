package io.packcheck.station.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.packcheck.core.verify.PackEvent;
import io.packcheck.core.verify.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StationDatabaseDamageTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T08:00:00Z"));

    @Test
    void refusesToOpenAFileWithADamagedPageNamingTheFileAndTheRepairCommand() throws Exception {
        Path data = dir.resolve("data");
        fill(data, 2000);
        Path file = data.resolve(StationDatabase.FILE_NAME);
        List<DamagedFiles.Page> leaves = leaves(file);
        DamagedFiles.overwrite(file, leaves.get(leaves.size() / 2).number());

        assertThatThrownBy(() -> StationDatabase.openIn(data))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.fault()).isEqualTo(StoreException.Fault.DAMAGED);
                    assertThat(e.getMessage()).contains(file.toAbsolutePath().toString())
                            .contains("is damaged")
                            .contains("station-agent repair --data " + data.toAbsolutePath());
                });
    }

    @Test
    void findsDamageWhileRunningAndTellsTheListenerOnce() throws Exception {
        Path data = dir.resolve("data");
        fill(data, 2000);
        Path file = data.resolve(StationDatabase.FILE_NAME);
        List<DamagedFiles.Page> leaves = leaves(file);
        try (StationDatabase db = StationDatabase.openIn(data)) {
            List<StoreException> told = new CopyOnWriteArrayList<>();
            db.onDamage(told::add);
            for (DamagedFiles.Page page : leaves) {
                DamagedFiles.overwrite(file, page.number());
            }
            // another process commits: the station's connection drops the pages it had cached and reads the disk again
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                    Statement s = other.createStatement()) {
                s.executeUpdate("INSERT INTO sync_cursors (name, value, updated_at) VALUES ('x', 'y', 0)");
            }
            Outbox outbox = new Outbox(db, clock);

            assertThatThrownBy(() -> outbox.oldestUnconfirmed(5000))
                    .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.fault()).isEqualTo(StoreException.Fault.DAMAGED));
            assertThatThrownBy(() -> outbox.oldestUnconfirmed(5000)).isInstanceOf(StoreException.class);
            await().atMost(Duration.ofSeconds(5)).until(() -> told.size() == 1);
            assertThat(told.get(0).getMessage()).contains("station-agent repair --data");
        }
    }

    @Test
    void reportsAFullDiskAsAFullDiskNotAsDamage() {
        try (StationDatabase db = StationDatabase.openIn(dir.resolve("data"))) {
            List<StoreException> told = new CopyOnWriteArrayList<>();
            db.onDamage(told::add);
            // SQLite's own ceiling on the file's size: past it, a write fails with SQLITE_FULL as on a full disk
            db.read(d -> {
                d.statement("PRAGMA max_page_count = " + pageCount(d)).executeQuery().close();
                return null;
            });
            Outbox outbox = new Outbox(db, clock);

            assertThatThrownBy(() -> {
                for (int i = 0; i < 200; i++) {
                    outbox.append(events(50));
                }
            }).isInstanceOfSatisfying(StoreException.class, e -> {
                assertThat(e.fault()).isEqualTo(StoreException.Fault.DISK_FULL);
                assertThat(e.getMessage()).contains("is full").doesNotContain("damaged");
                assertThat(e.packerNotice()).contains("disk is full");
            });
            assertThat(told).isEmpty();
        }
    }

    @Test
    void keepsTheDataDirectoryAndTheDatabaseFilesUnreadableByOthers() throws Exception {
        Path data = dir.resolve("data");
        try (StationDatabase db = StationDatabase.openIn(data)) {
            new Outbox(db, clock).append(events(1));

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("station.db"))))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("station.db-wal"))))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void tightensADataDirectoryAndFileLeftOpenByAnOlderVersion() throws Exception {
        Path data = dir.resolve("data");
        StationDatabase.openIn(data).close();
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(data.resolve("station.db"), PosixFilePermissions.fromString("rw-r--r--"));

        StationDatabase.openIn(data).close();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("station.db"))))
                .isEqualTo("rw-------");
    }

    private static long pageCount(StationDatabase d) throws java.sql.SQLException {
        try (var rs = d.statement("PRAGMA page_count").executeQuery()) {
            rs.next();
            return rs.getLong(1) + 2;
        }
    }

    static List<DamagedFiles.Page> leaves(Path file) throws Exception {
        return DamagedFiles.pagesOf(file, "outbox").stream().filter(p -> p.type().equals("leaf")).toList();
    }

    void fill(Path data, int count) {
        try (StationDatabase db = StationDatabase.openIn(data)) {
            new Outbox(db, clock).append(events(count));
        }
    }

    static List<PackEvent> events(int count) {
        List<PackEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(Events.scan("400638133393" + (i % 10), Verdict.MATCH, "MUG-" + i));
        }
        return events;
    }
}
