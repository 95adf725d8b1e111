package io.packcheck.station.runtime;

import static io.packcheck.station.runtime.Stations.AMBER;
import static io.packcheck.station.runtime.Stations.GREEN;
import static io.packcheck.station.runtime.Stations.LIGHT_OFF;
import static io.packcheck.station.runtime.Stations.MUG;
import static io.packcheck.station.runtime.Stations.RED;
import static io.packcheck.station.runtime.ScreenViews.freePort;
import static io.packcheck.station.runtime.ScreenViews.verdict;
import static io.packcheck.station.runtime.ScreenViews.view;
import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.verify.PackEvent;
import io.packcheck.station.config.StationConfig;
import io.packcheck.station.scale.ScaleProtocol;
import io.packcheck.station.scale.emulator.EmulatedLoad;
import io.packcheck.station.scale.emulator.EmulatedScalePort;
import io.packcheck.station.scanner.SocatPty;
import io.packcheck.station.store.Outbox;
import io.packcheck.station.store.OutboxEntry;
import io.packcheck.station.store.StationDatabase;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parcels through the whole agent: scans as real bytes on a pty through jssc, an MT-SICS scale emulated on a second
 * pty (noise and settling included), console lights, the packer screen and the outbox.
 */
class ParcelScaleStationTest {

    static final String UPS = "1Z999AA10123456784";
    static final String OTHER_UPS = "1Z999AA10123456793";

    @TempDir
    Path dir;

    private final LightsLines lights = new LightsLines();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theScaleConfirmsARightParcelAndCatchesAnUnscannedMugThenAnotherOrdersLabel() throws Exception {
        Path data = dir.resolve("data");
        seed(data);
        int screenPort = freePort();
        // an empty medium box on the scale, with the scale's own noise and a short settle after every change
        EmulatedLoad load = new EmulatedLoad(230, 2, Duration.ofMillis(300), 30_000, 7);
        try (SocatPty pty = SocatPty.start(dir);
                EmulatedScalePort scale = EmulatedScalePort.plugIn(dir.resolve("scale"), ScaleProtocol.MT_SICS, load, false);
                StationAgent agent = StationAgent.start(config(data, pty.stationEnd(), scale.stationEnd().toString(), screenPort),
                        lights.printStream())) {
            assertThat(lights.next()).isEqualTo(LIGHT_OFF);
            StationEndToEndTest.awaitConnected(agent);

            pty.send("SO-1\r");
            assertThat(lights.next()).isEqualTo(GREEN);
            pty.send("PCK-BOX-M\r");
            assertThat(lights.next()).isEqualTo(GREEN);
            pty.send("]E0" + MUG + "\r");
            load.put(230 + 360);
            assertThat(lights.next()).isEqualTo(GREEN);
            pty.send("]E0" + MUG + "\r");
            load.put(230 + 720);
            assertThat(lights.next()).isEqualTo(GREEN);

            pty.send(UPS + "\r");

            assertThat(lights.next()).isEqualTo(GREEN);
            JsonObject done = view(screenPort, v -> verdict(v).equals("ORDER_COMPLETE"));
            assertThat(done.getJsonObject("verdict").getString("reason"))
                    .matches("Parcel 1 \\(" + UPS + "\\), 9[45]\\d g closed\\. Order SO-1 complete: 2 units verified - close the box");

            // the next order: a third mug goes in without a scan
            load.put(230);
            pty.send("SO-2\r");
            assertThat(lights.next()).isEqualTo(GREEN);
            pty.send("PCK-BOX-M\r");
            assertThat(lights.next()).isEqualTo(GREEN);
            pty.send("]E0" + MUG + "\r");
            assertThat(lights.next()).isEqualTo(GREEN);
            load.put(230 + 720);
            pty.send(OTHER_UPS + "\r");

            assertThat(lights.next()).isEqualTo(RED);
            JsonObject heavy = view(screenPort, v -> verdict(v).equals("WEIGHT_MISMATCH"));
            assertThat(heavy.getJsonObject("verdict").getString("reason"))
                    .matches("Wrong weight: parcel 1 should weigh 590 g \\+/- 30, it weighs 9[45]\\d g: one Blue Mug too many\\?.*");

            load.put(230 + 360);
            pty.send("PCK-CLEAR\r");

            assertThat(view(screenPort, v -> verdict(v).equals("ORDER_COMPLETE"))).isNotNull();
            assertThat(lights.next()).isIn(GREEN, LIGHT_OFF);
        }

        try (StationDatabase db = StationDatabase.openIn(data)) {
            List<PackEvent> parcels = new Outbox(db, Clock.systemUTC()).oldestUnconfirmed(100).stream()
                    .map(OutboxEntry::event).filter(e -> e.kind() == PackEvent.EventKind.PARCEL_CLOSED).toList();
            assertThat(parcels).hasSize(2);
            assertThat(parcels.get(0).parcel().orElseThrow().label()).contains(UPS);
            assertThat(parcels.get(0).parcel().orElseThrow().weightGrams().orElseThrow()).isBetween(945.0, 955.0);
            assertThat(parcels.get(1).parcel().orElseThrow().label()).contains(OTHER_UPS);
            assertThat(parcels.get(1).parcel().orElseThrow().weightGrams().orElseThrow()).isBetween(585.0, 595.0);
        }
    }

