package io.packcheck.station.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.station.config.StationConfig;
import io.packcheck.station.store.ImportReport;
import io.packcheck.station.store.JsonLinesImport;
import io.packcheck.station.store.SqliteOrderCache;
import io.packcheck.station.store.StationDatabase;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/** The catalog and configuration the station runtime tests share. */
final class Stations {

    static final String MUG = "4006381333931";
    static final String RED_MUG = "4006381333948";
    static final String ORDER = "SO-1234";
    static final String LIGHT_OFF = "LIGHTS green=off amber=off red=off buzzer=off";
    static final String GREEN = "LIGHTS green=on amber=off red=off buzzer=beep";
    static final String RED = "LIGHTS green=off amber=off red=on buzzer=on";
    static final String AMBER = "LIGHTS green=off amber=on red=off buzzer=off";
    static final String SCANNER_OFFLINE = "LIGHTS green=off amber=off red=blink buzzer=off";

    private Stations() {}

    /** Blue Mug on the order {@code mugs} times, Red Mug in the catalog but not on the order. */
    static void seed(Path dataDir, int mugs) {
        String lines = String.join("\n",
                "{\"type\":\"item\",\"sku\":\"MUG-BLUE\",\"name\":\"Blue Mug\",\"barcodes\":[{\"code\":\"" + MUG + "\",\"quantity\":1}]}",
                "{\"type\":\"item\",\"sku\":\"MUG-RED\",\"name\":\"Red Mug\",\"barcodes\":[{\"code\":\"" + RED_MUG + "\",\"quantity\":1}]}",
                "{\"type\":\"order\",\"id\":\"" + ORDER + "\",\"lines\":[{\"sku\":\"MUG-BLUE\",\"quantity\":" + mugs + "}]}");
        try (StationDatabase db = StationDatabase.openIn(dataDir)) {
            ImportReport report = new JsonLinesImport(new SqliteOrderCache(db, Clock.systemUTC()))
                    .run(new BufferedReader(new StringReader(lines)), r -> { });
            assertThat(report.refused()).isEmpty();
        }
    }

    static StationConfig config(Path dataDir, Optional<String> scannerPort, int screenPort) {
        return config(dataDir, scannerPort, screenPort, "generic");
    }

    static StationConfig config(Path dataDir, Optional<String> scannerPort, int screenPort, String scannerProfile) {
        return new StationConfig("pack-07", scannerPort, scannerProfile, StationConfig.LightsMode.CONSOLE, "generic", Map.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), dataDir, screenPort, ZoneId.of("UTC"), false,
                Duration.ofDays(7));
    }
}
