package io.packcheck.station.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packcheck.station.scale.ScaleProtocol;
import io.packcheck.station.scanner.SerialSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ScaleProfilesTest {

    private static final String GOOD_SCALE = """
            {"id": "s", "model": "S", "protocol": "nci",
             "serial": {"baud": 9600, "dataBits": 7, "parity": "even", "stopBits": 1, "flowControl": "none"}}""";

    @TempDir
    Path dir;

    static Stream<String> scaleNames() {
        return HardwareProfiles.scaleNames().stream();
    }

    @ParameterizedTest
    @MethodSource("scaleNames")
    void loadsEveryShippedScaleProfileAndItsFirmwareNotes(String name) throws IOException {
        ScaleProfile profile = HardwareProfiles.scale(name);

        assertThat(profile.id()).isEqualTo(name);
        String notes = new io.vertx.core.json.JsonObject(Files.readString(
                Path.of("..", "hardware-profiles", "scales", name + ".json"))).getString("notes");
        Path file = Path.of("..").resolve(notes.substring(0, notes.indexOf(".md") + 3));
        assertThat(file).exists();
        assertThat(Files.readString(file)).contains(profile.serial().baud() + " baud")
                .contains(profile.protocol().key());
        assertThat(Files.readString(Path.of("..", "firmware-notes", "README.md"))).contains("`" + name + "`");
    }

    @Test
    void theIndexListsExactlyTheScaleProfileFilesInTheRepository() throws IOException {
        try (Stream<Path> scales = Files.list(Path.of("..", "hardware-profiles", "scales"))) {
            assertThat(scales.map(p -> p.getFileName().toString().replace(".json", "")))
                    .containsExactlyInAnyOrderElementsOf(HardwareProfiles.scaleNames());
        }
    }

    @Test
    void shipsTheMtSicsProfileTheStationDefaultsToAndOneForEveryProtocol() {
        ScaleProfile sics = HardwareProfiles.scale("mt-sics");

        assertThat(sics.protocol()).isEqualTo(ScaleProtocol.MT_SICS);
        assertThat(sics.serial().baud()).isEqualTo(9600);
        assertThat(HardwareProfiles.scaleNames().stream().map(HardwareProfiles::scale).map(ScaleProfile::protocol))
                .containsAll(java.util.List.of(ScaleProtocol.values()));
        assertThat(HardwareProfiles.scale("mettler-toledo-ics425-continuous").checksum()).isTrue();
    }

    @Test
    void loadsASiteScaleProfileFromAPath() throws IOException {
        Path file = write("site-scale.json", GOOD_SCALE);

        ScaleProfile profile = HardwareProfiles.scale(file.toString());

        assertThat(profile).isEqualTo(new ScaleProfile("s", "S", ScaleProtocol.NCI,
                new SerialSettings(9600, 7, SerialSettings.Parity.EVEN, 1, SerialSettings.FlowControl.NONE), false));
    }

    @Test
    void refusesAnUnknownScaleProfileNameListingTheKnownOnes() {
        assertThatThrownBy(() -> HardwareProfiles.scale("acme-9000"))
                .isInstanceOf(ProfileException.class)
                .hasMessageStartingWith("acme-9000: (name): unknown scale profile; known: mt-sics");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"protocol\": \"nci\"|\"protocol\": \"sartorius\"|protocol: must be one of [mt-sics, toledo-continuous, nci], was 'sartorius'",
        "\"baud\": 9600|\"baud\": 9601|serial: baud must be one of",
        "\"model\": \"S\",|\"model\": \"S\", \"checksum\": true,|checksum: only applies to protocol toledo-continuous, and this profile's protocol is nci",
        "\"model\": \"S\",|\"model\": \"S\", \"terminator\": \"cr\",|terminator: unknown field",
        "\"protocol\": \"nci\",|\"protocol\": \"toledo-continuous\", \"checksum\": \"yes\",|checksum: must be true or false, was yes",
    })
    void namesTheFileAndTheFieldOfABadScaleProfile(String good, String bad, String message) throws IOException {
        Path file = write("bad-scale.json", GOOD_SCALE.replace(good, bad));

        assertThatThrownBy(() -> HardwareProfiles.scale(file.toString()))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining(file + ": " + message);
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}
