package io.packcheck.station.hub;

import io.packcheck.protocol.JsonFields;
import io.packcheck.protocol.OrderCodec;
import io.packcheck.protocol.SyncedOrder;
import io.packcheck.station.store.CatalogJson;
import io.packcheck.station.store.SqliteOrderCache;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One-off questions about what the packer just scanned: the order itself, whether this station may pack it, and
 * whether a serial is already in another order's box.
 */
final class OrderCalls {

    private final HubExchange hub;
    private final LinkHealth health;
    private final SqliteOrderCache cache;

    OrderCalls(HubExchange hub, LinkHealth health, SqliteOrderCache cache) {
        this.hub = hub;
        this.health = health;
        this.cache = cache;
    }

    /** Asks for an order by id or alias; stores a found one in the cache before answering. */
    Future<OrderLookup> lookup(String idOrAlias) {
        long timeout = hub.settings().fetchTimeout().toMillis();
        return hub.get("/api/v1/station/orders/" + encode(idOrAlias)).connectTimeout(timeout).timeout(timeout)
                .send()
                .compose(response -> {
                    if (response.statusCode() == 404) {
                        health.reached();
                        return Future.succeededFuture(new OrderLookup.Unknown(idOrAlias));
                    }
                    return hub.expectOk(response, "order lookup").compose(ok -> {
                        SyncedOrder synced = OrderCodec.fromJson(ok.bodyAsJsonObject());
                        health.reached();
                        return hub.blocking(() -> {
                            cache.apply(List.of(CatalogJson.change(synced)));
                            return (OrderLookup) new OrderLookup.Found(synced.order());
                        });
                    });
                });
    }

    /** Claims the order for this station. */
    Future<OrderClaim> claim(String orderId) {
        long timeout = hub.settings().fetchTimeout().toMillis();
        return hub.post("/api/v1/station/orders/" + encode(orderId) + "/claim").connectTimeout(timeout).timeout(timeout)
                .send()
                .compose(response -> {
                    if (response.statusCode() == 409) {
                        health.reached();
                        JsonObject body = response.bodyAsJsonObject();
                        return Future.succeededFuture(new OrderClaim.ClaimedElsewhere(orderId,
                                JsonFields.requireString(body, "stationId", 200),
                                JsonFields.optionalInstant(body, "since").orElseThrow(
                                        () -> new IllegalStateException("the hub's refusal of the claim has no since"))));
                    }
                    if (response.statusCode() == 404) {
                        health.reached();
                        return Future.succeededFuture(new OrderClaim.Unreachable("the hub does not know order " + orderId
                                + HubExchange.errorDetail(response)));
                    }
                    return hub.expectOk(response, "order claim").map(ok -> {
                        health.reached();
                        return (OrderClaim) new OrderClaim.Claimed(orderId);
                    });
                });
    }

    /** Asks whether another order's box already holds this serial of the SKU. */
    Future<SerialCheck> serial(String sku, String serial, String orderId) {
        long timeout = hub.settings().fetchTimeout().toMillis();
        return hub.get("/api/v1/station/serials/" + encode(sku) + "/" + encode(serial) + "?order="
                        + URLEncoder.encode(orderId, StandardCharsets.UTF_8))
                .connectTimeout(timeout).timeout(timeout).send()
                .compose(response -> hub.expectOk(response, "serial check"))
                .map(ok -> {
                    health.reached();
                    var orders = ok.bodyAsJsonObject().getJsonArray("orders");
                    return orders == null || orders.isEmpty()
                            ? (SerialCheck) new SerialCheck.NotPacked()
                            : new SerialCheck.PackedElsewhere(orders.getJsonObject(0).getString("orderId"));
                });
    }

    private static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
