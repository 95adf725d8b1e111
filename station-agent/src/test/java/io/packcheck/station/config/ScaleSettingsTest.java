package io.packcheck.station.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parcel settings: scale, weighing tolerances and labels. */
class ScaleSettingsTest {

    @TempDir
    Path dir;

    private EffectiveConfig resolve(Optional<Path> file, Map<Setting, String> flags) {
        return new ConfigResolver(Map.of(), dir.resolve("absent.json")).resolve(file.map(Path::toString), flags);
    }

    @Test
    void withoutSettingsThereIsNoScaleAndTheDesignDefaults() {
        StationConfig c = resolve(Optional.empty(), Map.of()).config();

        assertThat(c.scale()).isEmpty();
        assertThat(c.scaleProfile()).isEqualTo("mt-sics");
        assertThat(c.scaleSettleTimeout()).isEqualTo(Duration.ofMillis(3000));
        assertThat(c.requireLabel()).isFalse();
        assertThat(c.defaultTareGrams()).isZero();
        assertThat(c.weightToleranceGrams()).isEqualTo(20);
        assertThat(c.weightTolerancePercent()).isEqualTo(5.0);
        assertThat(c.labelPattern()).isEmpty();
    }

    @Test
    void readsEverySettingFromTheConfigFile() throws Exception {
        Path file = Files.writeString(dir.resolve("station.json"), """
                {"scale": "/dev/serial/by-id/usb-scale", "scaleProfile": "avery-weigh-tronix-7820",
                 "scaleSettleTimeoutMillis": 1500, "requireLabel": true, "defaultTareGrams": 180,
                 "weightToleranceGrams": 30, "weightTolerancePercent": 2.5, "labelPattern": "1Z[0-9A-Z]{16}"}""");

        EffectiveConfig effective = resolve(Optional.of(file), Map.of());

        StationConfig c = effective.config();
        assertThat(c.scale()).contains("/dev/serial/by-id/usb-scale");
        assertThat(c.scaleProfile()).isEqualTo("avery-weigh-tronix-7820");
        assertThat(c.scaleSettleTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(c.requireLabel()).isTrue();
        assertThat(c.defaultTareGrams()).isEqualTo(180);
        assertThat(c.weightToleranceGrams()).isEqualTo(30);
        assertThat(c.weightTolerancePercent()).isEqualTo(2.5);
        assertThat(c.labelPattern()).map(Pattern::pattern).contains("1Z[0-9A-Z]{16}");
        assertThat(effective.source(Setting.LABEL_PATTERN).toString()).isEqualTo("file " + file);
    }

    @Test
    void flagsBeatTheFileAndNoneMeansNoScale() throws Exception {
        Path file = Files.writeString(dir.resolve("station.json"), "{\"scale\": \"/dev/ttyUSB0\", \"requireLabel\": true}");

        StationConfig c = resolve(Optional.of(file), Map.of(Setting.SCALE, "none", Setting.REQUIRE_LABEL, "false",
                Setting.SCALE_PROFILE, "/etc/packcheck/my-scale.json")).config();

        assertThat(c.scale()).isEmpty();
        assertThat(c.requireLabel()).isFalse();
        assertThat(c.scaleProfile()).isEqualTo("/etc/packcheck/my-scale.json");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "LABEL_PATTERN|[A-Z|setting labelPattern (flag --label-pattern): '[A-Z' is not a valid Java regular expression: Unclosed character class near index 3",
        "SCALE_SETTLE_TIMEOUT_MILLIS|50|setting scaleSettleTimeoutMillis (flag --scale-settle-timeout-millis): 50 is out of range 100-60000",
        "SCALE_SETTLE_TIMEOUT_MILLIS|3s|setting scaleSettleTimeoutMillis (flag --scale-settle-timeout-millis): '3s' is not a whole number",
        "WEIGHT_TOLERANCE_PERCENT|five|setting weightTolerancePercent (flag --weight-tolerance-percent): 'five' is not a number, e.g. 5 or 2.5",
        "WEIGHT_TOLERANCE_PERCENT|150|setting weightTolerancePercent (flag --weight-tolerance-percent): 150 is out of range 0-100",
        "WEIGHT_TOLERANCE_GRAMS|-1|setting weightToleranceGrams (flag --weight-tolerance-grams): -1 is out of range 0-100000",
        "DEFAULT_TARE_GRAMS|0.2kg|setting defaultTareGrams (flag --default-tare-grams): '0.2kg' is not a whole number",
        "REQUIRE_LABEL|yes|setting requireLabel (flag --require-label): 'yes' must be true or false",
        "SCALE_PROFILE|Mettler Toledo|setting scaleProfile (flag --scale-profile): 'Mettler Toledo' is not a profile name",
    })
    void aBadValueStopsNamingTheSetting(Setting setting, String value, String message) {
        assertThatThrownBy(() -> resolve(Optional.empty(), Map.of(setting, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void theToleranceIsTheLargerOfTheGramsAndThePercentage() {
        StationConfig c = resolve(Optional.empty(), Map.of()).config();

        assertThat(c.parcelPolicy().tolerance(100)).isEqualTo(20);
        assertThat(c.parcelPolicy().tolerance(1000)).isEqualTo(50);
    }

    @Test
    void describesTheScaleSettings() {
        EffectiveConfig effective = resolve(Optional.empty(), Map.of(Setting.SCALE, "/dev/ttyUSB0",
                Setting.WEIGHT_TOLERANCE_PERCENT, "2.50"));

        assertThat(effective.describe()).anyMatch(l -> l.startsWith("scale ") && l.contains("/dev/ttyUSB0")
                && l.endsWith("(flag --scale)"));
        assertThat(effective.describe()).anyMatch(l -> l.startsWith("scaleProfile ") && l.contains("mt-sics")
                && l.endsWith("(default)"));
        assertThat(effective.describe()).anyMatch(l -> l.startsWith("weightTolerancePercent ") && l.contains("= 2.5 "));
        assertThat(effective.describe()).anyMatch(l -> l.startsWith("labelPattern ") && l.contains("(none)"));
    }
}
