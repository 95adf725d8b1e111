package io.packcheck.station.store;

import io.packcheck.core.catalog.Order;
import io.packcheck.core.catalog.OrderStatus;
import io.packcheck.protocol.BadgeCodec;
import io.packcheck.protocol.BoxCodec;
import io.packcheck.protocol.FeedChange;
import io.packcheck.protocol.ItemCodec;
import io.packcheck.protocol.JsonFields;
import io.packcheck.protocol.OrderCodec;
import io.packcheck.protocol.ProtocolException;
import io.packcheck.protocol.SyncedOrder;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * Turns the hub's bodies into cache changes: the lines of an import file (read with the same codecs
 * as the hub's item, order and badge bodies) and the changes of the hub's feed. Everything is checked
 * before anything is written; a problem is a {@link ProtocolException} naming the field.
 */
public final class CatalogJson {

    private CatalogJson() {}

    /**
     * One import line: {@code type} picks the body. An order may carry {@code version} (else the
     * next one for its id), {@code status} (else OPEN, any letter case) and {@code holdReason}.
     *
     * @param nextVersion the version an order without a {@code version} field gets, by order id
     */
    public static CatalogChange change(JsonObject json, ToLongFunction<String> nextVersion) {
        String type = JsonFields.requireString(json, "type", 20);
        return switch (type) {
            case "item" -> new CatalogChange.PutItem(ItemCodec.fromJson(key(json, "sku"), json));
            case "order" -> order(key(json, "id"), json, nextVersion);
            case "badge" -> new CatalogChange.PutBadge(BadgeCodec.fromJson(key(json, "code"), json));
            case "box" -> new CatalogChange.PutBox(BoxCodec.fromJson(key(json, "code"), json));
            default -> throw new ProtocolException("type", "unknown type '" + type + "'; expected item, order, badge or box");
        };
    }

    /** A change of the hub's feed as the cache applies it. */
    public static CatalogChange change(FeedChange change) {
        if (change instanceof FeedChange.ItemChanged c) {
            return new CatalogChange.PutItem(c.item());
        } else if (change instanceof FeedChange.ItemDeleted c) {
            return new CatalogChange.RemoveItem(c.sku());
        } else if (change instanceof FeedChange.OrderChanged c) {
            return new CatalogChange.PutOrder(c.order().order(), c.order().aliases());
        } else if (change instanceof FeedChange.BadgeChanged c) {
            return new CatalogChange.PutBadge(c.badge());
        } else if (change instanceof FeedChange.BoxChanged c) {
            return new CatalogChange.PutBox(c.box());
        }
        throw new IllegalArgumentException("unknown feed change " + change);
    }

    /** An order the hub answered to a direct lookup. */
    public static CatalogChange.PutOrder change(SyncedOrder synced) {
        return new CatalogChange.PutOrder(synced.order(), synced.aliases());
    }

    private static CatalogChange.PutOrder order(String id, JsonObject json, ToLongFunction<String> nextVersion) {
        OrderCodec.OrderContent content = OrderCodec.contentFromJson(id, json);
        OrderStatus status = JsonFields.optionalString(json, "status", 40).map(text -> {
            try {
                return OrderStatus.valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ProtocolException("status", "unknown status '" + text
                        + "'; expected OPEN, IN_PROGRESS, VERIFIED, EXCEPTION, ON_HOLD or CANCELLED");
            }
        }).orElse(OrderStatus.OPEN);
        long version = JsonFields.optionalLong(json, "version", 1, Long.MAX_VALUE)
                .orElseGet(() -> nextVersion.applyAsLong(id));
        Order order = new Order(id, version, content.lines(), content.shipBy(), content.priority(), status,
                JsonFields.optionalString(json, "holdReason", 500), content.labels());
        return new CatalogChange.PutOrder(order, content.aliases());
    }

    private static String key(JsonObject json, String field) {
        return JsonFields.requireKey(field, JsonFields.optionalString(json, field, 64).orElse(null));
    }
}
