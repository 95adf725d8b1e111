package io.packcheck.hub.storage;

import io.packcheck.core.catalog.Badge;
import io.packcheck.core.catalog.Box;
import io.packcheck.core.catalog.Item;
import io.packcheck.core.catalog.OrderStatus;
import io.packcheck.hub.orders.OrderCommand;
import io.packcheck.protocol.OrderCodec.OrderContent;
import io.packcheck.protocol.SyncedOrder;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongFunction;

/** Items, badges, box types and orders, and the change feed stations sync from. */
public interface CatalogRepository {

    /**
     * Creates or changes an item. A code another item owns (compared as GTIN-14) is a {@link Conflict} naming
     * that item, unless {@code moveBarcodes}: then the old owner gives the code up first, as a change of its own.
     */
    Write putItem(Item item, boolean moveBarcodes);

    default Write putItem(Item item) {
        return putItem(item, false);
    }

    /** Deletes the item; stations hear of it as an {@code item-deleted} change. False if there was none. */
    boolean deleteItem(String sku);

    Write putBadge(Badge badge);

    /** Creates or changes a box type of the box catalogue; stations hear of it as a {@code box} change. */
    Write putBox(Box box);

    /** The box types in code order. */
    List<Box> boxes();

    Optional<Box> box(String code);

    /** Creates or changes an order; a change of content raises its version. */
    OrderWrite putOrder(OrderContent content);

    /** Cancel, hold or release; raises the version. A {@link Conflict} when the order's status does not allow it. */
    SyncedOrder command(String orderId, OrderCommand command, Optional<String> reason);

    /** Badges by code in code order; all of them when {@code codes} is empty. Unknown codes are left out. */
    List<Badge> badges(List<String> codes);

    /** The live (not deleted) items among these SKUs, by SKU; unknown SKUs are left out. */
    Map<String, Item> items(Collection<String> skus);

    /** The order with this id, or with this pack-slip or tote alias. */
    Optional<SyncedOrder> order(String idOrAlias);

    /** The units the order asked for per SKU at each version, for replaying a box packed against an older one. */
    LongFunction<Optional<Map<String, Integer>>> linesAt(String orderId);

    OrderPage orders(Optional<OrderStatus> status, int page, int pageSize);

    /**
     * Applies many puts in one transaction, each on its own: one that throws changes nothing and is
     * answered by {@code refused} instead.
     */
    <T, R> List<R> inBatch(List<T> inputs, Function<T, R> apply, BiFunction<T, RuntimeException, R> refused);

    /** Changes after the cursor, oldest first, each the full current state with its {@code type}. */
    FeedPage feed(long after, int limit);

    /** The newest change sequence number, for waking long-polling stations. */
    long changeHead();

    record OrderWrite(Write write, SyncedOrder order) {}

    record OrderPage(List<SyncedOrder> orders, int page, int pageSize, long total) {}

    record FeedPage(List<JsonObject> changes, long cursor) {}
}
