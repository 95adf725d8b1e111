package io.packcheck.core.verify;

import io.packcheck.core.barcode.Gtin;
import io.packcheck.core.catalog.Badge;
import io.packcheck.core.catalog.Box;
import io.packcheck.core.catalog.Item;
import io.packcheck.core.catalog.ItemBarcode;
import io.packcheck.core.catalog.Order;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A catalog held in maps, for tests: items by GTIN-14 or exact code, orders by id or alias, badges by code. */
final class InMemoryCatalog implements Catalog {

    private final Map<Gtin, ItemMatch> byGtin = new HashMap<>();
    private final Map<String, ItemMatch> byCode = new HashMap<>();
    private final Map<String, Order> orders = new HashMap<>();
    private final Map<String, Badge> badges = new HashMap<>();
    private final Map<String, String> packedSerials = new HashMap<>();
    private final Map<String, Item> items = new HashMap<>();
    private final Map<String, Box> boxes = new HashMap<>();
    private final Map<String, String> labels = new HashMap<>();

    InMemoryCatalog item(Item item) {
        items.put(item.sku(), item);
        for (ItemBarcode barcode : item.barcodes()) {
            ItemMatch match = new ItemMatch(item, barcode.quantity());
            Gtin.tryParse(barcode.code()).ifPresentOrElse(g -> byGtin.put(g, match), () -> byCode.put(barcode.code(), match));
        }
        return this;
    }

    InMemoryCatalog order(Order order, String... aliases) {
        orders.put(order.id(), order);
        for (String alias : aliases) {
            orders.put(alias, order);
        }
        order.labels().forEach(l -> labels.put(l, order.id()));
        return this;
    }

    InMemoryCatalog box(Box box) {
        boxes.put(box.code(), box);
        return this;
    }

    @Override
    public Optional<Item> item(String sku) {
        return Optional.ofNullable(items.get(sku));
    }

    @Override
    public Optional<Box> box(String code) {
        return Optional.ofNullable(boxes.get(code));
    }

    @Override
    public Optional<String> orderOfLabel(String trackingNumber) {
        return Optional.ofNullable(labels.get(trackingNumber));
    }

    InMemoryCatalog badge(Badge badge) {
        badges.put(badge.code(), badge);
        return this;
    }

    /** As if the hub knew this serial of the SKU was packed in that order. */
    InMemoryCatalog serialPacked(String sku, String serial, String orderId) {
        packedSerials.put(sku + "|" + serial, orderId);
        return this;
    }

    @Override
    public Optional<String> serialPackedElsewhere(String sku, String serial, String orderId) {
        return Optional.ofNullable(packedSerials.get(sku + "|" + serial)).filter(o -> !o.equals(orderId));
    }

    @Override
    public Optional<Order> order(String idOrAlias) {
        return Optional.ofNullable(orders.get(idOrAlias));
    }

    @Override
    public Optional<ItemMatch> itemByGtin(Gtin gtin) {
        return Optional.ofNullable(byGtin.get(gtin));
    }

    @Override
    public Optional<ItemMatch> itemByCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    @Override
    public Optional<Badge> badge(String code) {
        return Optional.ofNullable(badges.get(code));
    }

    static List<ItemBarcode> codes(String... codes) {
        return java.util.Arrays.stream(codes).map(c -> new ItemBarcode(c, 1)).toList();
    }
}
