package io.packcheck.station.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StationDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void migratesAFreshFileToTheWholeSchema() {
        try (StationDatabase db = StationDatabase.openIn(dir.resolve("data"))) {

            List<String> tables = db.read(d -> {
                List<String> names = new ArrayList<>();
                try (ResultSet rs = d.statement("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
                        .executeQuery()) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
                return names;
            });

            assertThat(tables).contains("items", "barcodes", "orders", "order_lines", "order_aliases", "badges",
                    "sync_cursors", "outbox", "pack_session", "flyway_schema_history");
            assertThat(Files.exists(dir.resolve("data").resolve(StationDatabase.FILE_NAME))).isTrue();
        }
    }

    @Test
    void writesWithWalAndFullSynchronousSoACommitSurvivesAPowerCut() {
        try (StationDatabase db = StationDatabase.open(dir.resolve("s.db"))) {

            String journal = db.read(d -> pragma(d, "journal_mode"));
            String synchronous = db.read(d -> pragma(d, "synchronous"));
            String busyTimeout = db.read(d -> pragma(d, "busy_timeout"));
            String foreignKeys = db.read(d -> pragma(d, "foreign_keys"));

            assertThat(journal).isEqualTo("wal");
            assertThat(synchronous).isEqualTo("2");
            assertThat(busyTimeout).isEqualTo("5000");
            assertThat(foreignKeys).isEqualTo("1");
        }
    }

    @Test
    void noticesCommitsOfAnotherConnectionButNotItsOwn() {
        Path file = dir.resolve("s.db");
        try (StationDatabase station = StationDatabase.open(file);
                StationDatabase importer = StationDatabase.open(file)) {
            // two clocks apart: the other connection's write must change the row even within one millisecond
            SqliteOrderCache own = new SqliteOrderCache(station, java.time.Clock.fixed(java.time.Instant.parse("2026-12-01T10:00:00Z"),
                    java.time.ZoneOffset.UTC));
            SqliteOrderCache other = new SqliteOrderCache(importer, java.time.Clock.fixed(java.time.Instant.parse("2026-12-01T10:00:01Z"),
                    java.time.ZoneOffset.UTC));
            boolean first = station.changedByOthers();

            own.markSynced();
            boolean afterOwnWrite = station.changedByOthers();
            other.markSynced();
            boolean afterOtherWrite = station.changedByOthers();
            boolean askedAgain = station.changedByOthers();

            assertThat(first).as("the first call only takes note").isFalse();
            assertThat(afterOwnWrite).isFalse();
            assertThat(afterOtherWrite).isTrue();
            assertThat(askedAgain).isFalse();
        }
    }

    @Test
    void reopeningAMigratedFileKeepsItsSchemaVersion() {
        Path file = dir.resolve("s.db");
        int migrated;
        try (StationDatabase first = StationDatabase.open(file)) {
            migrated = first.read(StationDatabaseTest::appliedMigrations);
        }

        try (StationDatabase db = StationDatabase.open(file)) {

            int migrations = db.read(StationDatabaseTest::appliedMigrations);

            assertThat(migrated).isGreaterThanOrEqualTo(3);
            assertThat(migrations).isEqualTo(migrated);
        }
    }

    private static int appliedMigrations(StationDatabase d) throws java.sql.SQLException {
        try (ResultSet rs = d.statement("SELECT count(*) FROM flyway_schema_history WHERE success = 1").executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void refusesAFileThatIsNotADatabaseNamingIt() throws Exception {
        Path file = dir.resolve("not-a.db");
        Files.writeString(file, "this is a text file, not SQLite, and long enough to have a header".repeat(10));

        assertThatThrownBy(() -> StationDatabase.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString());
    }

    private static String pragma(StationDatabase d, String name) throws java.sql.SQLException {
        try (ResultSet rs = d.statement("PRAGMA " + name).executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
