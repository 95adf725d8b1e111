package io.packcheck.station.hub;

import io.packcheck.station.store.Outbox;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox sender: oldest unconfirmed events first, in batches, until none is left; on each tick and whenever the
 * runtime appended events. A failed send is retried at the backoff, or at once when the hub is back.
 */
final class OutboxSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final long SEND_TIMEOUT_MILLIS = 30_000;

    private final HubExchange hub;
    private final Outbox outbox;
    private boolean sending;
    private boolean sendAgain;
    private int failures;
    private long retryTimer = -1;

    OutboxSender(HubExchange hub, Outbox outbox) {
        this.hub = hub;
        this.outbox = outbox;
    }

    void start() {
        hub.vertx().setPeriodic(hub.settings().sendTick().toMillis(), id -> sendPending());
        sendPending();
    }

    /** The hub is back: a retry waiting for its timer goes now. */
    void resumeNow() {
        if (retryTimer != -1 && hub.vertx().cancelTimer(retryTimer)) {
            retryTimer = -1;
        }
        sendPending();
    }

    void sendPending() {
        if (hub.stopped()) {
            return;
        }
        if (sending) {
            sendAgain = true;
            return;
        }
        if (retryTimer != -1) {
            // backing off: the retry timer sends what is waiting
            return;
        }
        sending = true;
        sendAgain = false;
        hub.blocking(() -> outbox.oldestUnconfirmedWire(hub.settings().batchSize()))
                .compose(batch -> batch.isEmpty() ? Future.succeededFuture(0) : send(batch))
                .onComplete(ar -> {
                    sending = false;
                    if (hub.stopped()) {
                        return;
                    }
                    if (ar.succeeded()) {
                        failures = 0;
                        if (ar.result() > 0 || sendAgain) {
                            sendPending();
                        }
                    } else {
                        long delay = hub.retryDelay(failures++);
                        LOG.warn("sending events to the hub failed ({}); retrying in {} ms",
                                HubExchange.describe(ar.cause()), delay);
                        retryTimer = hub.vertx().setTimer(Math.max(1, delay), id -> {
                            retryTimer = -1;
                            sendPending();
                        });
                    }
                });
    }

    private Future<Integer> send(List<Outbox.WireEvent> batch) {
        // the outbox keeps each event as its wire body, so the batch is sent exactly as stored
        String body = batch.stream().map(Outbox.WireEvent::body).collect(Collectors.joining(",", "{\"events\":[", "]}"));
        return hub.post("/api/v1/station/events")
                .putHeader("Content-Type", "application/json")
                .timeout(SEND_TIMEOUT_MILLIS)
                .sendBuffer(Buffer.buffer(body))
                .compose(response -> hub.expectOk(response, "event ingest"))
                .compose(response -> {
                    JsonObject answer = response.bodyAsJsonObject();
                    Set<UUID> confirmed = new HashSet<>();
                    confirmed.addAll(ids(answer.getJsonArray("stored")));
                    confirmed.addAll(ids(answer.getJsonArray("duplicates")));
                    Map<UUID, String> rejected = rejections(answer.getJsonArray("rejected"), batch);
                    return hub.blocking(() -> {
                        outbox.confirm(confirmed);
                        if (!rejected.isEmpty()) {
                            outbox.reject(rejected);
                        }
                        return batch.size();
                    });
                })
                .onFailure(e -> {
                    if (!hub.stopped()) {
                        hub.blocking(() -> {
                            outbox.markSent(batch.stream().map(Outbox.WireEvent::id).toList());
                            return null;
                        });
                    }
                });
    }

    /** The hub can never accept these: they are set aside with its reason (kept in the outbox, not resent). */
    private static Map<UUID, String> rejections(JsonArray rejected, List<Outbox.WireEvent> batch) {
        Map<UUID, String> out = new HashMap<>();
        if (rejected == null) {
            return out;
        }
        for (int i = 0; i < rejected.size(); i++) {
            JsonObject r = rejected.getJsonObject(i);
            Integer index = r.getInteger("index");
            if (index == null || index < 0 || index >= batch.size()) {
                continue;
            }
            Outbox.WireEvent event = batch.get(index);
            String reason = r.getString("field", "") + ": " + r.getString("message", "rejected");
            LOG.error("the hub rejected outbox event {} (sequence {}) for good: {}; set aside", event.id(),
                    event.sequence(), reason);
            out.put(event.id(), reason);
        }
        return out;
    }

    private static List<UUID> ids(JsonArray ids) {
        List<UUID> out = new ArrayList<>();
        if (ids != null) {
            for (int i = 0; i < ids.size(); i++) {
                out.add(UUID.fromString(ids.getString(i)));
            }
        }
        return out;
    }
}
