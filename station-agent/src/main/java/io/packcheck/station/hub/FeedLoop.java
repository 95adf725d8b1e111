package io.packcheck.station.hub;

import io.packcheck.core.catalog.Order;
import io.packcheck.protocol.FeedCodec;
import io.packcheck.protocol.FeedPage;
import io.packcheck.station.store.CatalogChange;
import io.packcheck.station.store.CatalogJson;
import io.packcheck.station.store.SqliteOrderCache;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feed: long-polls the hub's changes, applies each page with its cursor in one transaction, asks again at
 * once; after a failure it retries at the backoff, or at once when the hub is back.
 */
final class FeedLoop {

    private static final Logger LOG = LoggerFactory.getLogger(FeedLoop.class);
    private static final int FEED_LIMIT = 500;

    private final HubExchange hub;
    private final LinkHealth health;
    private final SqliteOrderCache cache;
    private int failures;
    private long retryTimer = -1;

    FeedLoop(HubExchange hub, LinkHealth health, SqliteOrderCache cache) {
        this.hub = hub;
        this.health = health;
        this.cache = cache;
    }

    void start() {
        poll();
    }

    /** The hub is back: a poll waiting for its retry goes now. */
    void resumeNow() {
        if (retryTimer != -1 && hub.vertx().cancelTimer(retryTimer)) {
            retryTimer = -1;
            poll();
        }
    }

    private void poll() {
        retryTimer = -1;
        if (hub.stopped()) {
            return;
        }
        long waitSeconds = hub.settings().feedWait().toSeconds();
        hub.blocking(cache::feedCursor)
                .compose(cursor -> {
                    HttpRequest<Buffer> get = hub.get("/api/v1/station/feed")
                            .addQueryParam("wait", Long.toString(waitSeconds))
                            .addQueryParam("limit", Integer.toString(FEED_LIMIT))
                            // the hub holds the request up to the wait; only silence beyond that is a failure
                            .timeout(TimeUnit.SECONDS.toMillis(waitSeconds + 15));
                    cursor.ifPresent(c -> get.addQueryParam("after", c));
                    return get.send();
                })
                .compose(response -> hub.expectOk(response, "feed"))
                .map(response -> FeedCodec.page(response.bodyAsJsonObject()))
                .compose(page -> hub.blocking(() -> apply(page)))
                .onSuccess(changed -> {
                    failures = 0;
                    health.reached();
                    if (!changed.isEmpty()) {
                        health.ordersChanged(changed);
                    }
                    poll();
                })
                .onFailure(e -> {
                    if (hub.stopped()) {
                        return;
                    }
                    long delay = hub.retryDelay(failures++);
                    LOG.warn("hub feed failed ({}); retrying in {} ms", HubExchange.describe(e), delay);
                    retryTimer = hub.vertx().setTimer(Math.max(1, delay), id -> poll());
                });
    }

    /** Applies a page in one transaction with its cursor; returns the orders it changed. */
    private List<Order> apply(FeedPage page) {
        List<CatalogChange> changes = page.changes().stream().map(CatalogJson::change).toList();
        cache.applyChanges(changes, Optional.of(page.cursor()));
        Map<String, Order> orders = new LinkedHashMap<>();
        for (CatalogChange change : changes) {
            if (change instanceof CatalogChange.PutOrder put) {
                orders.put(put.order().id(), put.order());
            }
        }
        return List.copyOf(orders.values());
    }
}
