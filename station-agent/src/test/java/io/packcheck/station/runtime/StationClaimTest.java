package io.packcheck.station.runtime;

import static io.packcheck.station.runtime.Stations.AMBER;
import static io.packcheck.station.runtime.Stations.GREEN;
import static io.packcheck.station.runtime.Stations.LIGHT_OFF;
import static io.packcheck.station.runtime.Stations.MUG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.packcheck.station.config.Secret;
import io.packcheck.station.config.StationConfig;
import io.packcheck.station.hub.InProcessHub;
import io.packcheck.station.scanner.SocatPty;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two station agents on one real hub (in-process, real HTTP and SQLite), scanning through ptys: one order, one station. */
class StationClaimTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void closeVertx() {
        InProcessHub.await(vertx.close());
    }

    @Test
    void aSecondStationIsRefusedAnOrderBeingPackedAtTheFirstAndCountsNothing() throws Exception {
        try (InProcessHub hub = hubWithMugs();
                Running first = start(hub, "ST-1");
                Running second = start(hub, "ST-2")) {
            first.scan("SO-1");
            assertThat(first.lights().next()).isEqualTo(GREEN);
            first.scan(MUG);
            assertThat(first.lights().next()).isEqualTo(GREEN);
            String since = LocalTime.ofInstant(Instant.now(), ZoneId.of("UTC")).format(DateTimeFormatter.ofPattern("HH:mm"));

            second.scan("SO-1");
            assertThat(second.lights().next()).as("refused: amber").isEqualTo(AMBER);
            JsonObject refused = second.view(v -> "ORDER_CLAIMED_ELSEWHERE".equals(code(v)));
            second.scan(MUG);
            assertThat(second.lights().next()).as("no order open there: the mug is not counted").isEqualTo(AMBER);
            JsonObject after = second.view(v -> "NO_ORDER_OPEN".equals(code(v)));

            assertThat(refused.getJsonObject("verdict").getString("reason"))
                    .isIn("SO-1 is being packed at ST-1 since " + since + " - ask a supervisor",
                            // the minute may have turned between the claim and this line
                            "SO-1 is being packed at ST-1 since " + LocalTime.parse(since).minusMinutes(1)
                                    .format(DateTimeFormatter.ofPattern("HH:mm")) + " - ask a supervisor");
            assertThat(refused.getValue("order")).as("nothing opened at the second station").isNull();
            assertThat(after.getValue("order")).isNull();
            await().atMost(WAIT).until(() -> hub.events().stream().anyMatch(e -> "ST-2".equals(e.getString("stationId"))
                    && "NO_ORDER_OPEN".equals(e.getString("verdict"))));
            assertThat(hub.events()).as("the hub holds no opening or count of SO-1 by the second station")
                    .filteredOn(e -> "ST-2".equals(e.getString("stationId")) && "SO-1".equals(e.getString("orderId")))
                    .isEmpty();
            assertThat(hub.orderStatus("SO-1")).as("no conflict: the second station never packed it").isEqualTo("IN_PROGRESS");
        }
    }

    @Test
    void theOrderGoesToAnotherStationOnceTheFirstCancelsItOrASupervisorReleasesIt() throws Exception {
        try (InProcessHub hub = hubWithMugs();
                Running first = start(hub, "ST-1");
                Running second = start(hub, "ST-2")) {
            first.scan("SO-1");
            assertThat(first.lights().next()).isEqualTo(GREEN);
            second.scan("SO-1");
            assertThat(second.lights().next()).isEqualTo(AMBER);

            first.scan("PCK-CANCEL");
            assertThat(first.lights().next()).isEqualTo(GREEN);
            await().atMost(WAIT).until(() -> !hub.claimed("SO-1"));
            second.scan("SO-1");
            String secondOpens = second.lights().next();
            first.scan("SO-1");
            String firstRefused = first.lights().next();
            hub.releaseClaim("SO-1");
            first.scan("SO-1");
            String firstOpens = first.lights().next();

            assertThat(secondOpens).as("cancelled at the first station: the second opens it").isEqualTo(GREEN);
            assertThat(firstRefused).as("now the second station has it").isEqualTo(AMBER);
            assertThat(firstOpens).as("released by a supervisor: the first opens it again").isEqualTo(GREEN);
        }
    }

    @Test
    void theSameStationOpensItsOwnClaimedOrderAgainAfterARestart() throws Exception {
        try (InProcessHub hub = hubWithMugs()) {
            String token = hub.stationToken("ST-1");
            try (Running first = start(hub, "ST-1", token, "station-1")) {
                first.scan("SO-1");
                assertThat(first.lights().next()).isEqualTo(GREEN);
                first.scan("PCK-CANCEL");
                assertThat(first.lights().next()).isEqualTo(GREEN);
            }
            hub.claim("SO-1", token);

            try (Running again = start(hub, "ST-1", token, "station-1")) {
                again.scan("SO-1");

                assertThat(again.lights().next()).as("its own claim does not stop it").isEqualTo(GREEN);
            }
        }
    }

    private static String code(JsonObject view) {
        JsonObject verdict = view.getJsonObject("verdict");
        return verdict == null ? null : verdict.getString("code");
    }

    private InProcessHub hubWithMugs() {
        InProcessHub hub = new InProcessHub(vertx, dir.resolve("hub"));
        hub.putItem("MUG-BLUE", MUG);
        hub.putOrder("SO-1", "MUG-BLUE", 3, "TOTE-SO-1");
        return hub;
    }

    private Running start(InProcessHub hub, String stationId) throws Exception {
        return start(hub, stationId, hub.stationToken(stationId), "station-" + stationId);
    }

    /** A station agent on the hub, its scanner on a socat pty, its console lights read by the test, its screen served. */
    private Running start(InProcessHub hub, String stationId, String token, String dataDir) throws Exception {
        int screenPort = freePort();
        SocatPty pty = SocatPty.start(Files.createDirectories(dir.resolve("pty-" + stationId + "-" + System.nanoTime())));
        LightsLines lights = new LightsLines();
        StationConfig config = new StationConfig(stationId, Optional.of(pty.stationEnd()), "generic",
                StationConfig.LightsMode.CONSOLE, "generic", Map.of(), Optional.of(hub.uri()), Optional.of(new Secret(token)),
                Optional.empty(), Optional.empty(), dir.resolve(dataDir), screenPort, ZoneId.of("UTC"), false,
                Duration.ofDays(7));
        StationAgent agent = StationAgent.start(config, lights.printStream());
        assertThat(lights.next()).isEqualTo(LIGHT_OFF);
        StationEndToEndTest.awaitConnected(agent);
        return new Running(pty, agent, lights, screenPort, http);
    }

    private record Running(SocatPty pty, StationAgent agent, LightsLines lights, int screenPort, HttpClient http)
            implements AutoCloseable {
        void scan(String code) throws Exception {
            pty.send(code + "\r");
        }

        /** The packer screen's view once it satisfies {@code wanted}. */
        JsonObject view(Predicate<JsonObject> wanted) {
            return await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(this::view, wanted);
        }

        private JsonObject view() throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + screenPort + "/api/view")).build(), HttpResponse.BodyHandlers.ofString());
            return new JsonObject(response.body());
        }

        @Override
        public void close() throws Exception {
            agent.close();
            pty.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
