package io.packcheck.station.runtime;

import static io.packcheck.station.runtime.Stations.AMBER;
import static io.packcheck.station.runtime.Stations.GREEN;
import static io.packcheck.station.runtime.Stations.LIGHT_OFF;
import static io.packcheck.station.runtime.Stations.MUG;
import static io.packcheck.station.runtime.Stations.RED;
import static io.packcheck.station.runtime.Stations.RED_MUG;
import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.station.config.Secret;
import io.packcheck.station.config.StationConfig;
import io.packcheck.station.hub.InProcessHub;
import io.packcheck.station.scanner.SocatPty;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The station agent wired to the real hub (in-process, real HTTP, real SQLite on both sides), scanning through a pty. */
class StationWithHubTest {

    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();
    private final LightsLines lights = new LightsLines();

    @AfterEach
    void closeVertx() {
        InProcessHub.await(vertx.close());
    }

    @Test
    void packsAnOrderKnownOnlyToTheHubAndTheHubRecordsTheWrongItemAndTheVerifiedOrder() throws Exception {
        try (InProcessHub hub = hubWithMugs(Optional.empty(), "SO-77", 2)) {
            hub.putItem("MUG-RED", RED_MUG);

            try (Running station = start(hub, Optional.empty())) {
                station.scan("TOTE-SO-77");
                assertThat(lights.next()).isEqualTo(GREEN);
                station.scan(MUG);
                assertThat(lights.next()).isEqualTo(GREEN);
                station.scan(RED_MUG);
                assertThat(lights.next()).isEqualTo(RED);
                station.scan("PCK-CLEAR");
                assertThat(lights.next()).isEqualTo(GREEN);
                station.scan(MUG);
                assertThat(lights.next()).isEqualTo(GREEN);

                eventually("the hub has the order VERIFIED", () -> hub.orderStatus("SO-77").equals("VERIFIED"));
            }

            List<JsonObject> events = hub.events();
            assertThat(events).filteredOn(e -> "WRONG_ITEM".equals(e.getString("verdict"))).singleElement()
                    .satisfies(e -> {
                        assertThat(e.getString("sku")).isEqualTo("MUG-RED");
                        assertThat(e.getString("expectedSku")).isEqualTo("MUG-BLUE");
                        assertThat(e.getString("stationId")).isEqualTo("pack-07");
                    });
            assertThat(events).extracting(e -> e.getString("id")).doesNotHaveDuplicates();
        }
    }

    @Test
    void aCancelAtTheHubTurnsTheStationRedWhilePacking() throws Exception {
        try (InProcessHub hub = hubWithMugs(Optional.empty(), "SO-78", 3);
                Running station = start(hub, Optional.empty())) {
            station.scan("SO-78");
            assertThat(lights.next()).isEqualTo(GREEN);
            station.scan(MUG);
            assertThat(lights.next()).isEqualTo(GREEN);

            long cancelled = System.nanoTime();
            hub.cancel("SO-78", "customer cancelled");

            assertThat(lights.next()).isEqualTo(RED);
            System.out.printf("cancel to red light: %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelled));
            station.scan(MUG);
            assertThat(lights.next()).as("a blocked order takes no more items").isEqualTo(RED);
        }
    }

    @Test
    void talksToAnHttpsHubWhoseSelfSignedCertificateItIsGivenToTrust() throws Exception {
        Path tls = testCertificates();
        try (InProcessHub hub = hubWithMugs(Optional.of(tls), "SO-79", 1);
                Running station = start(hub, Optional.of(tls.resolve("cert.pem")))) {
            assertThat(hub.uri().getScheme()).isEqualTo("https");

            station.scan("SO-79");
            assertThat(lights.next()).as("the order comes from the https hub").isEqualTo(GREEN);
            station.scan(MUG);
            assertThat(lights.next()).isEqualTo(GREEN);

            eventually("the https hub has the order VERIFIED", () -> hub.orderStatus("SO-79").equals("VERIFIED"));
        }
    }

    @Test
    void doesNotTrustAnHttpsHubWithAnUnknownCertificate() throws Exception {
        try (InProcessHub hub = hubWithMugs(Optional.of(testCertificates()), "SO-80", 1);
                Running station = start(hub, Optional.empty())) {
            station.scan("SO-80");

            assertThat(lights.next()).as("the order is unknown: the hub's certificate is not trusted").isEqualTo(AMBER);
        }
    }

    /** A hub with the blue mug in its catalog and one order of it, also known by the alias TOTE-{id}. */
    private InProcessHub hubWithMugs(Optional<Path> tls, String orderId, int mugs) {
        InProcessHub hub = new InProcessHub(vertx, dir.resolve("hub"), tls);
        hub.putItem("MUG-BLUE", MUG);
        hub.putOrder(orderId, "MUG-BLUE", mugs, "TOTE-" + orderId);
        return hub;
    }

    /** A station pack-07 on the hub, its scanner on a socat pty, started and with its scanner connected. */
    private Running start(InProcessHub hub, Optional<Path> hubCa) throws Exception {
        String token = hub.stationToken("pack-07");
        SocatPty pty = SocatPty.start(dir);
        StationConfig config = new StationConfig("pack-07", Optional.of(pty.stationEnd()), "generic",
                StationConfig.LightsMode.CONSOLE, "generic", Map.of(), Optional.of(hub.uri()), Optional.of(new Secret(token)),
                Optional.empty(), hubCa, dir.resolve("station-data"), 0, ZoneId.of("UTC"), false, Duration.ofDays(7));
        StationAgent agent = StationAgent.start(config, lights.printStream());
        assertThat(lights.next()).isEqualTo(LIGHT_OFF);
        StationEndToEndTest.awaitConnected(agent);
        return new Running(pty, agent);
    }

    private record Running(SocatPty pty, StationAgent agent) implements AutoCloseable {
        void scan(String code) throws Exception {
            pty.send(code + "\r");
        }

        @Override
        public void close() throws Exception {
            agent.close();
            pty.close();
        }
    }

    private Path testCertificates() throws Exception {
        return Path.of(getClass().getResource("/tls/cert.pem").toURI()).getParent();
    }

    private static void eventually(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.get()) {
            assertThat(System.nanoTime()).as(what + " within 15 s").isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }
}
