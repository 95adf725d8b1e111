package io.packcheck.core.verify;

import io.packcheck.core.barcode.Gtin;
import io.packcheck.core.catalog.Badge;
import io.packcheck.core.catalog.Box;
import io.packcheck.core.catalog.Item;
import io.packcheck.core.catalog.Order;
import java.util.Optional;

/** What the verification rules need to know about orders and items; the station's cache implements it. */
public interface Catalog {

    /** The order with this id, or whose pack-slip or tote code this is. */
    Optional<Order> order(String idOrAlias);

    /** The item (and pack quantity) carrying this GTIN in any of its forms. */
    Optional<ItemMatch> itemByGtin(Gtin gtin);

    /** The item carrying this exact non-GTIN code (e.g. an internal Code 128 label). */
    Optional<ItemMatch> itemByCode(String code);

    /** The badge with this code (the part after the badge command prefix). */
    Optional<Badge> badge(String code);

    /**
     * The order, other than {@code orderId}, this serial of the SKU was already packed in. Empty when it was not,
     * and when nobody can tell in time (a station alone, or a hub that does not answer): the unit then counts.
     */
    default Optional<String> serialPackedElsewhere(String sku, String serial, String orderId) {
        return Optional.empty();
    }

    /** The item with this SKU (its weights decide what a parcel should weigh). */
    default Optional<Item> item(String sku) {
        return Optional.empty();
    }

    /** The box type with this code, from the site's box catalogue. */
    default Optional<Box> box(String code) {
        return Optional.empty();
    }

    /** The order a shipping label (in canonical form) is listed on or was bound to, as far as this catalogue knows. */
    default Optional<String> orderOfLabel(String trackingNumber) {
        return Optional.empty();
    }
}