    @Test
    void anUnpluggedScaleShowsAmberAndThePackerWeighsAgainOncePluggedBack() throws Exception {
        Path data = dir.resolve("data");
        seed(data);
        int screenPort = freePort();
        EmulatedLoad load = new EmulatedLoad(230, 2, Duration.ofMillis(100), 30_000, 3);
        try (SocatPty pty = SocatPty.start(dir);
                EmulatedScalePort scale = EmulatedScalePort.plugIn(dir.resolve("scale"), ScaleProtocol.MT_SICS, load, false);
                StationAgent agent = StationAgent.start(config(data, pty.stationEnd(), scale.stationEnd().toString(), screenPort),
                        lights.printStream())) {
            assertThat(lights.next()).isEqualTo(LIGHT_OFF);
            StationEndToEndTest.awaitConnected(agent);
            pty.send("SO-2\r");
            assertThat(lights.next()).isEqualTo(GREEN);
            pty.send("]E0" + MUG + "\r");
            load.put(230 + 360);
            assertThat(lights.next()).isEqualTo(GREEN);

            scale.unplug();
            pty.send(OTHER_UPS + "\r");

            assertThat(lights.next()).isEqualTo(AMBER);
            JsonObject notReady = view(screenPort, v -> verdict(v).equals("SCALE_NOT_READY"));
            assertThat(notReady.getValue("lock")).isNull();
            assertThat(notReady.getJsonObject("order").getJsonObject("parcel").getBoolean("weighing")).isTrue();
        }
    }

    private static StationConfig config(Path data, String scanner, String scale, int screenPort) {
        StationConfig base = Stations.config(data, Optional.of(scanner), screenPort);
        return base.withScale(scale, "mt-sics");
    }

    private static void seed(Path dataDir) {
        ScreenViews.seed(dataDir,
                "{\"type\":\"item\",\"sku\":\"MUG-BLUE\",\"name\":\"Blue Mug\",\"weightGrams\":360,"
                        + "\"barcodes\":[{\"code\":\"" + MUG + "\",\"quantity\":1}]}",
                "{\"type\":\"box\",\"code\":\"M\",\"name\":\"Medium box\",\"tareGrams\":230}",
                "{\"type\":\"order\",\"id\":\"SO-1\",\"labels\":[\"" + UPS + "\"],\"lines\":[{\"sku\":\"MUG-BLUE\",\"quantity\":2}]}",
                "{\"type\":\"order\",\"id\":\"SO-2\",\"labels\":[\"" + OTHER_UPS + "\"],\"lines\":[{\"sku\":\"MUG-BLUE\",\"quantity\":1}]}");
    }
}
