package io.packcheck.hub.http;

import io.packcheck.hub.auth.CredentialKind;
import io.packcheck.hub.dashboard.LiveUpdates;
import io.packcheck.protocol.FeedCodec;
import io.packcheck.protocol.JsonFields;
import io.packcheck.protocol.ProtocolException;
import io.packcheck.hub.storage.CatalogRepository.FeedPage;
import io.packcheck.hub.storage.Missing;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.time.Instant;

/** Stations: the change feed with long-poll, one-off order lookups, and heartbeats. */
public final class StationSyncRoutes {

    public static final int MAX_WAIT_SECONDS = 30;
    public static final int MAX_FEED_LIMIT = 1000;

    private final HubServices hub;

    public StationSyncRoutes(HubServices hub) {
        this.hub = hub;
    }

    public void mount(Router router) {
        var station = hub.auth().require(CredentialKind.STATION);
        router.get("/api/v1/station/feed").setName("stationFeed").handler(station).handler(this::feed);
        router.get("/api/v1/station/orders/:id").setName("stationOrder").handler(station).handler(this::order);
        router.post("/api/v1/station/heartbeat").setName("stationHeartbeat")
                .handler(BodyHandler.create(false).setBodyLimit(16 * 1024)).handler(station).handler(this::heartbeat);
    }

    private void feed(RoutingContext ctx) {
        long after = Cursors.decode('f', Bodies.query(ctx, "after"), "after");
        int waitSeconds = Bodies.intQuery(ctx, "wait", 0, MAX_WAIT_SECONDS, 0);
        int limit = Bodies.intQuery(ctx, "limit", 1, MAX_FEED_LIMIT, 500);
        read(after, limit)
                .compose(page -> page.changes().isEmpty() && waitSeconds > 0
                        ? hub.feed().await(hub.vertx(), after, waitSeconds * 1000L).compose(v -> read(after, limit))
                        : Future.succeededFuture(page))
                .onSuccess(page -> {
                    JsonArray changes = new JsonArray(page.changes());
                    Bodies.respond(ctx, 200, new JsonObject()
                            .put("cursor", Cursors.encode('f', page.cursor()))
                            .put("changes", changes)
                            .put("more", page.changes().size() == limit));
                })
                .onFailure(ctx::fail);
    }

    private Future<FeedPage> read(long after, int limit) {
        return hub.db().call(() -> hub.storage().catalog().feed(after, limit));
    }

    private void order(RoutingContext ctx) {
        String id = Bodies.pathKey(ctx, "id");
        hub.db().call(() -> hub.storage().catalog().order(id)
                        .orElseThrow(() -> new Missing("id", "no order has the id or alias " + id)))
                .onSuccess(order -> Bodies.respond(ctx, 200, FeedCodec.order(order)))
                .onFailure(ctx::fail);
    }

    private void heartbeat(RoutingContext ctx) {
        JsonObject body = Bodies.json(ctx);
        JsonObject stored = new JsonObject()
                .put("agentVersion", JsonFields.requireString(body, "agentVersion", 40))
                .put("scannerState", JsonFields.requireString(body, "scannerState", 40))
                .put("queueDepth", JsonFields.requireLong(body, "queueDepth", 0, Long.MAX_VALUE))
                .put("cacheAgeSeconds", JsonFields.optionalLong(body, "cacheAgeSeconds", 0, Long.MAX_VALUE).orElse(null));
        Instant stationClock = JsonFields.optionalInstant(body, "clock")
                .orElseThrow(() -> new ProtocolException("clock", "clock is required"));
        Instant now = hub.clock().instant();
        long skewMillis = Duration.between(now, stationClock).toMillis();
        stored.put("clock", stationClock.toString()).put("skewMillis", skewMillis);
        String stationId = BearerAuth.principal(ctx).name();
        hub.db().call(() -> {
            hub.storage().events().heartbeat(stationId, stored.encode(), now);
            return null;
        }).onSuccess(v -> {
            LiveUpdates.changed(hub.vertx(), "heartbeat", stationId);
            Bodies.respond(ctx, 200, new JsonObject().put("hubTime", now.toString()).put("skewMillis", skewMillis));
        }).onFailure(ctx::fail);
    }
}
