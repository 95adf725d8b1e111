package io.packcheck.station.runtime;

import java.time.Duration;
import static org.awaitility.Awaitility.await;
import static io.packcheck.station.runtime.Stations.AMBER;
import static io.packcheck.station.runtime.Stations.GREEN;
import static io.packcheck.station.runtime.Stations.LIGHT_OFF;
import static io.packcheck.station.runtime.Stations.MUG;
import static io.packcheck.station.runtime.Stations.ORDER;
import static io.packcheck.station.runtime.Stations.RED;
import static io.packcheck.station.runtime.Stations.RED_MUG;
import static io.packcheck.station.runtime.Stations.SCANNER_OFFLINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.packcheck.core.verify.PackEvent;
import io.packcheck.core.verify.PackEvent.EventKind;
import io.packcheck.core.verify.PackSession;
import io.packcheck.core.verify.Verdict;
import io.packcheck.station.scanner.ScannerState;
import io.packcheck.station.scanner.SocatPty;
import io.packcheck.station.store.Outbox;
import io.packcheck.station.store.OutboxEntry;
import io.packcheck.station.store.PackSessionJson;
import io.packcheck.station.store.SessionStore;
import io.packcheck.station.store.StationDatabase;
import io.packcheck.station.StationMain;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The whole station in one JVM: real bytes through a socat pty and jssc, console lights, a real SQLite file. */
class StationEndToEndTest {

    @TempDir
    Path dir;

    private final LightsLines lights = new LightsLines();

    @Test
    void packsAnOrderThroughTheScannerRefusingTheWrongItemUntilClearedAndKeepsEveryEventInOrder() throws Exception {
        Path data = dir.resolve("data");
        Stations.seed(data, 2);
        try (SocatPty pty = SocatPty.start(dir);
                StationAgent agent = StationAgent.start(Stations.config(data, Optional.of(pty.stationEnd()), 0),
                        lights.printStream())) {
            assertThat(lights.next()).isEqualTo(LIGHT_OFF);
            awaitConnected(agent);

            pty.send(ORDER + "\r");
            assertThat(lights.next()).isEqualTo(GREEN);
            pty.send(MUG + "\r");
            assertThat(lights.next()).isEqualTo(GREEN);
            pty.send(RED_MUG + "\r");
            assertThat(lights.next()).isEqualTo(RED);
            pty.send(MUG + "\r");
            assertThat(lights.next()).isEqualTo(RED);
            pty.send("PCK-CLEAR\r");
            assertThat(lights.next()).isEqualTo(GREEN);
            pty.send("\u0007\u0001noise\r");
            assertThat(lights.next()).isEqualTo(AMBER);
            pty.send(MUG + "\r");
            assertThat(lights.next()).isEqualTo(GREEN);
        }

        assertThat(lights.unread()).containsExactly(LIGHT_OFF);
        try (StationDatabase db = StationDatabase.openIn(data)) {
            List<PackEvent> events = new Outbox(db, Clock.systemUTC()).oldestUnconfirmed(100).stream()
                    .map(OutboxEntry::event).toList();
            assertThat(events).extracting(PackEvent::kind, PackEvent::verdict, e -> e.sku().orElse("")).containsExactly(
                    tuple(EventKind.ORDER_OPENED, Verdict.ORDER_OPENED, ""),
                    tuple(EventKind.SCAN, Verdict.MATCH, "MUG-BLUE"),
                    tuple(EventKind.SCAN, Verdict.WRONG_ITEM, "MUG-RED"),
                    tuple(EventKind.SCAN, Verdict.LOCKED, "MUG-BLUE"),
                    tuple(EventKind.SESSION_CLEARED, Verdict.COMMAND_ACCEPTED, "MUG-RED"),
                    tuple(EventKind.SCAN, Verdict.UNREADABLE, ""),
                    tuple(EventKind.SCAN, Verdict.ORDER_COMPLETE, "MUG-BLUE"),
                    tuple(EventKind.ORDER_COMPLETED, Verdict.ORDER_COMPLETE, ""));
            assertThat(events).allSatisfy(e -> assertThat(e.stationId()).isEqualTo("pack-07"));
            Optional<PackSession> session = new SessionStore<>(db, new Outbox(db, Clock.systemUTC()), new PackSessionJson(),
                    Clock.systemUTC()).current();
            assertThat(session).hasValueSatisfying(s -> assertThat(s.order()).isEmpty());
        }
    }

