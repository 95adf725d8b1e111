package io.packcheck.hub;

import io.packcheck.core.barcode.Gtin;
import io.packcheck.core.barcode.ScanParser;
import io.packcheck.core.catalog.Badge;
import io.packcheck.core.catalog.Box;
import io.packcheck.core.catalog.Item;
import io.packcheck.core.catalog.ItemBarcode;
import io.packcheck.core.catalog.Order;
import io.packcheck.core.catalog.OrderLine;
import io.packcheck.core.catalog.OrderStatus;
import io.packcheck.core.verify.Catalog;
import io.packcheck.core.verify.ItemMatch;
import io.packcheck.core.verify.Outcome;
import io.packcheck.core.verify.PackEvent;
import io.packcheck.core.verify.PackRules;
import io.packcheck.core.verify.PackSession;
import io.packcheck.core.verify.ParcelPolicy;
import io.packcheck.core.verify.ScaleReading;
import io.packcheck.core.label.ShippingLabels;
import io.packcheck.protocol.PackEventCodec;
import io.packcheck.protocol.StationEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A station packing by the real rules (pack-core), with the items and orders the test also gives the hub, and
 * sending every event it makes to the hub, so a test compares the hub's figures with the station's own.
 */
final class PackingStation implements Catalog {

    private final RunningHub hub;
    private final String apiKey;
    private final String token;
    private final PackRules rules;
    private final ScanParser parser;
    private final Map<String, ItemMatch> byGtin = new HashMap<>();
    private final Map<String, ItemMatch> byCode = new HashMap<>();
    private final Map<String, Order> orders = new HashMap<>();
    private final Map<String, Badge> badges = new HashMap<>();
    private final Map<String, Item> items = new HashMap<>();
    private final Map<String, Box> boxes = new HashMap<>();
    PackSession session;
    private long seq;

    PackingStation(RunningHub hub, String apiKey, String stationId) {
        this(hub, apiKey, stationId, ParcelPolicy.standard());
    }

    /** A station closing parcels by the policy: with a scale, requiring labels, and so on. */
    PackingStation(RunningHub hub, String apiKey, String stationId, ParcelPolicy parcels) {
        this.rules = new PackRules(ZoneOffset.UTC, false, false, parcels);
        this.hub = hub;
        this.apiKey = apiKey;
        this.token = hub.stationToken(stationId);
        this.parser = new ScanParser(hub.clock);
        this.session = PackSession.idle(stationId);
        badges.put("SUP1", new Badge("SUP1", "Sam", Badge.Role.SUPERVISOR));
    }

    /** Puts the item at the hub and in the station's catalog. */
    PackingStation item(String sku, Map<String, Integer> codes) {
        return item(sku, codes, Optional.empty());
    }

    /** Puts the item with one unit's weight at the hub and in the station's catalog. */
    PackingStation item(String sku, Map<String, Integer> codes, Optional<Double> weightGrams) {
        JsonArray barcodes = new JsonArray();
        List<ItemBarcode> list = new ArrayList<>();
        codes.forEach((code, quantity) -> {
            barcodes.add(new JsonObject().put("code", code).put("quantity", quantity));
            list.add(new ItemBarcode(code, quantity));
        });
        JsonObject body = new JsonObject().put("name", sku).put("barcodes", barcodes);
        weightGrams.ifPresent(g -> body.put("weightGrams", g));
        expectStatus(hub.put("/api/v1/items/" + sku, apiKey, body));
        Item item = new Item(sku, sku, list, false, false, 0, weightGrams, Optional.empty());
        items.put(sku, item);
        list.forEach(b -> {
            ItemMatch match = new ItemMatch(item, b.quantity());
            Gtin.tryParse(b.code()).ifPresentOrElse(g -> byGtin.put(g.digits(), match), () -> byCode.put(b.code(), match));
        });
        return this;
    }

    /** Puts the order (SKU, quantity pairs) at the hub and gives the station the version the hub answered. */
    Order order(String id, Object... skuThenQuantity) {
        return order(id, List.of(), skuThenQuantity);
    }

    /** Puts the order with the shipping labels it lists at the hub and gives it to the station. */
    Order order(String id, List<String> labels, Object... skuThenQuantity) {
        JsonArray lines = new JsonArray();
        List<OrderLine> orderLines = new ArrayList<>();
        for (int i = 0; i < skuThenQuantity.length; i += 2) {
            lines.add(new JsonObject().put("sku", skuThenQuantity[i]).put("quantity", skuThenQuantity[i + 1]));
            orderLines.add(new OrderLine((String) skuThenQuantity[i], (Integer) skuThenQuantity[i + 1]));
        }
        var response = hub.put("/api/v1/orders/" + id, apiKey, new JsonObject().put("lines", lines)
                .put("labels", new JsonArray(new ArrayList<>(labels))));
        expectStatus(response);
        long version = response.bodyAsJsonObject().getJsonObject("order").getLong("version");
        Order order = new Order(id, version, orderLines, Optional.empty(), 0, OrderStatus.OPEN, Optional.empty(), labels);
        orders.put(id, order);
        return order;
    }

    /** The hub's new version of the open order reaches the station. */
    Outcome changed(Order order) {
        Outcome outcome = rules.orderChanged(session, order, hub.clock.instant()).orElseThrow();
        return take(outcome);
    }

    /** Puts a box type at the hub and in the station's box catalogue. */
    PackingStation box(String code, double tareGrams) {
        expectStatus(hub.put("/api/v1/boxes/" + code, apiKey, new JsonObject().put("tareGrams", tareGrams)));
        boxes.put(code, new Box(code, code, tareGrams, 0, 0, 0));
        return this;
    }

    /** The scale answers for the parcel that waits for its weight. */
    Outcome weighed(double grams) {
        return take(rules.weighed(session, new ScaleReading.Settled(grams), this, hub.clock.instant()).orElseThrow());
    }

    Outcome scan(String raw) {
        return take(rules.scan(session, parser.parse(raw), this, hub.clock.instant()));
    }

    /** Units the station counts per SKU in its open box. */
    Map<String, Integer> counted() {
        Map<String, Integer> counted = new LinkedHashMap<>(session.verifiedCounts());
        counted.values().removeIf(n -> n <= 0);
        return counted;
    }

    private Outcome take(Outcome outcome) {
        session = outcome.session();
        JsonArray events = new JsonArray();
        for (PackEvent e : outcome.events()) {
            events.add(PackEventCodec.toJson(new StationEvent(UUID.randomUUID(), ++seq, e)));
        }
        if (!events.isEmpty()) {
            expectStatus(hub.post("/api/v1/station/events", token, new JsonObject().put("events", events)));
        }
        return outcome;
    }

    private static void expectStatus(io.vertx.ext.web.client.HttpResponse<?> response) {
        if (response.statusCode() >= 300) {
            throw new AssertionError("the hub answered " + response.statusCode() + ": " + response.bodyAsString());
        }
    }

    @Override
    public Optional<Order> order(String idOrAlias) {
        return Optional.ofNullable(orders.get(idOrAlias));
    }

    @Override
    public Optional<ItemMatch> itemByGtin(Gtin gtin) {
        return Optional.ofNullable(byGtin.get(gtin.digits()));
    }

    @Override
    public Optional<ItemMatch> itemByCode(String code) {
        return Optional.ofNullable(byCode.get(code));
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
        return orders.values().stream().filter(o -> o.labels().stream().map(ShippingLabels::normalise)
                .anyMatch(trackingNumber::equals)).map(Order::id).findFirst();
    }

    @Override
    public Optional<Badge> badge(String code) {
        return Optional.ofNullable(badges.get(code));
    }
}
