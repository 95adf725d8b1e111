package io.packcheck.station.screen;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.verify.Verdict;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The screen's HTTP side over real HTTP on a free port. */
class PackerScreenHttpTest {

    private final BlockingQueue<String> codes = new LinkedBlockingQueue<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private Vertx vertx;
    private PackerScreen screen;
    private int port;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        screen = new PackerScreen(vertx, codes::add, "pack-07");
        port = screen.start(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        screen.stop().compose(v -> vertx.close()).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void refusesAnEmptyOrMissingCodeNamingTheField() throws Exception {
        HttpResponse<String> empty = post("{\"code\":\"   \"}");
        HttpResponse<String> missing = post("{\"kode\":\"123\"}");
        HttpResponse<String> notJson = post("123");

        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(empty.body()).getString("error")).isEqualTo("code: is empty");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(missing.body()).getString("error")).startsWith("code: is missing");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(codes.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void acceptsACodeAndHandsItOnTrimmed() throws Exception {
        HttpResponse<String> response = post("{\"code\":\" ]E04006381333931\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(codes.poll(5, TimeUnit.SECONDS)).isEqualTo("]E04006381333931");
    }

    @Test
    void servesTheLatestViewAsJson() throws Exception {
        screen.show(new ScreenView("pack-07", Optional.of(new ScreenView.OpenOrder("SO-9",
                List.of(new ScreenView.Line("A", "", 4, 2)))),
                Optional.of(new ScreenView.LastVerdict(Verdict.OVER_QUANTITY, "only 2 ordered")),
                Optional.of("scan CLEAR"), Optional.empty(), ScreenView.HubLink.CONNECTED,
                Optional.of(Duration.ofHours(3).plusMinutes(5)), 1200));

        JsonObject view = new JsonObject(get("/api/view").body());

        assertThat(view.getJsonObject("verdict").getString("headline")).isEqualTo("Too many");
        assertThat(view.getJsonObject("verdict").getString("tone")).isEqualTo("bad");
        assertThat(view.getJsonObject("order").getJsonArray("lines").getJsonObject(0).getString("state")).isEqualTo("over");
        assertThat(view.getJsonObject("order").getJsonArray("lines").getJsonObject(0).getString("name")).isEqualTo("A");
        assertThat(view.getString("cacheAge")).isEqualTo("3 h 5 min");
        assertThat(view.getLong("eventsWaiting")).isEqualTo(1200);
    }

    @Test
    void servesThePage() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<input id=\"code\"");
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/codes"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
