package io.packcheck.hub.http;

import io.packcheck.core.catalog.Badge;
import io.packcheck.core.catalog.Item;
import io.packcheck.hub.auth.CredentialKind;
import io.packcheck.protocol.BadgeCodec;
import io.packcheck.protocol.ItemCodec;
import io.packcheck.protocol.JsonFields;
import io.packcheck.hub.storage.Missing;
import io.packcheck.hub.storage.Write;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Locale;

/** Ops: the item catalog and the badges stations cache. */
public final class ItemRoutes {

    private final HubServices hub;

    public ItemRoutes(HubServices hub) {
        this.hub = hub;
    }

    public void mount(Router router) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(hub.limits().jsonBody());
        router.put("/api/v1/items/:sku").setName("putItem")
                .handler(body).handler(hub.auth().require(CredentialKind.APIKEY)).handler(this::putItem);
        router.delete("/api/v1/items/:sku").setName("deleteItem")
                .handler(hub.auth().require(CredentialKind.APIKEY)).handler(this::deleteItem);
        router.post("/api/v1/items/bulk").setName("bulkItems")
                .handler(ctx -> {
                    ctx.request().pause();
                    ctx.next();
                })
                .handler(hub.auth().require(CredentialKind.APIKEY))
                .handler(ctx -> {
                    boolean move = moveBarcodes(ctx);
                    new NdjsonImport<Item>(hub,
                            json -> ItemCodec.fromJson(JsonFields.requireKey("sku", JsonFields.optionalString(json, "sku", 64).orElse(null)), json),
                            item -> hub.storage().catalog().putItem(item, move)).handle(ctx);
                });
        router.put("/api/v1/badges/:code").setName("putBadge")
                .handler(body).handler(hub.auth().require(CredentialKind.APIKEY)).handler(this::putBadge);
    }

    private void putItem(RoutingContext ctx) {
        Item item = ItemCodec.fromJson(Bodies.pathKey(ctx, "sku"), Bodies.json(ctx));
        boolean move = moveBarcodes(ctx);
        hub.db().call(() -> hub.storage().catalog().putItem(item, move))
                .onSuccess(write -> Bodies.respond(ctx, status(write),
                        new JsonObject().put("result", result(write)).put("item", ItemCodec.toJson(item))))
                .onFailure(ctx::fail);
    }

    private void deleteItem(RoutingContext ctx) {
        String sku = Bodies.pathKey(ctx, "sku");
        hub.db().call(() -> hub.storage().catalog().deleteItem(sku)).onSuccess(deleted -> {
            if (deleted) {
                ctx.response().setStatusCode(204).end();
            } else {
                ctx.fail(new Missing("sku", "item " + sku + " does not exist"));
            }
        }).onFailure(ctx::fail);
    }

    private void putBadge(RoutingContext ctx) {
        Badge badge = BadgeCodec.fromJson(Bodies.pathKey(ctx, "code"), Bodies.json(ctx));
        hub.db().call(() -> hub.storage().catalog().putBadge(badge))
                .onSuccess(write -> Bodies.respond(ctx, status(write),
                        new JsonObject().put("result", result(write)).put("badge", BadgeCodec.toJson(badge))))
                .onFailure(ctx::fail);
    }

    /** Moving a code from the item that owns it to another is an explicit act: {@code ?moveBarcodes=true}. */
    private static boolean moveBarcodes(RoutingContext ctx) {
        String value = Bodies.query(ctx, "moveBarcodes").orElse("false");
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ApiError(400, "invalid", "moveBarcodes", "moveBarcodes must be true or false, got '"
                    + value.substring(0, Math.min(value.length(), 40)) + "'");
        };
    }

    static int status(Write write) {
        return write == Write.CREATED ? 201 : 200;
    }

    static String result(Write write) {
        return write.name().toLowerCase(Locale.ROOT);
    }
}
