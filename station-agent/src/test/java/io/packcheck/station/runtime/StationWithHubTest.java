package io.packcheck.station.runtime;

import static org.awaitility.Awaitility.await;
import static io.packcheck.station.runtime.Stations.AMBER;
import static io.packcheck.station.runtime.Stations.GREEN;
import static io.packcheck.station.runtime.Stations.LIGHT_OFF;
import static io.packcheck.station.runtime.Stations.MUG;
import static io.packcheck.station.runtime.Stations.RED;
import static io.packcheck.station.runtime.Stations.RED_MUG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.packcheck.core.verify.PackEvent;
import io.packcheck.core.verify.Verdict;
import io.packcheck.station.config.Secret;
import io.packcheck.station.config.StationConfig;
import io.packcheck.station.hub.InProcessHub;
import io.packcheck.station.scanner.SocatPty;
import io.packcheck.station.store.Outbox;
import io.packcheck.station.store.OutboxEntry;
import io.packcheck.station.store.StationDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
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
    private final HttpClient http = HttpClient.newHttpClient();

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
        int screenPort = freePort();
        try (InProcessHub hub = hubWithMugs(Optional.empty(), "SO-78", 3);
                Running station = start(hub, Optional.empty(), screenPort)) {
            station.scan("SO-78");
            assertThat(lights.next()).isEqualTo(GREEN);
            station.scan(MUG);
            assertThat(lights.next()).isEqualTo(GREEN);

            long cancelled = System.nanoTime();
            hub.cancel("SO-78", "customer cancelled");

            assertThat(lights.next()).isEqualTo(RED);
            System.out.printf("cancel to red light: %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelled));
            assertThat(eventuallyView(screenPort, v -> v.getString("lock") != null).getString("lock"))
                    .startsWith("DO NOT SHIP: order SO-78 was cancelled (customer cancelled)");
            station.scan(MUG);
            assertThat(lights.next()).as("a blocked order takes no more items").isEqualTo(RED);
        }
    }

    @Test
    void aHoldBlocksTheOpenOrderUntilReleasedAndChangedLinesAreCheckedAgainstTheBox() throws Exception {
        int screenPort = freePort();
        try (InProcessHub hub = hubWithMugs(Optional.empty(), "SO-82", 3);
                Running station = start(hub, Optional.empty(), screenPort)) {
            station.scan("SO-82");
            assertThat(lights.next()).isEqualTo(GREEN);
            station.scan(MUG);
            assertThat(lights.next()).isEqualTo(GREEN);
            station.scan(MUG);
            assertThat(lights.next()).isEqualTo(GREEN);

            hub.hold("SO-82", "address check");
            assertThat(lights.next()).as("held: red at once").isEqualTo(RED);
            String held = eventuallyView(screenPort, v -> v.getString("lock") != null).getString("lock");
            station.scan(MUG);
            assertThat(lights.next()).isEqualTo(RED);
            hub.release("SO-82");
            assertThat(lights.next()).as("released: packing goes on").isEqualTo(GREEN);
            JsonObject released = eventuallyView(screenPort, v -> v.getString("lock") == null);
            hub.putOrder("SO-82", "MUG-BLUE", 1, "TOTE-SO-82");
            assertThat(lights.next()).as("two mugs in the box, one now ordered").isEqualTo(RED);
            JsonObject changed = eventuallyView(screenPort, v -> v.getString("lock") != null);

            assertThat(held).startsWith("DO NOT SHIP: order SO-82 is on hold (address check)");
            assertThat(released.getString("lock")).isNull();
            assertThat(released.getJsonObject("order").getJsonArray("lines").getJsonObject(0).getInteger("scanned"))
                    .as("the scan made while held was not counted").isEqualTo(2);
            assertThat(changed.getJsonObject("verdict").getString("code")).isEqualTo("OVER_QUANTITY");
            assertThat(changed.getJsonObject("order").getJsonArray("lines").getJsonObject(0).getInteger("expected"))
                    .isEqualTo(1);
            eventually("the hub has the station's over-quantity after the change",
                    () -> hub.events().stream().anyMatch(e -> "OVER_QUANTITY".equals(e.getString("verdict"))));
        }
    }

    @Test
    void withoutTheHubTheStationBlinksAmberShowsTheCacheAgeKeepsPackingAndSendsEverythingOnceBack() throws Exception {
        int screenPort = freePort();
        try (InProcessHub hub = hubWithMugs(Optional.empty(), "SO-83", 2);
                Running station = start(hub, Optional.empty(), screenPort)) {
            station.scan("SO-83");
            assertThat(lights.next()).isEqualTo(GREEN);
            eventually("the hub has the station's first event", () -> hub.events().size() == 1);

            hub.stop();
            String blinking = lights.awaitLine(l -> l.contains("amber=blink"), Duration.ofSeconds(20));
            JsonObject offline = eventuallyView(screenPort, v -> "disconnected".equals(v.getString("hubState")));
            JsonObject later = eventuallyView(screenPort, v -> v.getString("cacheAge") != null
                    && !v.getString("cacheAge").equals(offline.getString("cacheAge")));
            station.scan(MUG);
            assertThat(lights.next()).as("packing goes on from the cache, the amber blink stays")
                    .isEqualTo("LIGHTS green=on amber=blink red=off buzzer=beep");
            station.scan(MUG);
            assertThat(lights.next()).as("the order completes offline").startsWith("LIGHTS green=on amber=blink");
            JsonObject waiting = eventuallyView(screenPort, v -> v.getLong("eventsWaiting") == 3);
            hub.start();

            assertThat(blinking).isEqualTo("LIGHTS green=off amber=blink red=off buzzer=off");
            assertThat(offline.getString("hub")).containsIgnoringCase("not connected");
            assertThat(offline.getString("cacheAge")).as("the screen says how old the cache is").isNotBlank();
            assertThat(later.getString("hubState")).as("the age moves on while nobody scans").isEqualTo("disconnected");
            assertThat(waiting.getString("hubState")).isEqualTo("disconnected");
            eventually("the hub has the order VERIFIED", () -> hub.orderStatus("SO-83").equals("VERIFIED"));
            eventually("every event at the hub", () -> hub.events().size() == 4);
            assertThat(hub.events()).extracting(e -> e.getString("id")).doesNotHaveDuplicates();
            eventuallyView(screenPort, v -> "connected".equals(v.getString("hubState")) && v.getLong("eventsWaiting") == 0);
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

    @Test
    void aRevokedStationBlinksAmberSaysWhyOnTheScreenAndKeepsItsScansInTheOutbox() throws Exception {
        int screenPort = freePort();
        try (InProcessHub hub = hubWithMugs(Optional.empty(), "SO-81", 3);
                Running station = start(hub, Optional.empty(), screenPort)) {
            station.scan("SO-81");
            assertThat(lights.next()).isEqualTo(GREEN);
            eventually("the hub has the station's first event", () -> hub.events().size() == 1);

            hub.revokeStation("pack-07");
            // the hub remembers a verified token for up to 5 s: wait until it refuses it, then scan
            eventually("the hub refuses the revoked token", () -> hub.refuses(station.token()));
            station.scan(MUG);
            assertThat(lights.next()).as("the scan still verifies against the cache").isEqualTo(GREEN);

            String blinking = lights.awaitLine(l -> l.contains("amber=blink"), Duration.ofSeconds(20));
            JsonObject view = eventuallyView(screenPort, v -> !v.getJsonArray("notices").isEmpty());
            station.scan("SO-NOT-CACHED");
            lights.awaitLine(AMBER::equals, Duration.ofSeconds(10));

            assertThat(blinking).as("hub unreachable: slow amber blink").contains("amber=blink");
            assertThat(view.getJsonArray("notices").getList()).containsExactly(PackStation.HUB_REFUSES);
            assertThat(view.getString("hubState")).isEqualTo("disconnected");
            assertThat(view.getLong("eventsWaiting")).isPositive();
            assertThat(hub.events()).as("nothing of the revoked station reached the hub").hasSize(1);

            station.scan(hub.enrolment("pack-07"));
            lights.awaitLine(AMBER::equals, Duration.ofSeconds(10));
            assertThat(view(screenPort).getJsonArray("notices").getList())
                    .as("a hub from the settings is not replaced by a code").anySatisfy(n -> assertThat((String) n).contains("set in its configuration").contains("scans are kept"));
        }

        try (StationDatabase db = StationDatabase.openIn(dir.resolve("station-data"))) {
            List<PackEvent> kept = new Outbox(db, Clock.systemUTC()).oldestUnconfirmed(100).stream()
                    .map(OutboxEntry::event).toList();
            assertThat(kept).as("the scans made while refused wait in the outbox")
                    .extracting(PackEvent::kind, PackEvent::verdict, e -> e.sku().orElse(""))
                    .containsExactly(
                            tuple(PackEvent.EventKind.SCAN, Verdict.MATCH, "MUG-BLUE"),
                            tuple(PackEvent.EventKind.SCAN, Verdict.UNKNOWN_CODE, ""));
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
        return start(hub, hubCa, 0);
    }

    /** As {@link #start(InProcessHub, Optional)}, with the packer screen on {@code screenPort} (0: none). */
    private Running start(InProcessHub hub, Optional<Path> hubCa, int screenPort) throws Exception {
        String token = hub.stationToken("pack-07");
        SocatPty pty = SocatPty.start(dir);
        StationConfig config = new StationConfig("pack-07", Optional.of(pty.stationEnd()), "generic",
                StationConfig.LightsMode.CONSOLE, "generic", Map.of(), Optional.of(hub.uri()), Optional.of(new Secret(token)),
                Optional.empty(), hubCa, dir.resolve("station-data"), screenPort, ZoneId.of("UTC"), false, Duration.ofDays(7));
        StationAgent agent = StationAgent.start(config, lights.printStream());
        assertThat(lights.next()).isEqualTo(LIGHT_OFF);
        StationEndToEndTest.awaitConnected(agent);
        return new Running(pty, agent, token);
    }

    private record Running(SocatPty pty, StationAgent agent, String token) implements AutoCloseable {
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

    private JsonObject view(int port) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/view")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new JsonObject(response.body());
    }

    /** The packer screen's view once it satisfies {@code wanted}, asked every 50 ms for up to 15 s. */
    private JsonObject eventuallyView(int port, Predicate<JsonObject> wanted) {
        return await("the wanted packer screen").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> view(port), wanted::test);
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
