package io.packcheck.station.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigResolverTest {

    @TempDir
    Path dir;

    @Test
    void runsOnDefaultsWithNoFileNoEnvironmentAndNoFlags() {
        EffectiveConfig effective = resolver(Map.of()).resolve(Optional.empty(), Map.of());

        StationConfig c = effective.config();
        assertThat(c.scannerPort()).isEmpty();
        assertThat(c.lights()).isEqualTo(StationConfig.LightsMode.CONSOLE);
        assertThat(c.hub()).isEmpty();
        assertThat(c.token()).isEmpty();
        assertThat(c.dataDir()).isEqualTo(Path.of("data"));
        assertThat(c.screenPort()).isZero();
        assertThat(c.screenBind()).isEqualTo("127.0.0.1");
        assertThat(c.screenHosts()).isEmpty();
        assertThat(c.screenSecret()).isEmpty();
        assertThat(c.timeZone()).isEqualTo(ZoneId.systemDefault());
        assertThat(c.packerLoginRequired()).isFalse();
        assertThat(c.outboxRetention()).isEqualTo(Duration.ofDays(7));
        assertThat(c.stationId()).matches("[A-Za-z0-9][A-Za-z0-9._-]*");
        assertThat(effective.file()).isEmpty();
        assertThat(effective.sources().values()).allMatch(s -> s.kind() == Source.Kind.DEFAULT);
    }

    @Test
    void aFlagBeatsTheEnvironmentWhichBeatsTheFileWhichBeatsTheDefault() throws Exception {
        Path file = config("{\"stationId\":\"from-file\",\"screenPort\":8080,\"lights\":\"gpio\",\"timeZone\":\"Europe/Berlin\"}");
        Map<String, String> env = Map.of("PACKCHECK_STATION_ID", "from-env", "PACKCHECK_SCREEN_PORT", "9090");

        EffectiveConfig effective = resolver(env).resolve(Optional.of(file.toString()),
                Map.of(Setting.STATION_ID, "from-flag"));

        assertThat(effective.config().stationId()).isEqualTo("from-flag");
        assertThat(effective.source(Setting.STATION_ID).toString()).isEqualTo("flag --station-id");
        assertThat(effective.config().screenPort()).isEqualTo(9090);
        assertThat(effective.source(Setting.SCREEN_PORT).toString()).isEqualTo("env PACKCHECK_SCREEN_PORT");
        assertThat(effective.config().lights()).isEqualTo(StationConfig.LightsMode.GPIO);
        assertThat(effective.source(Setting.LIGHTS).toString()).isEqualTo("file " + file);
        assertThat(effective.config().timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(effective.source(Setting.DATA).kind()).isEqualTo(Source.Kind.DEFAULT);
    }

    @Test
    void readsTheConfigFileNamedByTheEnvironmentOrTheDefaultPath() throws Exception {
        Path named = config("{\"stationId\":\"named\"}");
        Path fallback = dir.resolve("station.json");
        Files.writeString(fallback, "{\"stationId\":\"fallback\"}");

        String viaEnv = new ConfigResolver(Map.of("PACKCHECK_CONFIG", named.toString()), fallback)
                .resolve(Optional.empty(), Map.of()).config().stationId();
        String viaDefault = new ConfigResolver(Map.of(), fallback)
                .resolve(Optional.empty(), Map.of()).config().stationId();

        assertThat(viaEnv).isEqualTo("named");
        assertThat(viaDefault).isEqualTo("fallback");
    }

    @Test
    void readsLightPinsAsAnObjectInTheFileAndAsTextInAFlag() throws Exception {
        Path file = config("{\"lightPins\":{\"green\":17,\"red\":22}}");

        Map<String, Integer> fromFile = resolver(Map.of()).resolve(Optional.of(file.toString()), Map.of())
                .config().lightPins();
        Map<String, Integer> fromFlag = resolver(Map.of()).resolve(Optional.empty(),
                Map.of(Setting.LIGHT_PINS, "amber=27, buzzer=23")).config().lightPins();

        assertThat(fromFile).containsExactlyInAnyOrderEntriesOf(Map.of("green", 17, "red", 22));
        assertThat(fromFlag).containsExactlyInAnyOrderEntriesOf(Map.of("amber", 27, "buzzer", 23));
    }

    @Test
    void takesTheTokenFromATokenFileAndNeverPrintsIt() throws Exception {
        Path tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, "s3cr3t-token-value\n");
        Path file = config("{\"hub\":\"https://hub.example:8443\",\"tokenFile\":\"" + tokenFile + "\"}");

        EffectiveConfig effective = resolver(Map.of()).resolve(Optional.of(file.toString()), Map.of());

        assertThat(effective.config().token()).map(Secret::value).contains("s3cr3t-token-value");
        assertThat(effective.config().hub()).contains(URI.create("https://hub.example:8443"));
        assertThat(effective.source(Setting.TOKEN).toString()).isEqualTo("token file " + tokenFile);
        assertThat(String.join("\n", effective.describe())).doesNotContain("s3cr3t").contains("********");
        assertThat(effective.config().toString()).doesNotContain("s3cr3t");
    }

    @Test
    void aTokenFromTheEnvironmentBeatsTheTokenFile() throws Exception {
        Path tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, "from-file");

        EffectiveConfig effective = resolver(Map.of("PACKCHECK_TOKEN", "from-env"))
                .resolve(Optional.empty(), Map.of(Setting.TOKEN_FILE, tokenFile.toString()));

        assertThat(effective.config().token()).map(Secret::value).contains("from-env");
        assertThat(effective.source(Setting.TOKEN).toString()).isEqualTo("env PACKCHECK_TOKEN");
    }

    @Test
    void aBadValueStopsWithTheSettingItsSourceAndTheProblem() {
        assertThatThrownBy(() -> resolver(Map.of("PACKCHECK_SCREEN_PORT", "70000")).resolve(Optional.empty(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("setting screenPort (env PACKCHECK_SCREEN_PORT): 70000 is out of range 0-65535")
                .extracting(e -> ((ConfigException) e).setting()).isEqualTo("screenPort");
        assertThatThrownBy(() -> flag(Setting.LIGHTS, "neon"))
                .hasMessage("setting lights (flag --lights): 'neon' is not a lights mode; expected console or gpio");
        assertThatThrownBy(() -> flag(Setting.HUB, "ftp://hub"))
                .hasMessageStartingWith("setting hub (flag --hub): 'ftp://hub' must be an http or https URL");
        assertThatThrownBy(() -> flag(Setting.LIGHT_PINS, "green=17,red=17"))
                .hasMessage("setting lightPins (flag --light-pins): pin 17 is given to two outputs");
        assertThatThrownBy(() -> flag(Setting.LIGHT_PINS, "blue=5"))
                .hasMessageContaining("'blue=5' must be OUTPUT=PIN");
        assertThatThrownBy(() -> flag(Setting.TIME_ZONE, "Mars/Olympus"))
                .hasMessageStartingWith("setting timeZone (flag --time-zone): 'Mars/Olympus' is not a time zone");
        assertThatThrownBy(() -> flag(Setting.STATION_ID, "pack station 7"))
                .hasMessageStartingWith("setting stationId (flag --station-id): 'pack station 7' must be");
        assertThatThrownBy(() -> flag(Setting.PACKER_LOGIN_REQUIRED, "maybe"))
                .hasMessage("setting packerLoginRequired (flag --packer-login-required): 'maybe' must be true or false");
    }

    @Test
    void typedItemDataIsOffUnlessTheSiteAllowsIt() throws Exception {
        Path file = config("{\"typedItemData\": \"true\"}");

        boolean byDefault = resolver(Map.of()).resolve(Optional.empty(), Map.of()).config().typedItemData();
        boolean inTheFile = resolver(Map.of()).resolve(Optional.of(file.toString()), Map.of()).config().typedItemData();
        boolean byFlag = flag(Setting.TYPED_ITEM_DATA, "true").config().typedItemData();

        assertThat(byDefault).isFalse();
        assertThat(inTheFile).isTrue();
        assertThat(byFlag).isTrue();
        assertThatThrownBy(() -> flag(Setting.TYPED_ITEM_DATA, "sometimes"))
                .hasMessage("setting typedItemData (flag --typed-item-data): 'sometimes' must be true or false");
    }

    @Test
    void takesAProfileByNameOrAsThePathOfASiteProfileFile() {
        StationConfig c = resolver(Map.of()).resolve(Optional.empty(), Map.of(
                Setting.SCANNER_PROFILE, "/etc/packcheck/our-scanner.json",
                Setting.LIGHT_PROFILE, "sainsmart-4ch-relay-tower")).config();

        assertThat(c.scannerProfile()).isEqualTo("/etc/packcheck/our-scanner.json");
        assertThat(c.lightProfile()).isEqualTo("sainsmart-4ch-relay-tower");
        assertThatThrownBy(() -> resolver(Map.of()).resolve(Optional.empty(), Map.of(Setting.LIGHT_PROFILE, "Relay Tower")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'Relay Tower' is not a profile name");
    }

    @Test
    void aHubWithoutATokenIsRefusedNamingTheToken() {
        assertThatThrownBy(() -> flag(Setting.HUB, "http://hub:8080"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("setting token: the hub http://hub:8080 needs this station's token");
    }

    @Test
    void aHubCaMustBeAReadableFileAndGoWithAnHttpsHub() throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        Map<Setting, String> https = Map.of(Setting.HUB, "https://hub:8443", Setting.TOKEN, "pcs_x", Setting.HUB_CA, ca.toString());

        EffectiveConfig effective = resolver(Map.of()).resolve(Optional.empty(), https);

        assertThat(effective.config().hubCa()).contains(ca);
        assertThatThrownBy(() -> resolver(Map.of()).resolve(Optional.empty(), Map.of(Setting.HUB, "http://hub:8080",
                Setting.TOKEN, "pcs_x", Setting.HUB_CA, ca.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("a CA file only applies to an https hub URL");
        assertThatThrownBy(() -> resolver(Map.of()).resolve(Optional.empty(), Map.of(Setting.HUB, "https://hub:8443",
                Setting.TOKEN, "pcs_x", Setting.HUB_CA, dir.resolve("missing.pem").toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("missing.pem is not a readable PEM file");
    }

    @Test
    void refusesUnknownKeysAndATokenWrittenInTheFile() throws Exception {
        Path typo = config("{\"stationID\":\"x\"}");
        Path token = config("{\"token\":\"abc\"}");

        assertThatThrownBy(() -> resolver(Map.of()).resolve(Optional.of(typo.toString()), Map.of()))
                .hasMessageContaining("unknown setting 'stationID'").hasMessageContaining("stationId");
        assertThatThrownBy(() -> resolver(Map.of()).resolve(Optional.of(token.toString()), Map.of()))
                .hasMessageContaining("token must not be written in the config file")
                .hasMessageNotContaining("abc");
    }

    @Test
    void aMissingOrBrokenConfigFileIsNamed() throws Exception {
        Path broken = config("{\"stationId\": ");

        assertThatThrownBy(() -> resolver(Map.of()).resolve(Optional.of("/nope/station.json"), Map.of()))
                .hasMessage("config file (flag --config): /nope/station.json does not exist");
        assertThatThrownBy(() -> resolver(Map.of()).resolve(Optional.of(broken.toString()), Map.of()))
                .hasMessageStartingWith("config file " + broken + " is not a JSON object");
    }

    @Test
    void aDataPathThatIsAFileIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("plain"), "x");

        assertThatThrownBy(() -> flag(Setting.DATA, file.toString()))
                .hasMessage("setting data (flag --data): " + file + " exists and is not a directory");
    }

    @Test
    void theScreenListensOnThisMachineOnlyUnlessABindAddressIsGiven() throws Exception {
        Path file = config("{\"screenBind\":\"0.0.0.0\",\"screenHosts\":\"Pack-07.Warehouse.example, fd00::7\"}");

        EffectiveConfig fromFile = resolver(Map.of()).resolve(Optional.of(file.toString()), Map.of());
        EffectiveConfig fromEnv = resolver(Map.of("PACKCHECK_SCREEN_BIND", "::1")).resolve(Optional.empty(), Map.of());

        assertThat(flag(Setting.SCREEN_PORT, "8080").config().screenBind()).isEqualTo("127.0.0.1");
        assertThat(fromFile.config().screenBind()).isEqualTo("0.0.0.0");
        assertThat(fromFile.config().screenHosts()).containsExactly("pack-07.warehouse.example", "[fd00::7]");
        assertThat(fromFile.describe()).anyMatch(l -> l.startsWith("screenBind") && l.contains("0.0.0.0 (every interface)")
                && l.endsWith("(file " + file + ")"));
        assertThat(fromEnv.config().screenBind()).isEqualTo("::1");
        assertThat(fromEnv.source(Setting.SCREEN_BIND).toString()).isEqualTo("env PACKCHECK_SCREEN_BIND");
    }

    @Test
    void aBindAddressThatIsNotThisMachinesIsRefusedNamingIt() {
        // TEST-NET-3: never an address of a test machine
        assertThatThrownBy(() -> flag(Setting.SCREEN_BIND, "203.0.113.7"))
                .hasMessageStartingWith("setting screenBind (flag --screen-bind): '203.0.113.7' (203.0.113.7) is not an"
                        + " address of this machine")
                .extracting(e -> ((ConfigException) e).setting()).isEqualTo("screenBind");
        assertThatThrownBy(() -> flag(Setting.SCREEN_HOSTS, "http://pack-07:8080"))
                .hasMessageStartingWith("setting screenHosts (flag --screen-hosts): 'http://pack-07:8080' must be a host name");
    }

    @Test
    void theScreenSecretIsNeverPrintedNorEchoedWhenItIsTooShort() throws Exception {
        Path file = config("{\"screenSecret\":\"blue-mug-42-tea\"}");

        EffectiveConfig effective = resolver(Map.of()).resolve(Optional.of(file.toString()), Map.of());

        assertThat(effective.config().screenSecret()).map(Secret::value).contains("blue-mug-42-tea");
        assertThat(effective.describe()).anyMatch(l -> l.startsWith("screenSecret") && l.contains("********"))
                .noneMatch(l -> l.contains("blue-mug-42-tea"));
        assertThat(String.join("\n", flag(Setting.SCREEN_PORT, "8080").describe()))
                .contains("(none: screens on other computers only show)");
        assertThatThrownBy(() -> resolver(Map.of("PACKCHECK_SCREEN_SECRET", "short")).resolve(Optional.empty(), Map.of()))
                .hasMessage("setting screenSecret (env PACKCHECK_SCREEN_SECRET): must be at least 12 characters without"
                        + " white space (it is typed once on each remote screen)")
                .hasMessageNotContaining("short");
    }

    private EffectiveConfig flag(Setting setting, String value) {
        return resolver(Map.of()).resolve(Optional.empty(), Map.of(setting, value));
    }

    private ConfigResolver resolver(Map<String, String> env) {
        return new ConfigResolver(env, dir.resolve("absent.json"));
    }

    private Path config(String json) throws Exception {
        return Files.writeString(Files.createTempFile(dir, "station", ".json"), json);
    }
}
