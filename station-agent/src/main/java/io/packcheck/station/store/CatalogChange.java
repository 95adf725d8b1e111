package io.packcheck.station.store;

import io.packcheck.core.catalog.Badge;
import io.packcheck.core.catalog.Box;
import io.packcheck.core.catalog.Item;
import io.packcheck.core.catalog.Order;
import io.packcheck.core.catalog.OrderStatus;
import java.util.List;
import java.util.Optional;

/** One change to the station's order cache, from the hub's feed or from an import file. */
public sealed interface CatalogChange {

    /** The item and its barcodes replace whatever the cache held for its SKU. */
    record PutItem(Item item) implements CatalogChange {}

    /** The order system deleted the item: it and its barcodes leave the cache. */
    record RemoveItem(String sku) implements CatalogChange {}

    /** The order, its lines and its aliases (pack slip, tote codes) replace what the cache held. */
    record PutOrder(Order order, List<String> aliases) implements CatalogChange {
        public PutOrder {
            aliases = List.copyOf(aliases);
        }
    }

    /** The hub cancelled, held or released an order: only its status changes. */
    record SetOrderStatus(String orderId, long version, OrderStatus status, Optional<String> holdReason)
            implements CatalogChange {}

    /** The order is no longer the station's business (shipped, or removed by the order system). */
    record RemoveOrder(String orderId) implements CatalogChange {}

    record PutBadge(Badge badge) implements CatalogChange {}

    record RemoveBadge(String code) implements CatalogChange {}

    /** A box type of the site's box catalogue, new or changed. */
    record PutBox(Box box) implements CatalogChange {}
}
