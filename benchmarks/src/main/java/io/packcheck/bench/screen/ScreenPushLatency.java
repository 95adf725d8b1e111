package io.packcheck.bench.screen;

import io.packcheck.core.verify.Verdict;
import io.packcheck.station.screen.PackerScreen;
import io.packcheck.station.screen.ScreenAccess;
import io.packcheck.station.screen.ScreenView;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Prints how long a view takes from {@link PackerScreen#show} to a subscriber of the page's event
 * stream (the browser's part, parsing and placing text, comes on top). Run:
 * {@code java -cp benchmarks/target/benchmarks.jar io.packcheck.bench.screen.ScreenPushLatency [views]}.
 */
public final class ScreenPushLatency {

    public static void main(String[] args) throws Exception {
        int views = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        Vertx vertx = Vertx.vertx();
        PackerScreen screen = new PackerScreen(vertx, ScreenAccess.loopback(), (code, from) -> {}, "bench");
        int port = screen.start(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        BlockingQueue<Long> received = new LinkedBlockingQueue<>();
        HttpResponse<java.io.InputStream> stream = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/events")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("data: ")) {
                        long now = System.nanoTime();
                        new JsonObject(line.substring(6));
                        received.add(now);
                    }
                }
            } catch (Exception e) {
                // the stream ends when the screen stops
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        received.poll(10, TimeUnit.SECONDS); // the view sent on connect

        long[] micros = new long[views];
        for (int i = 0; i < views; i++) {
            ScreenView view = new ScreenView("bench",
                    Optional.of(new ScreenView.OpenOrder("SO-" + i, List.of(
                            new ScreenView.Line("MUG", "Blue Mug", i % 3, 3),
                            new ScreenView.Line("TEA", "Green Tea", 1, 2)))),
                    Optional.of(new ScreenView.LastVerdict(Verdict.MATCH, "Blue Mug counted")),
                    Optional.empty(), Optional.of("Ann"), ScreenView.HubLink.CONNECTED, Optional.empty(), i);
            long start = System.nanoTime();
            screen.show(view);
            long at = received.poll(10, TimeUnit.SECONDS);
            micros[i] = (at - start) / 1_000;
        }
        Arrays.sort(micros);
        System.out.printf("packer screen push, show() -> SSE frame received, %d views:%n", views);
        System.out.printf("  p50 %.2f ms  p99 %.2f ms  max %.2f ms%n",
                micros[views / 2] / 1000.0, micros[(int) (views * 0.99)] / 1000.0, micros[views - 1] / 1000.0);
        screen.stop().compose(v -> vertx.close()).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        System.exit(0);
    }

    private ScreenPushLatency() {}
}
