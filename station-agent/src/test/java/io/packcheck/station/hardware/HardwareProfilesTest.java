package io.packcheck.station.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packcheck.station.lights.Output;
import io.packcheck.station.lights.OutputPin;
import io.packcheck.station.lights.Pattern;
import io.packcheck.station.lights.Signal;
import io.packcheck.station.scanner.Framing;
import io.packcheck.station.scanner.SerialSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class HardwareProfilesTest {

    private static final String GOOD_SCANNER = """
            {"id": "x", "model": "X", "connection": "rs232",
             "serial": {"baud": 9600, "dataBits": 8, "parity": "none", "stopBits": 1, "flowControl": "none"},
             "framing": {"terminator": "cr"}, "aimIds": true}""";

    private static final String GOOD_LIGHTS = """
            {"id": "y", "board": "Y", "outputs": {"green": {"bcm": 17, "activeLow": true}}}""";

    @TempDir
    Path dir;

    static Stream<String> scannerNames() {
        return HardwareProfiles.scannerNames().stream();
    }

    static Stream<String> lightNames() {
        return HardwareProfiles.lightNames().stream();
    }

    @ParameterizedTest
    @MethodSource("scannerNames")
    void loadsEveryShippedScannerProfile(String name) {
        ScannerProfile profile = HardwareProfiles.scanner(name);

        assertThat(profile.id()).isEqualTo(name);
    }

    @ParameterizedTest
    @MethodSource("lightNames")
    void loadsEveryShippedLightProfile(String name) {
        LightProfile profile = HardwareProfiles.lights(name);

        assertThat(profile.id()).isEqualTo(name);
    }

    @Test
    void theIndexListsExactlyTheProfileFilesInTheRepository() throws IOException {
        Path root = Path.of("..", "hardware-profiles");

        try (Stream<Path> scanners = Files.list(root.resolve("scanners")); Stream<Path> lights = Files.list(root.resolve("lights"))) {
            assertThat(scanners.map(p -> p.getFileName().toString().replace(".json", "")))
                    .containsExactlyInAnyOrderElementsOf(HardwareProfiles.scannerNames());
            assertThat(lights.map(p -> p.getFileName().toString().replace(".json", "")))
                    .containsExactlyInAnyOrderElementsOf(HardwareProfiles.lightNames());
        }
    }

    @Test
    void shipsAProfileForEveryScannerAndLightBoardTheStationSupports() {
        assertThat(HardwareProfiles.scannerNames()).containsExactlyInAnyOrder("zebra-ds2208-usb-cdc", "zebra-ls2208-rs232",
                "honeywell-voyager-1450g-usb-serial", "honeywell-xenon-1950g-usb-serial", "datalogic-qd2430-usb-com",
                "datalogic-gryphon-gd4500-usb-com", "generic-usb-cdc");
        assertThat(HardwareProfiles.lightNames()).containsExactlyInAnyOrder("sainsmart-4ch-relay-tower", "uln2803a-led-stack",
                "sonalert-sc628-buzzer");

        assertThat(HardwareProfiles.scanner("zebra-ds2208-usb-cdc").connection()).isEqualTo(ScannerProfile.Connection.USB_CDC);
        assertThat(HardwareProfiles.scanner("honeywell-voyager-1450g-usb-serial").serial().baud()).isEqualTo(115200);
        assertThat(HardwareProfiles.lights("sainsmart-4ch-relay-tower").outputs().values()).extracting(OutputPin::activeLow)
                .containsOnly(true);
        assertThat(HardwareProfiles.lights("uln2803a-led-stack").outputs().values()).extracting(OutputPin::activeLow)
                .containsOnly(false);
        assertThat(HardwareProfiles.lights("sonalert-sc628-buzzer").outputs()).containsOnlyKeys(Output.BUZZER);
    }

    @Test
    void readsTheGryphonAsAUsbComScannerWithAimIdsACrSuffixAndNoHostCommand() {
        ScannerProfile gryphon = HardwareProfiles.scanner("datalogic-gryphon-gd4500-usb-com");

        assertThat(gryphon.model()).contains("Gryphon", "GD4520");
        assertThat(gryphon.connection()).isEqualTo(ScannerProfile.Connection.USB_CDC);
        assertThat(gryphon.serial()).isEqualTo(SerialSettings.default9600());
        assertThat(gryphon.framing().terminator()).isEqualTo(Framing.Terminator.CR);
        assertThat(gryphon.aimIds()).isTrue();
        assertThat(gryphon.badScan()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "relay-tower-3-colour|sainsmart-4ch-relay-tower",
        "transistor-led-stack|uln2803a-led-stack",
        "buzzer-only|sonalert-sc628-buzzer",
    })
    void aLightProfileNameAConfigurationUsedBeforeTheRenameLoadsTheSameBoardUnderItsNewName(String formerName, String name) {
        LightProfile former = HardwareProfiles.lights(formerName);

        LightProfile current = HardwareProfiles.lights(name);
        assertThat(former.id()).isEqualTo(name);
        assertThat(former.outputs()).isEqualTo(current.outputs());
        assertThat(former.button()).isEqualTo(current.button());
        assertThat(former.patterns()).isEqualTo(current.patterns());
        assertThat(current.formerIds()).contains(formerName);
    }

    @Test
    void noFormerLightProfileNameIsACurrentNameOrClaimedByTwoProfiles() {
        List<String> formerNames = HardwareProfiles.lightNames().stream()
                .flatMap(name -> HardwareProfiles.lights(name).formerIds().stream()).toList();

        assertThat(formerNames).doesNotHaveDuplicates().doesNotContainAnyElementsOf(HardwareProfiles.lightNames())
                .doesNotContainAnyElementsOf(HardwareProfiles.scannerNames());
    }

    @Test
    void aNameNoProfileEverHadIsStillRefusedListingTheCurrentNames() {
        assertThatThrownBy(() -> HardwareProfiles.lights("relay-tower-4-colour"))
                .isInstanceOf(ProfileException.class)
                .hasMessageStartingWith("relay-tower-4-colour: (name): unknown light profile; known: sainsmart-4ch-relay-tower");
    }

    @ParameterizedTest
    @MethodSource("scannerNames")
    void firmwareNotesOfEveryScannerCoverEachSetupTopicAndAgreeWithItsProfile(String name) throws IOException {
        ScannerProfile profile = HardwareProfiles.scanner(name);

        String notes = firmwareNotes("scanners", name);

        assertThat(notes).contains("`" + name + "`")
                .contains("**Interface**", "**Baud**", "**Suffix**", "**AIM id**", "**Symbologies**", "Full ASCII",
                        "udev", "`dialout`", "**Host command**", "`parse`")
                .contains(String.valueOf(profile.serial().baud()));
        switch (profile.framing().terminator()) {
            case CR -> assertThat(notes).contains("CR");
            case LF -> assertThat(notes).contains("LF");
            case CRLF -> assertThat(notes).contains("CR", "LF");
            case NONE -> assertThat(notes).contains("gapMs");
        }
        profile.badScan().ifPresentOrElse(
                command -> assertThat(notes).contains("`badScanHex` = `" + java.util.HexFormat.of().withUpperCase().formatHex(command) + "`"),
                () -> assertThat(notes).contains("**Host command**: none"));
    }

    @ParameterizedTest
    @MethodSource("lightNames")
    void firmwareNotesOfEveryLightBoardGiveItsWiringPowerPiAndPermissions(String name) throws IOException {
        LightProfile profile = HardwareProfiles.lights(name);

        String notes = firmwareNotes("lights", name);

        assertThat(notes).contains("`" + name + "`").containsIgnoringCase("never").contains("Pi 5", "`gpio`");
        java.util.List<String> lines = notes.lines().toList();
        profile.outputs().forEach((output, pin) -> {
            assertThat(lines).as("a wiring line with %s on BCM %d", output.key(), pin.bcm())
                    .anyMatch(l -> l.contains(output.key()) && l.matches(".*\\b" + pin.bcm() + "\\b.*"));
            assertThat(notes).contains(pin.activeLow() ? "active low" : "active high");
        });
        profile.button().ifPresent(b -> assertThat(lines).as("a wiring line with the button on BCM %d", b.bcm())
                .anyMatch(l -> l.contains("button") && l.matches(".*\\b" + b.bcm() + "\\b.*")));
        String activeLowPins = profile.outputs().values().stream().filter(OutputPin::activeLow).map(OutputPin::bcm)
                .sorted().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        if (!activeLowPins.isEmpty()) {
            // an active-low board lights up at boot unless the firmware drives exactly its pins high
            assertThat(notes).contains("gpio=" + activeLowPins + "=op,dh");
        }
    }

    /** The firmware-notes file a shipped profile names in its {@code notes} field. */
    private static String firmwareNotes(String folder, String name) throws IOException {
        Path repository = Path.of("..");
        String notes = new io.vertx.core.json.JsonObject(
                Files.readString(repository.resolve("hardware-profiles").resolve(folder).resolve(name + ".json"))).getString("notes");
        String file = notes.substring(0, notes.indexOf(".md") + 3);
        assertThat(file).startsWith("firmware-notes/");
        return Files.readString(repository.resolve(file));
    }

    @Test
    void readsTheRs232ZebraWithItsBellCommand() {
        ScannerProfile ls2208 = HardwareProfiles.scanner("zebra-ls2208-rs232");

        assertThat(ls2208.connection()).isEqualTo(ScannerProfile.Connection.RS232);
        assertThat(ls2208.serial()).isEqualTo(SerialSettings.default9600());
        assertThat(ls2208.framing().terminator()).isEqualTo(Framing.Terminator.CR);
        assertThat(ls2208.badScan()).hasValueSatisfying(b -> assertThat(b).containsExactly(0x07));
    }

    @Test
    void readsTheRelayTowerAsActiveLowWithDesignDefaults() {
        LightProfile tower = HardwareProfiles.lights("sainsmart-4ch-relay-tower");

        assertThat(tower.outputs()).containsEntry(Output.RED, new OutputPin(22, true));
        assertThat(tower.button()).hasValueSatisfying(b -> assertThat(b.settle()).isEqualTo(Duration.ofMillis(30)));
        assertThat(tower.patterns().signals().get(Signal.MISMATCH).red()).isEqualTo(Pattern.ON);
    }

    @Test
    void appliesAProfileOverrideAndKeepsTheOtherDefaults() {
        LightProfile stack = HardwareProfiles.lights("uln2803a-led-stack");

        assertThat(stack.patterns().signals().get(Signal.ACCEPTED).green()).isEqualTo(new Pattern.Pulse(Duration.ofMillis(300)));
        assertThat(stack.patterns().signals().get(Signal.ORDER_COMPLETE).green()).isEqualTo(Pattern.ON);
    }

    @Test
    void loadsASiteProfileFromAPath() throws IOException {
        Path file = write("site.json", GOOD_SCANNER);

        ScannerProfile profile = HardwareProfiles.scanner(file.toString());

        assertThat(profile.model()).isEqualTo("X");
    }

    @Test
    void refusesAnUnknownProfileNameListingTheKnownOnes() {
        assertThatThrownBy(() -> HardwareProfiles.scanner("zebra-ds9999"))
                .isInstanceOf(ProfileException.class)
                .hasMessageStartingWith("zebra-ds9999: (name): unknown scanner profile; known: zebra-ds2208-usb-cdc");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"baud\": 9600|\"baud\": 9601|serial: baud must be one of",
        "\"terminator\": \"cr\"|\"terminator\": \"etx\"|framing.terminator: must be one of [cr, lf, crlf, none], was 'etx'",
        "\"terminator\": \"cr\"|\"terminatr\": \"cr\"|framing.terminatr: unknown field",
        "\"aimIds\": true|\"aimIds\": \"yes\"|aimIds: must be true or false, was yes",
        "\"parity\": \"none\"|\"parity\": 0|serial.parity: must be a non-empty string, was 0",
        "\"model\": \"X\",|\"\": 1,|: unknown field",
        "\"aimIds\": true}|\"aimIds\": true, \"hostCommands\": {\"badScanHex\": \"0G\"}}|hostCommands.badScanHex: must be hex bytes",
        "\"terminator\": \"cr\"|\"terminator\": \"none\", \"gapMs\": 0|framing: framing without a terminator needs a positive inter-character gap",
    })
    void namesTheFileAndTheFieldOfABadScannerProfile(String good, String bad, String message) throws IOException {
        Path file = write("bad-scanner.json", GOOD_SCANNER.replace(good, bad));

        assertThatThrownBy(() -> HardwareProfiles.scanner(file.toString()))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining(file + ": " + message);
    }

    @Test
    void refusesAScannerProfileWithoutASerialSection() throws IOException {
        Path file = write("no-serial.json", GOOD_SCANNER.replaceAll("\"serial\": \\{[^}]*},", ""));

        assertThatThrownBy(() -> HardwareProfiles.scanner(file.toString()))
                .hasMessage(file + ": serial: is required");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"bcm\": 17|\"bcm\": 40|outputs.green: bcm must be a header GPIO between 2 and 27, was 40",
        "\"outputs\": {|\"outputs\": {\"red\": {\"bcm\": 17, \"activeLow\": false}, |outputs.red.bcm: BCM 17 is already used by green",
        "\"green\": {|\"purple\": {|outputs.purple: unknown field",
        "}}}|}}, \"signals\": {\"accepted\": {\"green\": \"blink 500\"}}}|signals.accepted.green: expected ON/OFF milliseconds like 500/500, got '500'",
        "}}}|}}, \"signals\": {\"acepted\": {}}}|signals.acepted: unknown field",
        "}}}|}}, \"button\": {\"bcm\": 17, \"activeLow\": true}}|button.bcm: BCM 17 is already used by green",
        "\"id\": \"y\",|\"id\": \"y\"|(json): not valid JSON",
        "\"id\": \"y\",|\"id\": \"y\", \"formerIds\": \"x\",|formerIds: must be a list of names, was x",
        "\"id\": \"y\",|\"id\": \"y\", \"formerIds\": [\"x\", \"\"],|formerIds: must be a list of non-empty names, found ",
    })
    void namesTheFileAndTheFieldOfABadLightProfile(String good, String bad, String message) throws IOException {
        Path file = write("bad-lights.json", GOOD_LIGHTS.replace(good, bad));

        assertThatThrownBy(() -> HardwareProfiles.lights(file.toString()))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining(file + ": " + message);
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}