    @Test
    void sendsTheScannerProfilesBadScanCommandToTheHandheldOnAMismatchAndOnEachScanWhileLocked() throws Exception {
        Path data = dir.resolve("data");
        Stations.seed(data, 2);
        try (SocatPty pty = SocatPty.start(dir);
                InputStream handheld = pty.scannerInput();
                StationAgent agent = StationAgent.start(
                        Stations.config(data, Optional.of(pty.stationEnd()), 0, "zebra-ls2208-rs232"), lights.printStream())) {
            assertThat(lights.next()).isEqualTo(LIGHT_OFF);
            awaitConnected(agent);
            CompletableFuture<Integer> heardAtTheHandheld = CompletableFuture.supplyAsync(() -> firstByte(handheld));

            pty.send(ORDER + "\r");
            assertThat(lights.next()).isEqualTo(GREEN);
            pty.send(RED_MUG + "\r");
            assertThat(lights.next()).isEqualTo(RED);

            // the LS2208 profile's badScanHex is 07: BEL, which "Beep on <BEL>" turns into a beep at the handheld
            assertThat(heardAtTheHandheld.get(10, TimeUnit.SECONDS)).isEqualTo(0x07);
            CompletableFuture<Integer> heardAgain = CompletableFuture.supplyAsync(() -> firstByte(handheld));
            pty.send(MUG + "\r");
            assertThat(lights.next()).isEqualTo(RED);

            // the mug is on the order but not counted while locked: the handheld must not only good-read beep
            assertThat(heardAgain.get(10, TimeUnit.SECONDS)).isEqualTo(0x07);
        }
    }

