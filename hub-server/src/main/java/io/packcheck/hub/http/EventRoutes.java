package io.packcheck.hub.http;

import io.packcheck.hub.auth.CredentialKind;
import io.packcheck.core.verify.PackEvent;
import io.packcheck.protocol.PackEventCodec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Integrators: every station event in the hub's stable order. Keeping the returned cursor and asking
 * again from it reads each event exactly once.
 */
public final class EventRoutes {

    public static final int MAX_LIMIT = 1000;

    private final HubServices hub;

    public EventRoutes(HubServices hub) {
        this.hub = hub;
    }

    public void mount(Router router) {
        router.get("/api/v1/events").setName("listEvents")
                .handler(hub.auth().require(CredentialKind.APIKEY)).handler(this::list);
    }

    private void list(RoutingContext ctx) {
        long after = Cursors.decode('e', Bodies.query(ctx, "after"), "after");
        int limit = Bodies.intQuery(ctx, "limit", 1, MAX_LIMIT, 100);
        hub.db().call(() -> {
            JsonArray out = new JsonArray();
            long cursor = after;
            for (var stored : hub.storage().events().after(after, limit)) {
                JsonObject json = PackEventCodec.toJson(stored.event()).put("receivedAt", stored.receivedAt().toString());
                if (stored.event().event().kind() == PackEvent.EventKind.ORDER_COMPLETED) {
                    // the integrator learns from the completion itself that a supervisor let something through
                    json.put("overridden", hub.storage().events().completedUnderOverride(stored.hubSeq()));
                }
                out.add(json);
                cursor = stored.hubSeq();
            }
            return new JsonObject().put("events", out).put("cursor", Cursors.encode('e', cursor));
        }).onSuccess(page -> Bodies.respond(ctx, 200, page)).onFailure(ctx::fail);
    }
}
