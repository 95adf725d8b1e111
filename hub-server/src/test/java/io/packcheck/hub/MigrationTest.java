package io.packcheck.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import io.packcheck.hub.storage.SqliteDatabase;
import io.packcheck.hub.storage.Storage;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationTest {

    @TempDir
    Path dataDir;

    @Test
    void migratesAFreshFileInWalMode() throws Exception {
        try (Storage storage = Storage.sqlite(dataDir, Clock.systemUTC())) {
            assertThat(storage.database().isHealthy()).isTrue();
        }

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("hub.db"))) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
            }
            assertThat(tables).contains("credential", "item", "badge", "pack_order", "order_alias", "station_event",
                    "station_state", "sequence_gap", "dashboard_session", "flyway_schema_history");
        }
    }

    @Test
    void syncsEveryCommitSoAnEventConfirmedToAStationSurvivesAPowerCut() {
        try (Storage storage = Storage.sqlite(dataDir, Clock.systemUTC())) {
            SqliteDatabase db = (SqliteDatabase) storage.database();

            long synchronous = db.transaction(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("PRAGMA synchronous")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });

            assertThat(synchronous).as("PRAGMA synchronous (2 = FULL)").isEqualTo(2);
        }
    }

    @Test
    void opensAnAlreadyMigratedFileAgain() {
        Storage.sqlite(dataDir, Clock.systemUTC()).close();

        try (Storage again = Storage.sqlite(dataDir, Clock.systemUTC())) {
            assertThat(again.database().isHealthy()).isTrue();
        }
    }
}
