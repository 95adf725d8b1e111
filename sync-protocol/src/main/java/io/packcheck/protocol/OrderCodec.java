package io.packcheck.protocol;

import io.packcheck.core.catalog.Order;
import io.packcheck.core.catalog.OrderLine;
import io.packcheck.core.catalog.OrderStatus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Orders on the wire: the body of {@code PUT /orders/{id}} and the {@code order} change of the station feed. */
public final class OrderCodec {

    public static final int MAX_LINES = 1000;
    public static final int MAX_ALIASES = 20;
    public static final int MAX_LABELS = 50;
    private static final Pattern LABEL = Pattern.compile("[\\x21-\\x7E]{4,64}");

    /** What an order system sends: everything but version and status, which the hub owns. */
    public record OrderContent(String id, List<OrderLine> lines, Optional<Instant> shipBy, int priority, List<String> aliases,
            List<String> labels) {
        public OrderContent {
            lines = List.copyOf(lines);
            aliases = List.copyOf(aliases);
            labels = List.copyOf(labels);
        }

        /** Content without shipping labels. */
        public OrderContent(String id, List<OrderLine> lines, Optional<Instant> shipBy, int priority, List<String> aliases) {
            this(id, lines, shipBy, priority, aliases, List.of());
        }
    }

    private OrderCodec() {}

    public static OrderContent contentFromJson(String id, JsonObject json) {
        JsonFields.requireKey("id", id);
        JsonArray rawLines = JsonFields.optionalArray(json, "lines");
        if (rawLines.isEmpty()) {
            throw new ProtocolException("lines", "lines needs at least one line");
        }
        if (rawLines.size() > MAX_LINES) {
            throw new ProtocolException("lines", "lines has " + rawLines.size() + " lines; at most " + MAX_LINES);
        }
        List<OrderLine> lines = new ArrayList<>();
        Set<String> skus = new HashSet<>();
        for (int i = 0; i < rawLines.size(); i++) {
            String field = "lines[" + i + "]";
            JsonObject line = JsonFields.objectAt(rawLines, i, "lines");
            String sku;
            int quantity;
            try {
                sku = JsonFields.requireKey("sku", JsonFields.optionalId(line, "sku").orElse(null));
                quantity = (int) JsonFields.requireLong(line, "quantity", 1, Limits.MAX_QUANTITY);
            } catch (ProtocolException e) {
                throw e.under(field);
            }
            if (!skus.add(sku)) {
                throw new ProtocolException(field + ".sku", "sku " + sku + " appears on two lines; put the total on one line");
            }
            lines.add(new OrderLine(sku, quantity));
        }
        JsonArray rawAliases = JsonFields.optionalArray(json, "aliases");
        if (rawAliases.size() > MAX_ALIASES) {
            throw new ProtocolException("aliases", "aliases has " + rawAliases.size() + " codes; at most " + MAX_ALIASES);
        }
        Set<String> aliases = new LinkedHashSet<>();
        for (int i = 0; i < rawAliases.size(); i++) {
            String field = "aliases[" + i + "]";
            if (!(rawAliases.getValue(i) instanceof String alias)) {
                throw new ProtocolException(field, field + " must be a string");
            }
            try {
                JsonFields.requireKey("alias", alias);
            } catch (ProtocolException e) {
                throw new ProtocolException(field, e.getMessage());
            }
            if (alias.equals(id)) {
                throw new ProtocolException(field, "alias " + alias + " is the order id itself");
            }
            aliases.add(alias);
        }
        return new OrderContent(id, lines,
                JsonFields.optionalInstant(json, "shipBy"),
                JsonFields.optionalInt(json, "priority", -1000, 1000, 0),
                List.copyOf(aliases),
                labels(json));
    }

    // shipping labels as the order system lists them (tracking numbers or SSCCs); printable, no spaces
    private static List<String> labels(JsonObject json) {
        JsonArray raw = JsonFields.optionalArray(json, "labels");
        if (raw.size() > MAX_LABELS) {
            throw new ProtocolException("labels", "labels has " + raw.size() + " labels; at most " + MAX_LABELS);
        }
        Set<String> labels = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String field = "labels[" + i + "]";
            if (!(raw.getValue(i) instanceof String label) || !LABEL.matcher(label).matches()) {
                throw new ProtocolException(field, field + " must be a tracking number or SSCC: 4 to 64 printable characters without spaces");
            }
            if (!labels.add(label)) {
                throw new ProtocolException(field, "label " + label + " is listed twice");
            }
        }
        return List.copyOf(labels);
    }

    public static JsonObject toJson(SyncedOrder synced) {
        Order order = synced.order();
        JsonArray lines = new JsonArray();
        order.lines().forEach(l -> lines.add(new JsonObject().put("sku", l.sku()).put("quantity", l.quantity())));
        return new JsonObject()
                .put("id", order.id())
                .put("version", order.version())
                .put("status", order.status().name())
                .put("holdReason", order.holdReason().orElse(null))
                .put("lines", lines)
                .put("shipBy", order.shipBy().map(Instant::toString).orElse(null))
                .put("priority", order.priority())
                .put("aliases", new JsonArray(new ArrayList<>(synced.aliases())))
                .put("labels", new JsonArray(new ArrayList<>(order.labels())));
    }

    /** Reads what {@link #toJson} wrote (the station's side of the feed). */
    public static SyncedOrder fromJson(JsonObject json) {
        String id = JsonFields.optionalId(json, "id").orElse(null);
        OrderContent content = contentFromJson(id, json);
        Order order = new Order(id,
                JsonFields.requireLong(json, "version", 1, Long.MAX_VALUE),
                content.lines(), content.shipBy(), content.priority(),
                JsonFields.requireEnum(json, "status", OrderStatus.class),
                JsonFields.optionalString(json, "holdReason", Limits.MAX_HOLD_REASON),
                content.labels());
        return new SyncedOrder(order, content.aliases());
    }
}
