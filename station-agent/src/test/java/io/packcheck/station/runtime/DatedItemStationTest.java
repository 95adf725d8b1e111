package io.packcheck.station.runtime;

import static io.packcheck.station.runtime.Stations.AMBER;
import static io.packcheck.station.runtime.Stations.GREEN;
import static io.packcheck.station.runtime.Stations.LIGHT_OFF;
import static io.packcheck.station.runtime.Stations.RED;
import static io.packcheck.station.runtime.ScreenViews.freePort;
import static io.packcheck.station.runtime.ScreenViews.verdict;
import static io.packcheck.station.runtime.ScreenViews.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.packcheck.core.verify.PackEvent;
import io.packcheck.core.verify.Verdict;
import io.packcheck.station.scanner.SocatPty;
import io.packcheck.station.store.Outbox;
import io.packcheck.station.store.OutboxEntry;
import io.packcheck.station.store.StationDatabase;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dated item through the whole station: real pty and jssc, the rules, SQLite, console lights and the packer screen. */
class DatedItemStationTest {

    static final String MILK = "4012345678901";
    static final String MILK_14 = "04012345678901";
    static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    @TempDir
    Path dir;

    private final LightsLines lights = new LightsLines();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPlainEanOfADatedItemShowsAmberAndAsksForTheDateThenItsGs1CodeCountsItAndAnExpiredDateLocksRed() throws Exception {
        Path data = dir.resolve("data");
        seed(data);
        int screenPort = freePort();
        // the station's clock is the system clock, in UTC (see Stations.config)
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try (SocatPty pty = SocatPty.start(dir);
                StationAgent agent = StationAgent.start(Stations.config(data, Optional.of(pty.stationEnd()), screenPort),
                        lights.printStream())) {
            assertThat(lights.next()).isEqualTo(LIGHT_OFF);
            StationEndToEndTest.awaitConnected(agent);
            pty.send("SO-MILK\r");
            assertThat(lights.next()).isEqualTo(GREEN);

            pty.send("]E0" + MILK + "\r");

            assertThat(lights.next()).isEqualTo(AMBER);
            JsonObject waiting = view(screenPort, v -> verdict(v).equals("DATA_REQUIRED"));
            assertThat(waiting.getJsonObject("verdict").getString("reason"))
                    .isEqualTo("Oat Milk (4012345678901) not counted yet: scan the GS1 code with the expiry date on the same"
                            + " unit - or scan UNDO to put it aside");
            assertThat(waiting.getJsonObject("verdict").getString("tone")).isEqualTo("warn");
            assertThat(waiting.getValue("lock")).isNull();
            JsonObject line = waiting.getJsonObject("order").getJsonArray("lines").getJsonObject(0);
            assertThat(line.getString("state")).isEqualTo("waiting");
            assertThat(line.getString("waitingFor")).isEqualTo("1 unit not counted yet: scan the GS1 code with the expiry date");
            assertThat(line.getInteger("scanned")).isZero();

            pty.send("]d201" + MILK_14 + "17" + today.plusDays(60).format(YYMMDD) + "\r");

            assertThat(lights.next()).isEqualTo(GREEN);
            JsonObject counted = view(screenPort, v -> verdict(v).equals("MATCH"));
            JsonObject countedLine = counted.getJsonObject("order").getJsonArray("lines").getJsonObject(0);
            assertThat(countedLine.getInteger("scanned")).isEqualTo(1);
            assertThat(countedLine.getString("state")).isEqualTo("open");
            assertThat(countedLine.getValue("waitingFor")).isNull();

            pty.send("]E0" + MILK + "\r");
            assertThat(lights.next()).isEqualTo(AMBER);
            pty.send("]C117" + today.minusDays(1).format(YYMMDD) + "\r");

            assertThat(lights.next()).isEqualTo(RED);
            JsonObject expired = view(screenPort, v -> verdict(v).equals("EXPIRED"));
            assertThat(expired.getString("lock")).isNotNull();
            assertThat(expired.getJsonObject("order").getJsonArray("lines").getJsonObject(0).getInteger("scanned")).isEqualTo(1);
        }

        try (StationDatabase db = StationDatabase.openIn(data)) {
            List<PackEvent> events = new Outbox(db, Clock.systemUTC()).oldestUnconfirmed(100).stream()
                    .map(OutboxEntry::event).toList();
            assertThat(events).extracting(PackEvent::verdict, PackEvent::quantity).containsExactly(
                    tuple(Verdict.ORDER_OPENED, 0),
                    tuple(Verdict.DATA_REQUIRED, 0),
                    tuple(Verdict.MATCH, 1),
                    tuple(Verdict.DATA_REQUIRED, 0),
                    tuple(Verdict.EXPIRED, 1));
        }
    }

    @Test
    void aUnitWaitingForItsDateIsStillWaitingAfterARestart() throws Exception {
        Path data = dir.resolve("data");
        seed(data);
        int screenPort = freePort();
        try (SocatPty pty = SocatPty.start(dir)) {
            try (StationAgent agent = StationAgent.start(Stations.config(data, Optional.of(pty.stationEnd()), screenPort),
                    lights.printStream())) {
                assertThat(lights.next()).isEqualTo(LIGHT_OFF);
                StationEndToEndTest.awaitConnected(agent);
                pty.send("SO-MILK\r");
                assertThat(lights.next()).isEqualTo(GREEN);
                pty.send("]E0" + MILK + "\r");
                assertThat(lights.next()).isEqualTo(AMBER);
            }
            lights.unread();

            try (StationAgent agent = StationAgent.start(Stations.config(data, Optional.of(pty.stationEnd()), screenPort),
                    lights.printStream())) {
                JsonObject view = view(screenPort, v -> v.getJsonObject("order") != null);

                assertThat(view.getJsonObject("order").getJsonArray("lines").getJsonObject(0).getString("waitingFor"))
                        .isEqualTo("1 unit not counted yet: scan the GS1 code with the expiry date");
            }
        }
    }

    private static void seed(Path dataDir) {
        ScreenViews.seed(dataDir,
                "{\"type\":\"item\",\"sku\":\"MILK\",\"name\":\"Oat Milk\",\"minShelfLifeDays\":5,"
                        + "\"barcodes\":[{\"code\":\"" + MILK + "\",\"quantity\":1}]}",
                "{\"type\":\"order\",\"id\":\"SO-MILK\",\"lines\":[{\"sku\":\"MILK\",\"quantity\":2}]}");
    }
}
