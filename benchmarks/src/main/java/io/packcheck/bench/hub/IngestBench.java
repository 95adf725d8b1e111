package io.packcheck.bench.hub;

import io.packcheck.hub.auth.CredentialKind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Event ingest from simulated stations over {@code POST /api/v1/station/events}, in two phases:
 * <ol>
 *   <li>offered load: every station sends a batch on its own timer so that all together offer the target
 *       rate (default 5,000 events/s), as real stations do; latency per batch is recorded;</li>
 *   <li>saturation: every station sends its next batch as soon as the last is answered, to find the ceiling.</li>
 * </ol>
 * Both follow an unreported 10 s warm-up at the offered load.
 * Arguments: stations (200), seconds per phase (20), events per batch (10), offered events/s (5000).
 */
public final class IngestBench {

    private static final int WARM_UP_SECONDS = 10;

    public static void main(String[] args) throws Exception {
        int stations = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int batchSize = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int offered = args.length > 3 ? Integer.parseInt(args[3]) : 5000;
        try (HubUnderLoad hub = new HubUnderLoad(stations + 10)) {
            String[] tokens = new String[stations];
            for (int s = 0; s < stations; s++) {
                tokens[s] = hub.secret(CredentialKind.STATION, "ST-" + s);
            }
            AtomicLong[] seqs = new AtomicLong[stations];
            for (int s = 0; s < stations; s++) {
                seqs[s] = new AtomicLong();
            }
            long periodMillis = Math.max(1, Math.round(1000.0 * batchSize * stations / offered));
            // Warm-up at the offered load, unreported: connections open and the JIT compiles the ingest path,
            // which on 2 cores otherwise takes a core away from the first seconds of the measurement.
            System.out.printf("warm-up: %d s at the offered load%n", WARM_UP_SECONDS);
            run(hub, tokens, seqs, batchSize, WARM_UP_SECONDS, periodMillis, false);
            System.out.printf("ingest, offered load: %d stations, a batch of %d every %d ms each (%d events/s offered), %d s%n",
                    stations, batchSize, periodMillis, offered, seconds);
            run(hub, tokens, seqs, batchSize, seconds, periodMillis, true);
            System.out.printf("ingest, saturation: %d stations sending back to back, batches of %d, %d s%n",
                    stations, batchSize, seconds);
            run(hub, tokens, seqs, batchSize, seconds, 0, true);
        }
    }

    private static void run(HubUnderLoad hub, String[] tokens, AtomicLong[] seqs, int batchSize, int seconds,
                            long periodMillis, boolean report) throws InterruptedException {
        int stations = tokens.length;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong stored = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch done = new CountDownLatch(stations);
        for (int s = 0; s < stations; s++) {
            int station = s;
            long firstDelay = periodMillis == 0 ? 1 : 1 + (periodMillis * s) / stations;
            hub.clientVertx.setTimer(firstDelay, t -> send(hub, tokens, seqs, station, batchSize, periodMillis, end,
                    latencies, stored, failed, done));
        }
        if (!done.await(seconds + 120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("stations did not finish");
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (report) {
            long[] nanos = latencies.stream().mapToLong(Long::longValue).toArray();
            System.out.printf("  stored %d events in %.1f s = %.0f events/s; failed batches %d; batch latency %s%n",
                    stored.get(), elapsed, stored.get() / elapsed, failed.get(), HubUnderLoad.latencyLine(nanos));
        }
    }

    private static void send(HubUnderLoad hub, String[] tokens, AtomicLong[] seqs, int station, int batchSize,
                             long periodMillis, long end, ConcurrentLinkedQueue<Long> latencies, AtomicLong stored,
                             AtomicLong failed, CountDownLatch done) {
        long now = System.nanoTime();
        if (now >= end) {
            done.countDown();
            return;
        }
        JsonArray events = new JsonArray();
        for (int i = 0; i < batchSize; i++) {
            long seq = seqs[station].incrementAndGet();
            events.add(new JsonObject().put("id", UUID.randomUUID().toString()).put("seq", seq)
                    .put("kind", "SCAN").put("verdict", seq % 50 == 0 ? "WRONG_ITEM" : "MATCH")
                    .put("at", java.time.Instant.now().toString()).put("stationId", "ST-" + station)
                    .put("packer", "P-" + station).put("orderId", "ORD-" + station + "-" + seq / 20).put("orderVersion", 1)
                    .put("sku", "SKU-" + seq % 1000).put("raw", "]E005901234123457").put("quantity", 1).put("reason", ""));
        }
        hub.client.post("/api/v1/station/events").bearerTokenAuthentication(tokens[station])
                .sendJsonObject(new JsonObject().put("events", events))
                .onComplete(r -> {
                    long took = System.nanoTime() - now;
                    latencies.add(took);
                    if (r.succeeded() && r.result().statusCode() == 200) {
                        stored.addAndGet(r.result().bodyAsJsonObject().getJsonArray("stored").size());
                    } else {
                        failed.incrementAndGet();
                    }
                    long wait = periodMillis == 0 ? 0 : Math.max(1, periodMillis - TimeUnit.NANOSECONDS.toMillis(took));
                    if (wait == 0) {
                        send(hub, tokens, seqs, station, batchSize, periodMillis, end, latencies, stored, failed, done);
                    } else {
                        hub.clientVertx.setTimer(wait, t -> send(hub, tokens, seqs, station, batchSize, periodMillis, end,
                                latencies, stored, failed, done));
                    }
                });
    }
}
