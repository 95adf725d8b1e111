package io.packcheck.station.hub;

import io.packcheck.protocol.JsonFields;
import io.packcheck.station.store.Outbox;
import io.packcheck.station.store.SqliteOrderCache;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heartbeat: tells the hub the agent's version, the scanner's state, the events waiting and the cache's age,
 * and learns from the answer how far the station's clock is off the hub's.
 */
final class HeartbeatLoop {

    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatLoop.class);

    private final HubExchange hub;
    private final LinkHealth health;
    private final SqliteOrderCache cache;
    private final Outbox outbox;
    private final Supplier<String> scannerState;
    private final Clock clock;
    private volatile Optional<Duration> clockSkew = Optional.empty();

    HeartbeatLoop(HubExchange hub, LinkHealth health, SqliteOrderCache cache, Outbox outbox, Supplier<String> scannerState,
                  Clock clock) {
        this.hub = hub;
        this.health = health;
        this.cache = cache;
        this.outbox = outbox;
        this.scannerState = scannerState;
        this.clock = clock;
    }

    void start() {
        hub.vertx().setPeriodic(1, hub.settings().heartbeatEvery().toMillis(), id -> beat());
    }

    /** The station's clock minus the hub's, from the last heartbeat (half the round trip allowed for). */
    Optional<Duration> clockSkew() {
        return clockSkew;
    }

    private void beat() {
        if (hub.stopped()) {
            return;
        }
        hub.blocking(() -> new QueueAndCache(outbox.depth(), cache.cacheAge()))
                .compose(facts -> {
                    Optional<Duration> age = facts.cacheAge();
                    Instant sentAt = clock.instant();
                    JsonObject body = new JsonObject()
                            .put("agentVersion", hub.settings().agentVersion())
                            .put("scannerState", scannerState.get())
                            .put("queueDepth", facts.queueDepth())
                            .put("cacheAgeSeconds", age.map(a -> Math.max(0, a.toSeconds())).orElse(null))
                            .put("clock", sentAt.toString());
                    return hub.post("/api/v1/station/heartbeat").timeout(10_000).sendJsonObject(body)
                            .compose(response -> hub.expectOk(response, "heartbeat"))
                            .map(response -> {
                                Instant receivedAt = clock.instant();
                                Instant hubTime = JsonFields.optionalInstant(response.bodyAsJsonObject(), "hubTime")
                                        .orElseThrow(() -> new IllegalStateException("heartbeat answer has no hubTime"));
                                Instant middle = sentAt.plus(Duration.between(sentAt, receivedAt).dividedBy(2));
                                return Duration.between(hubTime, middle);
                            });
                })
                .onSuccess(skew -> {
                    health.reached();
                    clockSkew = Optional.of(skew);
                    if (skew.abs().compareTo(Duration.ofSeconds(2)) > 0) {
                        LOG.warn("station clock is {} ms off the hub's", skew.toMillis());
                    }
                })
                .onFailure(e -> LOG.debug("heartbeat failed: {}", HubExchange.describe(e)));
    }

    private record QueueAndCache(long queueDepth, Optional<Duration> cacheAge) {}
}
