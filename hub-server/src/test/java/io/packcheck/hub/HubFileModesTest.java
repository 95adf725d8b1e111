package io.packcheck.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.hub.storage.Storage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubFileModesTest {

    @TempDir
    Path dir;

    @Test
    void keepsTheDataDirectoryAndTheDatabaseFilesUnreadableByOthers() throws Exception {
        Path data = dir.resolve("data");

        try (Storage storage = Storage.sqlite(data, Clock.systemUTC())) {
            storage.credentials().create(new io.packcheck.hub.auth.Principal(io.packcheck.hub.auth.CredentialKind.APIKEY,
                    "ops", java.util.Optional.empty()), "hash");

            assertThat(mode(data)).isEqualTo("rwx------");
            assertThat(mode(data.resolve("hub.db"))).isEqualTo("rw-------");
            assertThat(mode(data.resolve("hub.db-wal"))).isEqualTo("rw-------");
        }
    }

    @Test
    void tightensADataDirectoryAndDatabaseLeftOpenByAnOlderVersion() throws Exception {
        Path data = dir.resolve("data");
        Storage.sqlite(data, Clock.systemUTC()).close();
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(data.resolve("hub.db"), PosixFilePermissions.fromString("rw-r--r--"));

        Storage.sqlite(data, Clock.systemUTC()).close();

        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(mode(data.resolve("hub.db"))).isEqualTo("rw-------");
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
