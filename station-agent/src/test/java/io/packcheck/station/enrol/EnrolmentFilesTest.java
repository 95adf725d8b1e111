package io.packcheck.station.enrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packcheck.station.config.Secret;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrolmentFilesTest {

    @TempDir
    Path data;

    @Test
    void keepsTheEnrolmentWithTheTokenInItsOwnOwnerOnlyFile() throws IOException {
        var files = new EnrolmentFiles(data);

        files.save(new EnrolmentFiles.Stored(URI.create("https://hub.example:8443"), "pack-07", new Secret("pcs_abc")),
                Instant.parse("2026-11-22T10:00:00Z"));

        var loaded = files.load().orElseThrow();
        assertThat(loaded.hub()).hasToString("https://hub.example:8443");
        assertThat(loaded.stationId()).isEqualTo("pack-07");
        assertThat(loaded.token().value()).isEqualTo("pcs_abc");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(EnrolmentFiles.TOKEN_FILE))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(data.resolve(EnrolmentFiles.ENROLMENT_FILE))).doesNotContain("pcs_abc");
        assertThat(Files.list(data)).noneMatch(p -> p.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void closesATokenFileLeftReadableByOthersAndTheDataDirectory() throws IOException {
        var files = new EnrolmentFiles(data);
        files.save(new EnrolmentFiles.Stored(URI.create("https://hub.example:8443"), "pack-07", new Secret("pcs_abc")),
                Instant.parse("2026-11-22T10:00:00Z"));
        Files.setPosixFilePermissions(data.resolve(EnrolmentFiles.TOKEN_FILE), PosixFilePermissions.fromString("rw-r--r--"));

        files.load();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(EnrolmentFiles.TOKEN_FILE))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
    }

    @Test
    void aStationThatNeverEnrolledHasNoEnrolment() throws IOException {
        assertThat(new EnrolmentFiles(data).load()).isEmpty();
    }

    @Test
    void aDamagedEnrolmentFileIsReportedByName() throws IOException {
        Files.writeString(data.resolve(EnrolmentFiles.ENROLMENT_FILE), "{not json");

        assertThatThrownBy(() -> new EnrolmentFiles(data).load())
                .isInstanceOf(IOException.class).hasMessageContaining(EnrolmentFiles.ENROLMENT_FILE);
    }

    @Test
    void aMissingTokenFileIsReportedByName() throws IOException {
        Files.writeString(data.resolve(EnrolmentFiles.ENROLMENT_FILE), "{\"hub\":\"http://hub\",\"stationId\":\"p-1\"}");

        assertThatThrownBy(() -> new EnrolmentFiles(data).load())
                .isInstanceOf(IOException.class).hasMessageContaining(EnrolmentFiles.TOKEN_FILE);
    }
}
