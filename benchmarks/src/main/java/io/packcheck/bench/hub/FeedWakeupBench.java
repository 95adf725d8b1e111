package io.packcheck.bench.hub;

import io.packcheck.hub.auth.CredentialKind;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Feed wake-up: stations long-poll {@code GET /api/v1/station/feed?wait=30}; the harness cancels an
 * order and measures, per station, the time from sending the cancel until that station has the change.
 * Arguments: stations (200), rounds (20).
 */
public final class FeedWakeupBench {

    public static void main(String[] args) {
        int stations = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        try (HubUnderLoad hub = new HubUnderLoad(stations + 10)) {
            String key = hub.secret(CredentialKind.APIKEY, "bench");
            String[] tokens = new String[stations];
            for (int s = 0; s < stations; s++) {
                tokens[s] = hub.secret(CredentialKind.STATION, "ST-" + s);
            }
            for (int o = 0; o <= rounds; o++) {
                HubUnderLoad.await(hub.client.put("/api/v1/orders/ORD-" + o).bearerTokenAuthentication(key)
                        .sendJsonObject(new JsonObject().put("lines", new JsonArray()
                                .add(new JsonObject().put("sku", "SKU-1").put("quantity", 1)))));
            }
            String cursor = HubUnderLoad.await(hub.client.get("/api/v1/station/feed?limit=1000")
                    .bearerTokenAuthentication(tokens[0]).send()).bodyAsJsonObject().getString("cursor");
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            long missed = 0;
            for (int round = 0; round <= rounds; round++) {
                List<Future<JsonObject>> polls = new ArrayList<>();
                long[] receivedAt = new long[stations];
                for (int s = 0; s < stations; s++) {
                    int station = s;
                    polls.add(hub.client.get("/api/v1/station/feed?wait=30&after=" + cursor)
                            .bearerTokenAuthentication(tokens[s]).timeout(40_000).send()
                            .map(r -> {
                                receivedAt[station] = System.nanoTime();
                                return r.bodyAsJsonObject();
                            }));
                }
                awaitWaiting(hub, stations);
                long sent = System.nanoTime();
                HubUnderLoad.await(hub.client.post("/api/v1/orders/ORD-" + round + "/cancel").bearerTokenAuthentication(key).send());
                HubUnderLoad.await(Future.all(polls));
                for (int s = 0; s < stations; s++) {
                    JsonObject page = polls.get(s).result();
                    if (page.getJsonArray("changes").isEmpty()) {
                        missed++;
                    } else if (round > 0) {
                        // round 0 warms up connections and code paths
                        latencies.add(receivedAt[s] - sent);
                    }
                }
                cursor = polls.get(0).result().getString("cursor");
            }
            long[] nanos = latencies.stream().mapToLong(Long::longValue).toArray();
            System.out.printf("feed wake-up: %d long-polling stations x %d rounds; cancel sent -> change received: %s; "
                    + "stations woken without the change: %d%n", stations, rounds, HubUnderLoad.latencyLine(nanos), missed);
        }
    }

    /** Until every station's long-poll is parked at the hub (the readiness endpoint counts them). */
    private static void awaitWaiting(HubUnderLoad hub, int stations) {
        Promise<Void> all = Promise.promise();
        long deadline = System.nanoTime() + 30_000_000_000L;
        hub.clientVertx.setPeriodic(5, id -> hub.client.get("/health/ready").send().onSuccess(r -> {
            if (r.bodyAsJsonObject().getInteger("waitingStations") >= stations || System.nanoTime() > deadline) {
                hub.clientVertx.cancelTimer(id);
                all.tryComplete();
            }
        }));
        HubUnderLoad.await(all.future());
    }
}
