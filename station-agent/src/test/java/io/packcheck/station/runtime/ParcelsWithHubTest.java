package io.packcheck.station.runtime;

import static io.packcheck.station.runtime.Stations.GREEN;
import static io.packcheck.station.runtime.Stations.LIGHT_OFF;
import static io.packcheck.station.runtime.Stations.MUG;
import static io.packcheck.station.runtime.Stations.RED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.packcheck.station.config.Secret;
import io.packcheck.station.config.StationConfig;
import io.packcheck.station.hub.InProcessHub;
import io.packcheck.station.scale.ScaleProtocol;
import io.packcheck.station.scale.emulator.EmulatedLoad;
import io.packcheck.station.scale.emulator.EmulatedScalePort;
import io.packcheck.station.scanner.SocatPty;
import io.packcheck.station.store.SqliteOrderCache;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parcels from the hub's catalogue to the station and back: weights, box types and labels reach the station on the
 * feed; the parcels it closes on its (emulated, MT-SICS on a pty) scale reach the hub, which answers for each label.
 */
class ParcelsWithHubTest {

    static final String UPS = "1Z999AA10123456784";
    static final String UNLISTED_UPS = "1Z999AA10123456793";

    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();
    private final LightsLines lights = new LightsLines();

    @AfterEach
    void closeVertx() {
        InProcessHub.await(vertx.close());
    }

    @Test
    void theHubKnowsEveryParcelByItsLabelWithWhatWentInAndWhatItWeighed() throws Exception {
        EmulatedLoad load = new EmulatedLoad(0, 2, Duration.ofMillis(200), 30_000, 11);
        try (InProcessHub hub = new InProcessHub(vertx, dir.resolve("hub"))) {
            hub.putItem("MUG-BLUE", MUG, 360);
            hub.putBox("M", 230);
            hub.putOrder("SO-91", "MUG-BLUE", 2, List.of(UPS));
            hub.putOrder("SO-92", "MUG-BLUE", 1, List.of());
            try (SocatPty pty = SocatPty.start(dir);
                    EmulatedScalePort scale = EmulatedScalePort.plugIn(dir.resolve("scale"), ScaleProtocol.MT_SICS, load, false);
                    StationAgent agent = StationAgent.start(config(hub, pty, scale), lights.printStream())) {
                assertThat(lights.next()).isEqualTo(LIGHT_OFF);
                StationEndToEndTest.awaitConnected(agent);
                SqliteOrderCache cache = new SqliteOrderCache(agent.database(), Clock.systemUTC());
                await("the box catalogue synced").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                        .until(() -> cache.box("M").isPresent() && cache.order("SO-92").isPresent());

                load.put(230);
                pty.send("SO-91\r");
                assertThat(lights.next()).isEqualTo(GREEN);
                pty.send("PCK-BOX-M\r");
                assertThat(lights.next()).isEqualTo(GREEN);
                for (int i = 1; i <= 2; i++) {
                    pty.send("]E0" + MUG + "\r");
                    load.put(230 + 360 * i);
                    assertThat(lights.next()).isEqualTo(GREEN);
                }
                pty.send(UNLISTED_UPS + "\r");
                assertThat(lights.next()).as("a label the order does not list").isEqualTo(RED);
                pty.send("PCK-CLEAR\r");
                assertThat(lights.next()).isEqualTo(GREEN);
                pty.send(UPS + "\r");
                assertThat(lights.next()).isEqualTo(GREEN);

                // an order that lists no label takes the one the packer sticks on
                load.put(0);
                pty.send("SO-92\r");
                assertThat(lights.next()).isEqualTo(GREEN);
                pty.send("]E0" + MUG + "\r");
                load.put(360);
                assertThat(lights.next()).isEqualTo(GREEN);
                pty.send(UNLISTED_UPS + "\r");
                assertThat(lights.next()).isEqualTo(GREEN);

                await("both orders verified at the hub").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                        .until(() -> hub.orderStatus("SO-91").equals("VERIFIED") && hub.orderStatus("SO-92").equals("VERIFIED"));
            }

            JsonObject parcel = hub.parcel(UPS).bodyAsJsonObject();
            assertThat(parcel.getString("orderId")).isEqualTo("SO-91");
            assertThat(parcel.getString("box")).isEqualTo("M");
            assertThat(parcel.getDouble("weightGrams")).isBetween(945.0, 955.0);
            assertThat(parcel.getDouble("expectedWeightGrams")).isEqualTo(950.0);
            assertThat(parcel.getJsonArray("items").getJsonObject(0).getInteger("quantity")).isEqualTo(2);
            assertThat(hub.parcel(UNLISTED_UPS).bodyAsJsonObject().getString("orderId")).as("a label bound at the station")
                    .isEqualTo("SO-92");
            JsonObject verification = hub.order("SO-91").getJsonObject("verification");
            assertThat(verification.getJsonArray("parcels").getJsonObject(0).getString("label")).isEqualTo(UPS);
            assertThat(hub.events()).filteredOn(e -> "LABEL_MISMATCH".equals(e.getString("verdict"))).hasSize(1);
        }
    }

    private static StationConfig config(InProcessHub hub, SocatPty pty, EmulatedScalePort scale) {
        return new StationConfig("pack-07", Optional.of(pty.stationEnd()), "generic", StationConfig.LightsMode.CONSOLE,
                "generic", Map.of(), Optional.of(hub.uri()), Optional.of(new Secret(hub.stationToken("pack-07"))),
                Optional.empty(), Optional.empty(), Path.of(pty.stationEnd()).resolveSibling("station-data"), 0,
                ZoneId.of("UTC"), false, Duration.ofDays(7)).withScale(scale.stationEnd().toString(), "mt-sics");
    }
}
