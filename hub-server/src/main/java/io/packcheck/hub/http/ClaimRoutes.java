package io.packcheck.hub.http;

import io.packcheck.hub.auth.CredentialKind;
import io.packcheck.hub.claims.Claim;
import io.packcheck.hub.claims.ClaimConflict;
import io.packcheck.hub.claims.ClaimRules;
import io.packcheck.hub.claims.ClaimService;
import io.packcheck.hub.dashboard.DashboardAccess;
import io.packcheck.hub.dashboard.LiveUpdates;
import io.packcheck.hub.storage.Missing;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Optional;

/**
 * Claims: a station claims the order it opens (409 naming the station that has it), ops and supervisors release a
 * claim, the dashboard lists claims and conflicts.
 */
public final class ClaimRoutes {

    public static final int MAX_ROWS = 1000;

    private final HubServices hub;
    private final ClaimService claims;
    private final DashboardAccess access;

    public ClaimRoutes(HubServices hub, ClaimService claims, DashboardAccess access) {
        this.hub = hub;
        this.claims = claims;
        this.access = access;
    }

    public void mount(Router router) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(4096);
        router.post("/api/v1/station/orders/:id/claim").setName("claimOrder").handler(body)
                .handler(hub.auth().require(CredentialKind.STATION)).handler(this::claim);
        router.post("/api/v1/orders/:id/release-claim").setName("releaseClaim").handler(body)
                .handler(hub.auth().require(CredentialKind.APIKEY)).handler(this::release);
        router.post("/api/v1/dashboard/orders/:id/release-claim").setName("dashboardReleaseClaim").handler(body)
                .handler(access.sameOrigin()).handler(access.session()).handler(this::release);
        router.get("/api/v1/reports/claims").setName("reportClaims").handler(access.reports()).handler(this::list);
    }

    private void claim(RoutingContext ctx) {
        String id = Bodies.pathKey(ctx, "id");
        String stationId = BearerAuth.principal(ctx).name();
        hub.db().call(() -> claims.claim(id, stationId)).onSuccess(answer -> {
            if (answer instanceof ClaimRules.Answer.Granted granted) {
                Bodies.respond(ctx, 200, json(granted.claim()).put("claimed", true).put("renewed", granted.renewed()));
            } else if (answer instanceof ClaimRules.Answer.NoSuchOrder) {
                ctx.fail(noSuchOrder(id));
            } else {
                Claim holder = ((ClaimRules.Answer.Refused) answer).holder();
                ApiError refused = new ApiError(409, "claimed_elsewhere", "id", "order " + id + " is being packed at station "
                        + holder.stationId() + " since " + holder.since());
                Bodies.respond(ctx, 409, ErrorResponses.body(refused).put("claimed", false)
                        .put("stationId", holder.stationId()).put("since", holder.since().toString()));
            }
        }).onFailure(ctx::fail);
    }

    private void release(RoutingContext ctx) {
        String id = Bodies.pathKey(ctx, "id");
        String by = DashboardAccess.user(ctx) != null ? DashboardAccess.user(ctx).name() : BearerAuth.principal(ctx).name();
        hub.db().call(() -> claims.release(id, by)).onSuccess(release -> {
            if (release instanceof ClaimService.Release.NoSuchOrder) {
                ctx.fail(noSuchOrder(id));
                return;
            }
            Optional<Claim> released = release instanceof ClaimService.Release.Released r ? Optional.of(r.claim())
                    : Optional.empty();
            released.ifPresent(c -> LiveUpdates.changed(hub.vertx(), "claims", c.stationId()));
            Bodies.respond(ctx, 200, new JsonObject().put("orderId", id).put("released", released.isPresent())
                    .put("claim", released.map(ClaimRoutes::json).orElse(null)));
        }).onFailure(ctx::fail);
    }

    private void list(RoutingContext ctx) {
        Optional<String> order = Bodies.query(ctx, "orderId");
        int limit = Bodies.intQuery(ctx, "limit", 1, MAX_ROWS, 100);
        hub.db().call(() -> {
            JsonArray active = new JsonArray();
            if (order.isPresent()) {
                claims.current(order.get()).ifPresent(c -> active.add(json(c)));
            } else {
                claims.active(limit).forEach(c -> active.add(json(c)));
            }
            JsonArray conflicts = new JsonArray();
            claims.conflicts(limit).stream().filter(c -> order.map(c.orderId()::equals).orElse(true))
                    .forEach(c -> conflicts.add(json(c)));
            return new JsonObject().put("claims", active).put("conflicts", conflicts)
                    .put("idleMinutes", claims.rules().idle().toMinutes());
        }).onSuccess(json -> Bodies.respond(ctx, 200, json)).onFailure(ctx::fail);
    }

    private static Missing noSuchOrder(String id) {
        return new Missing("id", "order " + id + " does not exist");
    }

    private static JsonObject json(Claim claim) {
        return new JsonObject().put("orderId", claim.orderId()).put("stationId", claim.stationId())
                .put("since", claim.since().toString()).put("lastActive", claim.lastActive().toString());
    }

    private static JsonObject json(ClaimConflict conflict) {
        return new JsonObject().put("orderId", conflict.orderId()).put("claimedBy", conflict.claimedBy())
                .put("claimedSince", conflict.claimedSince().toString()).put("otherStation", conflict.otherStation())
                .put("at", conflict.at().toString()).put("reason", conflict.reason());
    }
}
