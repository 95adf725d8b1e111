package io.packcheck.station.hub;

import io.packcheck.core.barcode.Gtin;
import io.packcheck.core.catalog.Badge;
import io.packcheck.core.catalog.Box;
import io.packcheck.core.catalog.Item;
import io.packcheck.core.catalog.Order;
import io.packcheck.core.verify.Catalog;
import io.packcheck.core.verify.ItemMatch;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's catalog, with the hub asked whether a serial is already in another order's box. Without a usable
 * hub, or without an answer in time, the serial is taken as new: the unit counts and the hub flags a reuse when the
 * scan reaches it.
 */
public final class SerialCheckingCatalog implements Catalog {

    private static final Logger LOG = LoggerFactory.getLogger(SerialCheckingCatalog.class);

    private final Catalog cache;
    private final Optional<HubLink> hub;

    /** @param hub the link to ask; empty when the station has no hub or it is offline or refused now */
    public SerialCheckingCatalog(Catalog cache, Optional<HubLink> hub) {
        this.cache = cache;
        this.hub = hub;
    }

    @Override
    public Optional<String> serialPackedElsewhere(String sku, String serial, String orderId) {
        if (hub.isEmpty()) {
            return cache.serialPackedElsewhere(sku, serial, orderId);
        }
        SerialCheck check = hub.get().serialPackedIn(sku, serial, orderId);
        if (check instanceof SerialCheck.PackedElsewhere elsewhere) {
            LOG.warn("serial {} of {} is already packed in order {}, refused in order {}", serial, sku, elsewhere.orderId(), orderId);
            return Optional.of(elsewhere.orderId());
        }
        if (check instanceof SerialCheck.Unknown unknown) {
            LOG.warn("serial {} of {} not checked at the hub ({}): counted, the hub flags it if it is a reuse", serial, sku,
                    unknown.reason());
        }
        return Optional.empty();
    }

    @Override
    public Optional<Order> order(String idOrAlias) {
        return cache.order(idOrAlias);
    }

    @Override
    public Optional<ItemMatch> itemByGtin(Gtin gtin) {
        return cache.itemByGtin(gtin);
    }

    @Override
    public Optional<ItemMatch> itemByCode(String code) {
        return cache.itemByCode(code);
    }

    @Override
    public Optional<Badge> badge(String code) {
        return cache.badge(code);
    }

    @Override
    public Optional<Item> item(String sku) {
        return cache.item(sku);
    }

    @Override
    public Optional<Box> box(String code) {
        return cache.box(code);
    }

    @Override
    public Optional<String> orderOfLabel(String trackingNumber) {
        return cache.orderOfLabel(trackingNumber);
    }
}
