package io.packcheck.hub.http;

import io.packcheck.hub.auth.CredentialKind;
import io.packcheck.hub.serials.SerialRules;
import io.packcheck.hub.serials.SerialRules.PackedIn;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * Stations: whether a serial number of a SKU is already in another order's box, asked before a serialised unit
 * counts. The station waits a short time only and counts the unit when no answer comes; the hub then flags the
 * reuse when the scan arrives.
 */
public final class SerialRoutes {

    private final HubServices hub;

    public SerialRoutes(HubServices hub) {
        this.hub = hub;
    }

    public void mount(Router router) {
        router.get("/api/v1/station/serials/:sku/:serial").setName("stationSerial")
                .handler(hub.auth().require(CredentialKind.STATION)).handler(this::packedIn);
    }

    /** GS1 AI 21: up to 20 printable characters, which need not fit the pattern of an id. */
    private static String serial(String value) {
        if (value == null || value.isEmpty()) {
            throw ApiError.badRequest("serial", "serial is required");
        }
        if (value.length() > 20 || value.chars().anyMatch(ch -> ch < 0x21 || ch > 0x7e)) {
            throw ApiError.badRequest("serial", "serial must be 1-20 printable ASCII characters without spaces (GS1 AI 21)");
        }
        return value;
    }

    private void packedIn(RoutingContext ctx) {
        String sku = Bodies.pathKey(ctx, "sku");
        String serial = serial(ctx.pathParam("serial"));
        Optional<String> asking = Bodies.query(ctx, "order");
        hub.db().call(() -> hub.storage().events().serialPackedIn(sku, serial)).onSuccess(found -> {
            JsonArray orders = new JsonArray();
            for (PackedIn p : found) {
                if (asking.filter(p.orderId()::equals).isEmpty()) {
                    orders.add(new JsonObject().put("orderId", p.orderId()).put("stationId", p.stationId())
                            .put("at", p.at().toString()).put("status", p.orderStatus().orElse(null)));
                }
            }
            Bodies.respond(ctx, 200, new JsonObject().put("sku", sku).put("serial", serial)
                    .put("packedElsewhere", !orders.isEmpty())
                    .put("orders", orders));
        }).onFailure(ctx::fail);
    }
}
