package io.packcheck.bench.hub;

import io.packcheck.hub.HubConfig;
import io.packcheck.hub.HubVerticle;
import io.packcheck.hub.auth.CredentialKind;
import io.packcheck.hub.auth.Principal;
import io.packcheck.hub.auth.Secrets;
import io.packcheck.hub.storage.Storage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real hub (HTTP on a free loopback port, SQLite file in a temporary directory) and a client for a
 * load harness. The hub and the load share the JVM and the machine, as a hub and its stations' traffic
 * would not; figures are therefore on the pessimistic side.
 */
final class HubUnderLoad implements AutoCloseable {

    final Vertx hubVertx = Vertx.vertx();
    final Vertx clientVertx = Vertx.vertx();
    final Path dataDir;
    final Storage storage;
    final HubVerticle verticle;
    final WebClient client;

    HubUnderLoad(int connections) {
        try {
            dataDir = Files.createTempDirectory("packcheck-hub-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        storage = Storage.sqlite(dataDir, Clock.systemUTC());
        verticle = new HubVerticle(HubConfig.plain(0), storage, Clock.systemUTC());
        await(hubVertx.deployVerticle(verticle));
        client = WebClient.create(clientVertx,
                new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(verticle.actualPort()),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
    }

    String secret(CredentialKind kind, String name) {
        String secret = Secrets.generate(kind);
        storage.credentials().create(new Principal(kind, name, Optional.empty()), Secrets.hash(secret));
        return secret;
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Percentile of sorted nanosecond samples, in milliseconds. */
    static double percentileMillis(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
    }

    static String latencyLine(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("n=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms", sorted.length,
                percentileMillis(sorted, 50), percentileMillis(sorted, 90), percentileMillis(sorted, 99),
                percentileMillis(sorted, 100));
    }

    @Override
    public void close() {
        client.close();
        await(clientVertx.close());
        await(hubVertx.close());
        storage.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