    private static int firstByte(InputStream in) {
        try {
            return in.read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aScannerUnpluggedWhilePackingShowsOfflineAndPacksOnWhenPluggedBackWithoutARestart() throws Exception {
        Path data = dir.resolve("data");
        Stations.seed(data, 1);
        SocatPty pty = SocatPty.start(dir);
        try (StationAgent agent = StationAgent.start(Stations.config(data, Optional.of(pty.stationEnd()), 0),
                lights.printStream())) {
            assertThat(lights.next()).isEqualTo(LIGHT_OFF);
            awaitConnected(agent);

            pty.close();
            assertThat(lights.next()).isEqualTo(SCANNER_OFFLINE);
            pty = SocatPty.start(dir);
            assertThat(lights.next()).isEqualTo(LIGHT_OFF);
            awaitConnected(agent);
            pty.send(ORDER + "\r");
            assertThat(lights.next()).isEqualTo(GREEN);
            pty.send(MUG + "\r");

            assertThat(lights.next()).isEqualTo(GREEN);
        } finally {
            pty.close();
        }
        try (StationDatabase db = StationDatabase.openIn(data)) {
            assertThat(new Outbox(db, Clock.systemUTC()).oldestUnconfirmed(100)).extracting(e -> e.event().verdict())
                    .containsExactly(Verdict.ORDER_OPENED, Verdict.ORDER_COMPLETE, Verdict.ORDER_COMPLETE);
        }
    }

    @Test
    void aScannerThatIsNotPluggedInShowsOfflineAndIsReadOncePluggedIn() throws Exception {
        Path data = dir.resolve("data");
        Stations.seed(data, 5);
        Path stationEnd = dir.resolve("later-station");
        try (StationAgent agent = StationAgent.start(Stations.config(data, Optional.of(stationEnd.toString()), 0),
                lights.printStream())) {
            assertThat(lights.next()).isEqualTo(LIGHT_OFF);
            assertThat(lights.next()).isEqualTo(SCANNER_OFFLINE);

            try (SocatPty pty = SocatPty.start(stationEnd, dir.resolve("later-scanner"))) {
                assertThat(lights.next()).isEqualTo(LIGHT_OFF);
                awaitConnected(agent);
                pty.send(ORDER + "\r");
                assertThat(lights.next()).isEqualTo(GREEN);
            }
        }
    }

    @Test
    void anImportIntoTheRunningStationsDataFolderRechecksTheOpenOrderAndRenewsThePackerScreen() throws Exception {
        Path data = dir.resolve("data");
        Stations.seed(data, 3);
        int screenPort = freePort();
        try (SocatPty pty = SocatPty.start(dir);
                StationAgent agent = StationAgent.start(Stations.config(data, Optional.of(pty.stationEnd()), screenPort),
                        lights.printStream())) {
            assertThat(lights.next()).isEqualTo(LIGHT_OFF);
            awaitConnected(agent);
            pty.send(ORDER + "\r");
            assertThat(lights.next()).isEqualTo(GREEN);
            pty.send(MUG + "\r");
            assertThat(lights.next()).isEqualTo(GREEN);
            pty.send(MUG + "\r");
            assertThat(lights.next()).isEqualTo(GREEN);

            Path file = dir.resolve("change.jsonl");
            Files.writeString(file, String.join("\n",
                    "{\"type\":\"item\",\"sku\":\"MUG-BLUE\",\"name\":\"Blue Mug, large\",\"barcodes\":[{\"code\":\"" + MUG + "\"}]}",
                    "{\"type\":\"order\",\"id\":\"" + ORDER + "\",\"lines\":[{\"sku\":\"MUG-BLUE\",\"quantity\":1}]}"));
            int exit = new CommandLine(new StationMain()).execute("import", "--data", data.toString(), file.toString());

            assertThat(exit).isZero();
            assertThat(lights.next()).as("two mugs packed, one now ordered: too many in the box").isEqualTo(RED);
            JsonObject view = eventuallyView(screenPort, v -> v.getJsonObject("order") != null
                    && v.getJsonObject("order").getJsonArray("lines").getJsonObject(0).getInteger("expected") == 1);
            assertThat(view.getJsonObject("order").getJsonArray("lines").getJsonObject(0).getString("name"))
                    .isEqualTo("Blue Mug, large");
            assertThat(view.getJsonObject("verdict").getString("code")).isEqualTo("OVER_QUANTITY");

            Files.writeString(file, "{\"type\":\"order\",\"id\":\"" + ORDER + "\",\"status\":\"cancelled\","
                    + "\"lines\":[{\"sku\":\"MUG-BLUE\",\"quantity\":1}]}");
            assertThat(new CommandLine(new StationMain()).execute("import", "--data", data.toString(), file.toString())).isZero();

            JsonObject cancelled = eventuallyView(screenPort, v -> v.getJsonObject("verdict") != null
                    && "ORDER_BLOCKED".equals(v.getJsonObject("verdict").getString("code")));
            assertThat(cancelled.getString("lock")).startsWith("DO NOT SHIP: order " + ORDER + " was cancelled");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The packer screen's view once it satisfies {@code wanted}, asked every 50 ms for up to 10 s. */
    private static JsonObject eventuallyView(int port, Predicate<JsonObject> wanted) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/view")).build();
        return await("the wanted packer screen").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> new JsonObject(http.send(request, HttpResponse.BodyHandlers.ofString()).body()), wanted::test);
    }

    static void awaitConnected(StationAgent agent) {
        await("scanner connected").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(() -> agent.scannerState().orElseThrow() instanceof ScannerState.Connected);
    }
}
