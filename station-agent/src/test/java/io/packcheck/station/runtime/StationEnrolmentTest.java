package io.packcheck.station.runtime;

import static org.awaitility.Awaitility.await;
import static io.packcheck.station.runtime.Stations.AMBER;
import static io.packcheck.station.runtime.Stations.GREEN;
import static io.packcheck.station.runtime.Stations.LIGHT_OFF;
import static io.packcheck.station.runtime.Stations.MUG;
import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.enrol.Enrolment;
import io.packcheck.station.config.StationConfig;
import io.packcheck.station.enrol.EnrolmentFiles;
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
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A station started without a hub joins one by scanning the enrolment code (real hub in-process, real HTTP,
 * real SQLite, scans through a socat pty), and stays joined after a restart.
 */
class StationEnrolmentTest {

    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();
    private final LightsLines lights = new LightsLines();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void closeVertx() {
        InProcessHub.await(vertx.close());
    }

    @Test
    void joinsTheHubWithOneScanOfTheEnrolmentCodeAndStaysJoinedAfterARestart() throws Exception {
        try (InProcessHub hub = new InProcessHub(vertx, dir.resolve("hub"))) {
            hub.putItem("MUG-BLUE", MUG);
            hub.putOrder("SO-91", "MUG-BLUE", 2, "TOTE-91");
            String enrolment = hub.enrolment("pack-21");
            Path data = dir.resolve("station-data");
            int screenPort = freePort();

            try (SocatPty pty = SocatPty.start(dir);
                    StationAgent agent = StationAgent.start(config(data, pty.stationEnd(), screenPort, "host-default"),
                            false, lights.printStream())) {
                assertThat(lights.next()).isEqualTo(LIGHT_OFF);
                StationEndToEndTest.awaitConnected(agent);

                pty.send(enrolment + "\r");

                assertThat(lights.next()).isEqualTo(GREEN);
                JsonObject view = view(screenPort);
                assertThat(view.getString("stationId")).isEqualTo("pack-21");
                assertThat(view.getJsonArray("notices")).isEmpty();
                pty.send("TOTE-91\r");
                assertThat(lights.next()).as("an order only the hub knows opens").isEqualTo(GREEN);
                pty.send(MUG + "\r");
                assertThat(lights.next()).isEqualTo(GREEN);
            }

            Path tokenFile = data.resolve(EnrolmentFiles.TOKEN_FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
            assertThat(Files.readString(tokenFile).strip()).startsWith("pcs_");
            assertThat(Files.readString(data.resolve(EnrolmentFiles.ENROLMENT_FILE)))
                    .contains("pack-21").contains(hub.uri().toString()).doesNotContain("pcs_");

            lights.unread(); // the lights-off line of the stop
            try (SocatPty pty = SocatPty.start(Files.createDirectories(dir.resolve("again")));
                    StationAgent agent = StationAgent.start(config(data, pty.stationEnd(), screenPort, "host-default"),
                            false, lights.printStream())) {
                assertThat(lights.next()).isEqualTo(LIGHT_OFF);
                StationEndToEndTest.awaitConnected(agent);
                assertThat(view(screenPort).getString("stationId")).isEqualTo("pack-21");

                pty.send(MUG + "\r");

                assertThat(lights.next()).isEqualTo(GREEN);
                eventually("the hub has SO-91 VERIFIED from the restarted station's events",
                        () -> hub.orderStatus("SO-91").equals("VERIFIED"));
            }
            assertThat(hub.events()).allSatisfy(e -> assertThat(e.getString("stationId")).isEqualTo("pack-21"));
        }
    }

    @Test
    void aRevokedStationKeepsItsScansUntilANewCodeJoinsItAgainThenSendsThem() throws Exception {
        try (InProcessHub hub = new InProcessHub(vertx, dir.resolve("hub"))) {
            hub.putItem("MUG-BLUE", MUG);
            hub.putOrder("SO-92", "MUG-BLUE", 2, "TOTE-92");
            Path data = dir.resolve("station-data");
            int screenPort = freePort();

            try (SocatPty pty = SocatPty.start(dir);
                    StationAgent agent = StationAgent.start(config(data, pty.stationEnd(), screenPort, "host-default"),
                            false, lights.printStream())) {
                assertThat(lights.next()).isEqualTo(LIGHT_OFF);
                StationEndToEndTest.awaitConnected(agent);
                pty.send(hub.enrolment("pack-25") + "\r");
                assertThat(lights.next()).isEqualTo(GREEN);
                pty.send("TOTE-92\r");
                assertThat(lights.next()).isEqualTo(GREEN);
                eventually("the hub has the opened order", () -> hub.events().size() == 1);

                hub.revokeStation("pack-25");
                String revoked = Files.readString(data.resolve(EnrolmentFiles.TOKEN_FILE)).strip();
                eventually("the hub refuses the revoked token", () -> hub.refuses(revoked));
                pty.send(MUG + "\r");
                assertThat(lights.next()).isEqualTo(GREEN);
                lights.awaitLine(l -> l.contains("amber=blink"), Duration.ofSeconds(20));
                assertThat(view(screenPort).getJsonArray("notices").getList()).containsExactly(PackStation.HUB_REFUSES);
                assertThat(hub.events()).as("the scan waits in the station's outbox").hasSize(1);

                pty.send(hub.enrolment("pack-25") + "\r");
                eventually("the screen to show the station joined again", () -> {
                    JsonObject view = viewQuietly(screenPort);
                    return view.getJsonArray("notices").isEmpty() && view.getString("hubState").equals("connected");
                });
                eventually("the scan kept while refused to reach the hub", () -> hub.events().size() == 2);
                pty.send(MUG + "\r");
                eventually("the hub has SO-92 VERIFIED", () -> hub.orderStatus("SO-92").equals("VERIFIED"));
            }
            assertThat(hub.events()).extracting(e -> e.getString("verdict"))
                    .containsExactly("ORDER_OPENED", "MATCH", "ORDER_COMPLETE", "ORDER_COMPLETE");
        }
    }

    @Test
    void aSupersededCodeTypedOnTheScreenShowsAmberAndSaysWhyThenTheNewCodeJoins() throws Exception {
        try (InProcessHub hub = new InProcessHub(vertx, dir.resolve("hub"))) {
            String old = hub.enrolment("pack-22");
            String current = hub.enrolment("pack-22");
            int screenPort = freePort();

            try (SocatPty pty = SocatPty.start(dir);
                    StationAgent agent = StationAgent.start(config(dir.resolve("data"), pty.stationEnd(), screenPort,
                            "host-default"), false, lights.printStream())) {
                assertThat(lights.next()).isEqualTo(LIGHT_OFF);
                StationEndToEndTest.awaitConnected(agent);

                type(screenPort, old);

                assertThat(lights.next()).isEqualTo(AMBER);
                JsonObject view = view(screenPort);
                assertThat(view.getJsonArray("notices").getString(0))
                        .startsWith("Could not join the hub").contains("a newer enrolment code was issued");
                assertThat(view.getString("stationId")).isEqualTo("host-default");
                assertThat(dir.resolve("data").resolve(EnrolmentFiles.TOKEN_FILE)).doesNotExist();

                pty.send(current + "\r");

                assertThat(lights.next()).isEqualTo(GREEN);
                assertThat(view(screenPort).getJsonArray("notices")).isEmpty();
            }
        }
    }

    @Test
    void anUnreachableHubShowsAmberAndSaysSo() throws Exception {
        int closedPort = freePort();
        String enrolment = new Enrolment(URI.create("http://127.0.0.1:" + closedPort), "pack-23",
                Enrolment.newCode(new SecureRandom())).encode();
        int screenPort = freePort();

        try (SocatPty pty = SocatPty.start(dir);
                StationAgent agent = StationAgent.start(config(dir.resolve("data"), pty.stationEnd(), screenPort,
                        "host-default"), false, lights.printStream())) {
            assertThat(lights.next()).isEqualTo(LIGHT_OFF);
            StationEndToEndTest.awaitConnected(agent);

            pty.send(enrolment + "\r");

            assertThat(lights.next()).isEqualTo(AMBER);
            assertThat(view(screenPort).getJsonArray("notices").getString(0)).contains("cannot be reached");
        }
    }

    @Test
    void aStationWithAnExplicitIdRefusesACodeForAnotherStationWithoutUsingItUp() throws Exception {
        try (InProcessHub hub = new InProcessHub(vertx, dir.resolve("hub"))) {
            String enrolment = hub.enrolment("pack-24");
            int screenPort = freePort();

            try (SocatPty pty = SocatPty.start(dir);
                    StationAgent agent = StationAgent.start(config(dir.resolve("data"), pty.stationEnd(), screenPort,
                            "pack-07"), true, lights.printStream())) {
                assertThat(lights.next()).isEqualTo(LIGHT_OFF);
                StationEndToEndTest.awaitConnected(agent);

                pty.send(enrolment + "\r");

                assertThat(lights.next()).isEqualTo(AMBER);
                assertThat(view(screenPort).getJsonArray("notices").getString(0))
                        .contains("set up as station pack-07").contains("pack-24");
            }
            Enrolment parsed = ((io.packcheck.core.enrol.EnrolmentParse.Parsed) Enrolment.parse(enrolment)).enrolment();
            assertThat(new io.packcheck.station.enrol.JdkHttpEnroller(Duration.ofSeconds(5), java.time.Clock.systemUTC()).exchange(parsed))
                    .as("the code still works for its own station")
                    .isInstanceOf(io.packcheck.station.enrol.HubEnroller.Exchange.Token.class);
        }
    }

    private static StationConfig config(Path data, String scannerPort, int screenPort, String stationId) {
        return new StationConfig(stationId, Optional.of(scannerPort), "generic", StationConfig.LightsMode.CONSOLE,
                "generic", Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), data, screenPort,
                ZoneId.of("UTC"), false, Duration.ofDays(7));
    }

    private JsonObject view(int port) throws IOException, InterruptedException {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/view")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new JsonObject(response.body());
    }

    private JsonObject viewQuietly(int port) {
        try {
            return view(port);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** As the screen's own page types: same origin, with the token it got from the station. */
    private void type(int port, String code) throws IOException, InterruptedException {
        String token = new JsonObject(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/session"))
                .build(), HttpResponse.BodyHandlers.ofString()).body()).getString("token");
        var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/codes"))
                .header("Content-Type", "application/json")
                .header("Origin", "http://localhost:" + port)
                .header("X-PackCheck-Token", token)
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("code", code).encode())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode() / 100).isEqualTo(2);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void eventually(String what, Supplier<Boolean> condition) {
        await(what).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(condition::get);
    }
}
