package io.packcheck.hub.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Liveness (the process answers) and readiness (the database answers), without authentication. */
public final class HealthRoutes {

    private final HubServices hub;

    public HealthRoutes(HubServices hub) {
        this.hub = hub;
    }

    public void mount(Router router) {
        router.get("/health/live").setName("live").handler(ctx -> Bodies.respond(ctx, 200, new JsonObject().put("status", "UP")));
        router.get("/health/ready").setName("ready").handler(this::ready);
    }

    private void ready(RoutingContext ctx) {
        hub.db().call(() -> hub.storage().database().isHealthy())
                .recover(e -> Future.succeededFuture(false))
                .onSuccess(ok -> Bodies.respond(ctx, ok ? 200 : 503, new JsonObject()
                        .put("status", ok ? "UP" : "DOWN")
                        .put("database", ok ? "UP" : "DOWN")
                        .put("waitingStations", hub.feed().waiting())));
    }
}
