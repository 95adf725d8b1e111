package io.packcheck.protocol;

import io.packcheck.core.catalog.Badge;
import io.packcheck.core.catalog.Box;
import io.packcheck.core.catalog.Item;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Changes of the station feed. Each change is the full current state of one thing, tagged with
 * {@code type}: {@code item}, {@code order} (a cancel or hold is an order with its new status), {@code badge},
 * {@code box}, or {@code item-deleted} (just the {@code sku}).
 */
public final class FeedCodec {

    private FeedCodec() {}

    public static JsonObject item(Item item) {
        return new JsonObject().put("type", "item").mergeIn(ItemCodec.toJson(item));
    }

    public static JsonObject itemDeleted(String sku) {
        return new JsonObject().put("type", "item-deleted").put("sku", sku);
    }

    public static JsonObject order(SyncedOrder order) {
        return new JsonObject().put("type", "order").mergeIn(OrderCodec.toJson(order));
    }

    public static JsonObject badge(Badge badge) {
        return new JsonObject().put("type", "badge").mergeIn(BadgeCodec.toJson(badge));
    }

    public static JsonObject box(Box box) {
        return new JsonObject().put("type", "box").mergeIn(BoxCodec.toJson(box));
    }

    /** Reads one change the way {@link #item}, {@link #order}, {@link #badge} or {@link #itemDeleted} wrote it. */
    public static FeedChange read(JsonObject json) {
        String type = JsonFields.requireString(json, "type", 20);
        return switch (type) {
            case "item" -> new FeedChange.ItemChanged(
                    ItemCodec.fromJson(JsonFields.optionalId(json, "sku").orElse(null), json));
            case "item-deleted" -> new FeedChange.ItemDeleted(
                    JsonFields.requireKey("sku", JsonFields.optionalId(json, "sku").orElse(null)));
            case "order" -> new FeedChange.OrderChanged(OrderCodec.fromJson(json));
            case "badge" -> new FeedChange.BadgeChanged(
                    BadgeCodec.fromJson(JsonFields.optionalId(json, "code").orElse(null), json));
            case "box" -> new FeedChange.BoxChanged(
                    BoxCodec.fromJson(JsonFields.optionalId(json, "code").orElse(null), json));
            default -> throw new ProtocolException("type", "type '" + type + "' is not item, item-deleted, order, badge or box");
        };
    }

    /** Reads a whole feed answer; a change that does not parse fails the page, naming it as {@code changes[i]}. */
    public static FeedPage page(JsonObject json) {
        String cursor = JsonFields.requireString(json, "cursor", 200);
        JsonArray raw = JsonFields.optionalArray(json, "changes");
        List<FeedChange> changes = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            try {
                changes.add(read(JsonFields.objectAt(raw, i, "changes")));
            } catch (ProtocolException e) {
                throw e.field().startsWith("changes[") ? e : e.under("changes[" + i + "]");
            }
        }
        return new FeedPage(cursor, changes, JsonFields.optionalBoolean(json, "more", false));
    }
}
