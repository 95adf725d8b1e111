package io.packcheck.station.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.packcheck.station.store.ImportReport;
import io.packcheck.station.store.JsonLinesImport;
import io.packcheck.station.store.SqliteOrderCache;
import io.packcheck.station.store.StationDatabase;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/** What the agent tests share: a catalog imported into a data directory, and the packer screen's view over HTTP. */
final class ScreenViews {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ScreenViews() {}

    /** Imports these JSON lines into the station's cache in {@code dataDir}; every line must apply. */
    static void seed(Path dataDir, String... lines) {
        try (StationDatabase db = StationDatabase.openIn(dataDir)) {
            ImportReport report = new JsonLinesImport(new SqliteOrderCache(db, Clock.systemUTC()))
                    .run(new BufferedReader(new StringReader(String.join("\n", lines))), r -> { });
            assertThat(report.refused()).isEmpty();
        }
    }

    /** The verdict code the view shows, or "" before the first scan. */
    static String verdict(JsonObject view) {
        return view.getJsonObject("verdict") == null ? "" : view.getJsonObject("verdict").getString("code");
    }

    /** The packer screen's view once it satisfies {@code wanted}, asked every 50 ms for up to 15 s. */
    static JsonObject view(int port, Predicate<JsonObject> wanted) {
        AtomicReference<JsonObject> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).ignoreExceptions().until(() -> {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/view")).build(), HttpResponse.BodyHandlers.ofString());
            JsonObject view = new JsonObject(response.body());
            last.set(view);
            return wanted.test(view);
        });
        return last.get();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
