package io.packcheck.hub.http;

import io.packcheck.core.catalog.OrderStatus;
import io.packcheck.hub.auth.CredentialKind;
import io.packcheck.hub.orders.OrderCommand;
import io.packcheck.hub.orders.VerificationDetail;
import io.packcheck.hub.parcels.ParcelJson;
import io.packcheck.protocol.JsonFields;
import io.packcheck.protocol.OrderCodec;
import io.packcheck.protocol.OrderCodec.OrderContent;
import io.packcheck.hub.storage.Missing;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Arrays;
import java.util.Optional;

/** Ops: orders in (one, or bulk NDJSON), cancel / hold / release, and their status with verification detail. */
public final class OrderRoutes {

    public static final int MAX_PAGE_SIZE = 500;

    private final HubServices hub;

    public OrderRoutes(HubServices hub) {
        this.hub = hub;
    }

    public void mount(Router router) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(hub.limits().jsonBody());
        var ops = hub.auth().require(CredentialKind.APIKEY);
        router.post("/api/v1/orders/bulk").setName("bulkOrders")
                .handler(ctx -> {
                    ctx.request().pause();
                    ctx.next();
                })
                .handler(ops)
                .handler(new NdjsonImport<OrderContent>(hub,
                        json -> OrderCodec.contentFromJson(
                                JsonFields.requireKey("id", JsonFields.optionalString(json, "id", 64).orElse(null)), json),
                        content -> hub.storage().catalog().putOrder(content).write())::handle);
        router.put("/api/v1/orders/:id").setName("putOrder").handler(body).handler(ops).handler(this::put);
        router.post("/api/v1/orders/:id/cancel").setName("cancelOrder").handler(body).handler(ops)
                .handler(ctx -> command(ctx, OrderCommand.CANCEL));
        router.post("/api/v1/orders/:id/hold").setName("holdOrder").handler(body).handler(ops)
                .handler(ctx -> command(ctx, OrderCommand.HOLD));
        router.post("/api/v1/orders/:id/release").setName("releaseOrder").handler(body).handler(ops)
                .handler(ctx -> command(ctx, OrderCommand.RELEASE));
        router.get("/api/v1/orders/:id").setName("getOrder").handler(ops).handler(this::get);
        router.get("/api/v1/orders").setName("listOrders").handler(ops).handler(this::list);
    }

    private void put(RoutingContext ctx) {
        OrderContent content = OrderCodec.contentFromJson(Bodies.pathKey(ctx, "id"), Bodies.json(ctx));
        hub.db().call(() -> hub.storage().catalog().putOrder(content))
                .onSuccess(w -> Bodies.respond(ctx, ItemRoutes.status(w.write()), new JsonObject()
                        .put("result", ItemRoutes.result(w.write())).put("order", OrderCodec.toJson(w.order()))))
                .onFailure(ctx::fail);
    }

    private void command(RoutingContext ctx, OrderCommand command) {
        String id = Bodies.pathKey(ctx, "id");
        Optional<String> reason = JsonFields.optionalString(Bodies.optionalJson(ctx), "reason", 500);
        hub.db().call(() -> hub.storage().catalog().command(id, command, reason))
                .onSuccess(order -> Bodies.respond(ctx, 200, new JsonObject().put("order", OrderCodec.toJson(order))))
                .onFailure(ctx::fail);
    }

    private void get(RoutingContext ctx) {
        String id = Bodies.pathKey(ctx, "id");
        hub.db().call(() -> {
            var order = hub.storage().catalog().order(id)
                    .filter(o -> o.order().id().equals(id))
                    .orElseThrow(() -> new Missing("id", "order " + id + " does not exist"));
            return OrderCodec.toJson(order)
                    .put("verification", VerificationDetail.of(hub.storage().events().forOrder(id),
                            hub.storage().catalog().linesAt(id))
                            .put("parcels", ParcelJson.ofOrder(hub.storage().parcels().ofOrder(id))));
        }).onSuccess(json -> Bodies.respond(ctx, 200, json)).onFailure(ctx::fail);
    }

    private void list(RoutingContext ctx) {
        Optional<OrderStatus> status = Bodies.query(ctx, "status").map(s -> {
            try {
                return OrderStatus.valueOf(s);
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest("status", "status '" + s + "' is not one of " + Arrays.toString(OrderStatus.values()));
            }
        });
        int page = Bodies.intQuery(ctx, "page", 1, 1_000_000, 1);
        int pageSize = Bodies.intQuery(ctx, "pageSize", 1, MAX_PAGE_SIZE, 50);
        hub.db().call(() -> hub.storage().catalog().orders(status, page, pageSize))
                .onSuccess(p -> {
                    JsonArray orders = new JsonArray();
                    p.orders().forEach(o -> orders.add(OrderCodec.toJson(o)));
                    Bodies.respond(ctx, 200, new JsonObject().put("orders", orders).put("page", p.page())
                            .put("pageSize", p.pageSize()).put("total", p.total()));
                })
                .onFailure(ctx::fail);
    }
}
