package io.packcheck.hub.cli;

import io.packcheck.hub.HubConfig;
import io.packcheck.hub.HubVerticle;
import io.packcheck.hub.http.HubServices.Limits;
import io.packcheck.hub.storage.Storage;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code serve --port P --data DIR [--tls-cert PEM --tls-key PEM]}: runs the hub until stopped. */
@Command(name = "serve", description = "run the hub")
public final class ServeCommand implements Callable<Integer> {

    @Mixin
    DataDir data;
    @Option(names = "--port", defaultValue = "8080", description = "HTTP port; default: ${DEFAULT-VALUE}")
    int port;
    @Option(names = "--tls-cert", paramLabel = "PEM", description = "certificate chain (PEM) to serve HTTPS")
    Path tlsCert;
    @Option(names = "--tls-key", paramLabel = "PEM", description = "private key (PEM, PKCS#8 or PKCS#1) for --tls-cert")
    Path tlsKey;
    @Option(names = "--claim-idle-minutes", defaultValue = "30", paramLabel = "MINUTES",
            description = "a station's claim on an order ends after this long without a word from it; default: ${DEFAULT-VALUE}")
    long claimIdleMinutes;

    @Override
    public Integer call() throws Exception {
        HubConfig config = new HubConfig(port, Optional.ofNullable(tlsCert), Optional.ofNullable(tlsKey), Limits.defaults(),
                Duration.ofMinutes(claimIdleMinutes));
        Optional<String> problem = config.problem();
        if (problem.isPresent()) {
            System.err.println(problem.get());
            return 2;
        }
        Storage storage = Storage.sqlite(data.dir(), Clock.systemUTC());
        Vertx vertx = Vertx.vertx();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
            storage.close();
            stopped.countDown();
        }, "hub-shutdown"));
        try {
            vertx.deployVerticle(new HubVerticle(config, storage, Clock.systemUTC())).await();
        } catch (Exception e) {
            System.err.println("the hub did not start: " + e.getMessage());
            vertx.close();
            return 1;
        }
        stopped.await();
        return 0;
    }
}
