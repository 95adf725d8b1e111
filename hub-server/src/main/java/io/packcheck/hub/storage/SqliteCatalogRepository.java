package io.packcheck.hub.storage;

import io.packcheck.core.catalog.Badge;
import io.packcheck.core.catalog.Box;
import io.packcheck.core.catalog.CodeKeys;
import io.packcheck.core.catalog.Item;
import io.packcheck.core.catalog.ItemBarcode;
import io.packcheck.core.catalog.Order;
import io.packcheck.core.catalog.OrderLine;
import io.packcheck.core.catalog.OrderStatus;
import io.packcheck.hub.orders.OrderCommand;
import io.packcheck.hub.orders.OrderRules;
import io.packcheck.hub.parcels.LabelOwners;
import io.packcheck.protocol.BadgeCodec;
import io.packcheck.protocol.BoxCodec;
import io.packcheck.protocol.FeedCodec;
import io.packcheck.protocol.ItemCodec;
import io.packcheck.protocol.OrderCodec.OrderContent;
import io.packcheck.protocol.ProtocolException;
import io.packcheck.protocol.SyncedOrder;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongFunction;

/** The catalog in the {@code item}, {@code badge}, {@code box}, {@code pack_order}, {@code order_alias} and {@code order_label} tables. */
public final class SqliteCatalogRepository implements CatalogRepository {

    private static final String ORDER_COLUMNS =
            "id, version, status, hold_reason, held_from, ship_by, priority, lines, aliases, labels";
    static final String ORDER_ROW = "SELECT " + ORDER_COLUMNS + " FROM pack_order WHERE id = ?";

    private final SqliteDatabase db;
    private final Clock clock;

    public SqliteCatalogRepository(SqliteDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
        indexCodesOfStoredItems();
    }

    @Override
    public Write putItem(Item item, boolean moveBarcodes) {
        String body = ItemCodec.toJson(item).encode();
        return db.transaction(c -> {
            Optional<String> existing = queryString(c, "SELECT body FROM item WHERE sku = ? AND deleted = 0", item.sku());
            if (existing.isPresent() && existing.get().equals(body)) {
                return Write.UNCHANGED;
            }
            Map<String, List<Integer>> taken = takenCodes(c, item);
            if (!taken.isEmpty()) {
                if (!moveBarcodes) {
                    throw barcodeTaken(c, item, taken);
                }
                // the old owners change first, so a station that applies the feed in order never sees one code on two items
                for (Map.Entry<String, List<Integer>> owner : taken.entrySet()) {
                    giveUpCodes(c, owner.getKey(), item, owner.getValue());
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO item (sku, body, change_seq, updated_at) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT (sku) DO UPDATE SET body = excluded.body, change_seq = excluded.change_seq,"
                            + " updated_at = excluded.updated_at, deleted = 0")) {
                s.setString(1, item.sku());
                s.setString(2, body);
                s.setLong(3, db.nextChangeSeq());
                s.setString(4, clock.instant().toString());
                s.executeUpdate();
            }
            indexCodes(c, item);
            return existing.isPresent() ? Write.UPDATED : Write.CREATED;
        });
    }

    /** Other items owning one of the item's codes: owner SKU to the indexes of the item's codes it holds. */
    private static Map<String, List<Integer>> takenCodes(Connection c, Item item) throws SQLException {
        Map<String, List<Integer>> taken = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT sku FROM item_barcode WHERE code_key = ? AND sku <> ?")) {
            for (int i = 0; i < item.barcodes().size(); i++) {
                for (String key : CodeKeys.of(item.barcodes().get(i).code())) {
                    s.setString(1, key);
                    s.setString(2, item.sku());
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next()) {
                            List<Integer> codes = taken.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
                            if (!codes.contains(i)) {
                                codes.add(i);
                            }
                        }
                    }
                }
            }
        }
        return taken;
    }

    private static Conflict barcodeTaken(Connection c, Item item, Map<String, List<Integer>> taken) throws SQLException {
        Map.Entry<String, List<Integer>> first = taken.entrySet().iterator().next();
        int index = first.getValue().get(0);
        String code = item.barcodes().get(index).code();
        String owner = first.getKey();
        String theirs = ownCode(c, owner, code).filter(o -> !o.equals(code)).map(o -> " (as " + o + ")").orElse("");
        return new Conflict("barcode_taken", "barcodes[" + index + "].code", "barcode " + code + " belongs to item " + owner
                + theirs + ": take it off " + owner + " first, or send moveBarcodes=true to move it to " + item.sku());
    }

    /** The owner's code that shares a key with this code. */
    private static Optional<String> ownCode(Connection c, String owner, String code) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT code FROM item_barcode WHERE code_key = ? AND sku = ?")) {
            for (String key : CodeKeys.of(code)) {
                s.setString(1, key);
                s.setString(2, owner);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        return Optional.of(rs.getString(1));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Takes the moved codes off their old owner, which stations hear of as a change of that item. */
    private void giveUpCodes(Connection c, String owner, Item mover, List<Integer> moved) throws SQLException {
        Item old = item(c, owner).orElseThrow();
        Set<String> movedKeys = new HashSet<>();
        moved.forEach(i -> movedKeys.addAll(CodeKeys.of(mover.barcodes().get(i).code())));
        List<ItemBarcode> kept = old.barcodes().stream()
                .filter(b -> CodeKeys.of(b.code()).stream().noneMatch(movedKeys::contains)).toList();
        if (kept.isEmpty()) {
            String code = mover.barcodes().get(moved.get(0)).code();
            throw new Conflict("barcode_last_code", "barcodes[" + moved.get(0) + "].code", "barcode " + code
                    + " is the only code of item " + owner + ": give " + owner + " another code or delete it first,"
                    + " so it can still be scanned");
        }
        Item changed = new Item(old.sku(), old.name(), kept, old.serialized(), old.lotTracked(), old.minShelfLifeDays(),
                old.weightGrams(), old.learnedWeightGrams());
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE item SET body = ?, change_seq = ?, updated_at = ? WHERE sku = ?")) {
            s.setString(1, ItemCodec.toJson(changed).encode());
            s.setLong(2, db.nextChangeSeq());
            s.setString(3, clock.instant().toString());
            s.setString(4, owner);
            s.executeUpdate();
        }
        indexCodes(c, changed);
    }

    /** Makes the item's codes, and only those, its own in {@code item_barcode}. */
    private static void indexCodes(Connection c, Item item) throws SQLException {
        try (PreparedStatement d = c.prepareStatement("DELETE FROM item_barcode WHERE sku = ?")) {
            d.setString(1, item.sku());
            d.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT OR IGNORE INTO item_barcode (code_key, sku, code) VALUES (?, ?, ?)")) {
            for (ItemBarcode barcode : item.barcodes()) {
                for (String key : CodeKeys.of(barcode.code())) {
                    s.setString(1, key);
                    s.setString(2, item.sku());
                    s.setString(3, barcode.code());
                    s.executeUpdate();
                }
            }
        }
    }

    /**
     * Fills {@code item_barcode} from the items once, after the migration that made it. Items stored before
     * it may share a code: the first one in SKU order keeps it, and a later put of the other answers 409.
     */
    private void indexCodesOfStoredItems() {
        db.transaction(c -> {
            boolean empty;
            try (PreparedStatement s = c.prepareStatement("SELECT NOT EXISTS (SELECT 1 FROM item_barcode)");
                    ResultSet rs = s.executeQuery()) {
                empty = rs.next() && rs.getBoolean(1);
            }
            if (!empty) {
                return null;
            }
            List<String> skus = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT sku FROM item WHERE deleted = 0 ORDER BY sku");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    skus.add(rs.getString(1));
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT OR IGNORE INTO item_barcode (code_key, sku, code) VALUES (?, ?, ?)")) {
                for (String sku : skus) {
                    for (ItemBarcode barcode : item(c, sku).orElseThrow().barcodes()) {
                        for (String key : CodeKeys.of(barcode.code())) {
                            s.setString(1, key);
                            s.setString(2, sku);
                            s.setString(3, barcode.code());
                            s.executeUpdate();
                        }
                    }
                }
            }
            return null;
        });
    }

    @Override
    public boolean deleteItem(String sku) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE item SET deleted = 1, change_seq = ?, updated_at = ? WHERE sku = ? AND deleted = 0")) {
                s.setLong(1, db.nextChangeSeq());
                s.setString(2, clock.instant().toString());
                s.setString(3, sku);
                if (s.executeUpdate() == 0) {
                    return false;
                }
            }
            try (PreparedStatement d = c.prepareStatement("DELETE FROM item_barcode WHERE sku = ?")) {
                d.setString(1, sku);
                d.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public Write putBadge(Badge badge) {
        String role = badge.role().name().toLowerCase(Locale.ROOT);
        return db.transaction(c -> {
            Optional<Badge> existing = badge(c, badge.code());
            if (existing.isPresent() && existing.get().equals(badge)) {
                return Write.UNCHANGED;
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO badge (code, name, role, change_seq, updated_at) VALUES (?, ?, ?, ?, ?)"
                            + " ON CONFLICT (code) DO UPDATE SET name = excluded.name, role = excluded.role,"
                            + " change_seq = excluded.change_seq, updated_at = excluded.updated_at")) {
                s.setString(1, badge.code());
                s.setString(2, badge.name());
                s.setString(3, role);
                s.setLong(4, db.nextChangeSeq());
                s.setString(5, clock.instant().toString());
                s.executeUpdate();
            }
            return existing.isPresent() ? Write.UPDATED : Write.CREATED;
        });
    }

    @Override
    public Write putBox(Box box) {
        String body = BoxCodec.toJson(box).encode();
        return db.transaction(c -> {
            Optional<String> existing = queryString(c, "SELECT body FROM box WHERE code = ?", box.code());
            if (existing.isPresent() && existing.get().equals(body)) {
                return Write.UNCHANGED;
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO box (code, body, change_seq, updated_at) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (code) DO UPDATE SET body = excluded.body, change_seq = excluded.change_seq,"
                    + " updated_at = excluded.updated_at")) {
                s.setString(1, box.code());
                s.setString(2, body);
                s.setLong(3, db.nextChangeSeq());
                s.setString(4, clock.instant().toString());
                s.executeUpdate();
            }
            return existing.isPresent() ? Write.UPDATED : Write.CREATED;
        });
    }

    @Override
    public List<Box> boxes() {
        return db.transaction(c -> {
            List<Box> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT code, body FROM box ORDER BY code");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(BoxCodec.fromJson(rs.getString(1), new JsonObject(rs.getString(2))));
                }
            }
            return out;
        });
    }

    @Override
    public Optional<Box> box(String code) {
        return db.transaction(c -> box(c, code));
    }

    private static Optional<Box> box(Connection c, String code) throws SQLException {
        return queryString(c, "SELECT body FROM box WHERE code = ?", code).map(body -> BoxCodec.fromJson(code, new JsonObject(body)));
    }

    @Override
    public OrderWrite putOrder(OrderContent content) {
        String lines = linesJson(content.lines());
        String aliases = new JsonArray(new ArrayList<>(content.aliases())).encode();
        String shipBy = content.shipBy().map(Instant::toString).orElse(null);
        String labels = new JsonArray(new ArrayList<>(content.labels())).encode();
        return db.transaction(c -> {
            Optional<Row> existing = orderRow(c, content.id());
            checkAliasesFree(c, content);
            LabelOwners.check(content.id(), content.labels(), key -> labelOwner(c, key));
            String now = clock.instant().toString();
            if (existing.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO pack_order (" + ORDER_COLUMNS
                        + ", created_at, updated_at, change_seq) VALUES (?, 1, 'OPEN', NULL, NULL, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    s.setString(1, content.id());
                    s.setString(2, shipBy);
                    s.setInt(3, content.priority());
                    s.setString(4, lines);
                    s.setString(5, aliases);
                    s.setString(6, labels);
                    s.setString(7, now);
                    s.setString(8, now);
                    s.setLong(9, db.nextChangeSeq());
                    s.executeUpdate();
                }
                insertAliases(c, content);
                indexLabels(c, content);
                recordLines(c, content.id(), 1, lines);
                return new OrderWrite(Write.CREATED, synced(content, 1, OrderStatus.OPEN, Optional.empty()));
            }
            Row row = existing.get();
            if (row.lines.equals(lines) && row.aliases.equals(aliases) && Objects.equals(row.shipBy, shipBy)
                    && row.priority == content.priority() && row.labels.equals(labels)) {
                return new OrderWrite(Write.UNCHANGED, row.toSynced());
            }
            OrderRules.checkReplaceable(row.status);
            try (PreparedStatement s = c.prepareStatement("UPDATE pack_order SET version = version + 1, ship_by = ?,"
                    + " priority = ?, lines = ?, aliases = ?, labels = ?, updated_at = ?, change_seq = ? WHERE id = ?")) {
                s.setString(1, shipBy);
                s.setInt(2, content.priority());
                s.setString(3, lines);
                s.setString(4, aliases);
                s.setString(5, labels);
                s.setString(6, now);
                s.setLong(7, db.nextChangeSeq());
                s.setString(8, content.id());
                s.executeUpdate();
            }
            indexLabels(c, content);
            try (PreparedStatement d = c.prepareStatement("DELETE FROM order_alias WHERE order_id = ?")) {
                d.setString(1, content.id());
                d.executeUpdate();
            }
            insertAliases(c, content);
            recordLines(c, content.id(), row.version() + 1, lines);
            return new OrderWrite(Write.UPDATED, synced(content, row.version() + 1, row.status(), row.holdReason()));
        });
    }

    @Override
    public SyncedOrder command(String orderId, OrderCommand command, Optional<String> reason) {
        return db.transaction(c -> {
            Row row = orderRow(c, orderId).orElseThrow(() -> new Missing("id", "order " + orderId + " does not exist"));
            if (command == OrderCommand.CANCEL && row.status == OrderStatus.CANCELLED) {
                return row.toSynced();
            }
            OrderStatus next = OrderRules.afterCommand(row.status, command, row.heldFrom);
            String heldFrom = command == OrderCommand.HOLD
                    ? (row.status == OrderStatus.ON_HOLD ? row.heldFrom.map(Enum::name).orElse(null) : row.status.name())
                    : null;
            String holdReason = command == OrderCommand.RELEASE ? null : reason.orElse(null);
            try (PreparedStatement s = c.prepareStatement("UPDATE pack_order SET version = version + 1, status = ?,"
                    + " hold_reason = ?, held_from = ?, updated_at = ?, change_seq = ? WHERE id = ?")) {
                s.setString(1, next.name());
                s.setString(2, holdReason);
                s.setString(3, heldFrom);
                s.setString(4, clock.instant().toString());
                s.setLong(5, db.nextChangeSeq());
                s.setString(6, orderId);
                s.executeUpdate();
            }
            return orderRow(c, orderId).orElseThrow().toSynced();
        });
    }

    @Override
    public List<Badge> badges(List<String> codes) {
        return db.transaction(c -> {
            List<Badge> out = new ArrayList<>();
            if (codes.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("SELECT code FROM badge ORDER BY code");
                        ResultSet rs = s.executeQuery()) {
                    List<String> all = new ArrayList<>();
                    while (rs.next()) {
                        all.add(rs.getString(1));
                    }
                    for (String code : all) {
                        badge(c, code).ifPresent(out::add);
                    }
                }
                return out;
            }
            for (String code : new TreeSet<>(codes)) {
                badge(c, code).ifPresent(out::add);
            }
            return out;
        });
    }

    @Override
    public Map<String, Item> items(Collection<String> skus) {
        return db.transaction(c -> {
            Map<String, Item> out = new LinkedHashMap<>();
            for (String sku : skus) {
                Optional<String> body = queryString(c, "SELECT body FROM item WHERE sku = ? AND deleted = 0", sku);
                body.ifPresent(b -> out.put(sku, ItemCodec.fromJson(sku, new JsonObject(b))));
            }
            return out;
        });
    }

    @Override
    public Optional<SyncedOrder> order(String idOrAlias) {
        return db.transaction(c -> {
            Optional<Row> row = orderRow(c, idOrAlias);
            if (row.isEmpty()) {
                Optional<String> owner = queryString(c, "SELECT order_id FROM order_alias WHERE alias = ?", idOrAlias);
                if (owner.isPresent()) {
                    row = orderRow(c, owner.get());
                }
            }
            return row.map(Row::toSynced);
        });
    }

    @Override
    public LongFunction<Optional<Map<String, Integer>>> linesAt(String orderId) {
        NavigableMap<Long, Map<String, Integer>> versions = db.transaction(c -> linesByVersion(c, orderId));
        return version -> Optional.ofNullable(versions.floorEntry(version)).map(Map.Entry::getValue);
    }

    /** The units per SKU of each version of the order whose lines changed (commands keep the lines). */
    public static NavigableMap<Long, Map<String, Integer>> linesByVersion(Connection c, String orderId) throws SQLException {
        NavigableMap<Long, Map<String, Integer>> versions = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT version, lines FROM order_lines_version WHERE order_id = ?")) {
            s.setString(1, orderId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Map<String, Integer> units = new LinkedHashMap<>();
                    new JsonArray(rs.getString(2)).forEach(o -> {
                        JsonObject line = (JsonObject) o;
                        units.merge(line.getString("sku"), line.getInteger("quantity"), Integer::sum);
                    });
                    versions.put(rs.getLong(1), units);
                }
            }
        }
        return versions;
    }

    private static void recordLines(Connection c, String orderId, long version, String lines) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT OR REPLACE INTO order_lines_version (order_id, version, lines) VALUES (?, ?, ?)")) {
            s.setString(1, orderId);
            s.setLong(2, version);
            s.setString(3, lines);
            s.executeUpdate();
        }
    }

    @Override
    public OrderPage orders(Optional<OrderStatus> status, int page, int pageSize) {
        return db.transaction(c -> {
            String where = status.isPresent() ? " WHERE status = ?" : "";
            long total;
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM pack_order" + where)) {
                if (status.isPresent()) {
                    s.setString(1, status.get().name());
                }
                try (ResultSet rs = s.executeQuery()) {
                    total = rs.next() ? rs.getLong(1) : 0;
                }
            }
            List<SyncedOrder> orders = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT " + ORDER_COLUMNS + " FROM pack_order" + where + " ORDER BY id LIMIT ? OFFSET ?")) {
                int i = 1;
                if (status.isPresent()) {
                    s.setString(i++, status.get().name());
                }
                s.setInt(i++, pageSize);
                s.setLong(i, (long) (page - 1) * pageSize);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        orders.add(Row.of(rs).toSynced());
                    }
                }
            }
            return new OrderPage(orders, page, pageSize, total);
        });
    }

    @Override
    public <T, R> List<R> inBatch(List<T> inputs, Function<T, R> apply, BiFunction<T, RuntimeException, R> refused) {
        return db.transaction(c -> {
            List<R> results = new ArrayList<>(inputs.size());
            for (T input : inputs) {
                R result;
                try {
                    result = db.savepoint(x -> apply.apply(input));
                } catch (Conflict | Missing | IllegalArgumentException | ProtocolException e) {
                    result = refused.apply(input, e);
                }
                results.add(result);
            }
            return results;
        });
    }

    @Override
    public FeedPage feed(long after, int limit) {
        return db.transaction(c -> {
            List<JsonObject> changes = new ArrayList<>();
            long cursor = after;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT CASE deleted WHEN 0 THEN 'item' ELSE 'item-deleted' END, sku, change_seq FROM item WHERE change_seq > ?1"
                            + " UNION ALL SELECT 'badge', code, change_seq FROM badge WHERE change_seq > ?1"
                            + " UNION ALL SELECT 'order', id, change_seq FROM pack_order WHERE change_seq > ?1"
                            + " UNION ALL SELECT 'box', code, change_seq FROM box WHERE change_seq > ?1"
                            + " ORDER BY 3 LIMIT ?2")) {
                s.setLong(1, after);
                s.setInt(2, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String type = rs.getString(1);
                        String key = rs.getString(2);
                        cursor = rs.getLong(3);
                        changes.add(switch (type) {
                            case "item" -> FeedCodec.item(item(c, key).orElseThrow()
                                    .withLearnedWeight(SqliteLearnedWeightRepository.learnedGrams(c, key)));
                            case "item-deleted" -> FeedCodec.itemDeleted(key);
                            case "badge" -> FeedCodec.badge(badge(c, key).orElseThrow());
                            case "box" -> FeedCodec.box(box(c, key).orElseThrow());
                            default -> FeedCodec.order(orderRow(c, key).orElseThrow().toSynced());
                        });
                    }
                }
            }
            return new FeedPage(changes, cursor);
        });
    }

    @Override
    public long changeHead() {
        return db.changeHead();
    }

    private static SyncedOrder synced(OrderContent content, long version, OrderStatus status, Optional<String> holdReason) {
        return new SyncedOrder(new Order(content.id(), version, content.lines(), content.shipBy(), content.priority(), status,
                holdReason, content.labels()), content.aliases());
    }

    private void checkAliasesFree(Connection c, OrderContent content) throws SQLException {
        Optional<String> idAsAlias = queryString(c, "SELECT order_id FROM order_alias WHERE alias = ?", content.id());
        if (idAsAlias.isPresent() && !idAsAlias.get().equals(content.id())) {
            throw new Conflict("id_taken", "id", "id " + content.id() + " is an alias of order " + idAsAlias.get());
        }
        for (int i = 0; i < content.aliases().size(); i++) {
            String alias = content.aliases().get(i);
            Optional<String> owner = queryString(c, "SELECT order_id FROM order_alias WHERE alias = ?", alias);
            if (owner.isPresent() && !owner.get().equals(content.id())) {
                throw new Conflict("alias_taken", "aliases[" + i + "]", "alias " + alias + " already opens order " + owner.get());
            }
            if (queryString(c, "SELECT id FROM pack_order WHERE id = ?", alias).isPresent()) {
                throw new Conflict("alias_taken", "aliases[" + i + "]", "alias " + alias + " is the id of another order");
            }
        }
    }

    /** Who holds the label key: the order listing it, and the orders of parcels a station closed with it. */
    private static List<LabelOwners.Owner> labelOwner(Connection c, String key) {
        try (PreparedStatement s = c.prepareStatement("SELECT l.order_id, l.label, o.status FROM order_label l"
                + " LEFT JOIN pack_order o ON o.id = l.order_id WHERE l.label_key = ?"
                + " UNION ALL SELECT p.order_id, p.label, o.status FROM parcel p LEFT JOIN pack_order o ON o.id = p.order_id"
                + " WHERE p.label_key = ?")) {
            s.setString(1, key);
            s.setString(2, key);
            List<LabelOwners.Owner> owners = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    owners.add(new LabelOwners.Owner(rs.getString(1), rs.getString(2), "CANCELLED".equals(rs.getString(3))));
                }
            }
            return owners;
        } catch (SQLException e) {
            throw new IllegalStateException("database: " + e.getMessage(), e);
        }
    }

    /** Makes the order's labels, and only those, its own in {@code order_label} (a cancelled owner's rows give way). */
    private static void indexLabels(Connection c, OrderContent content) throws SQLException {
        try (PreparedStatement d = c.prepareStatement("DELETE FROM order_label WHERE order_id = ?")) {
            d.setString(1, content.id());
            d.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO order_label (label_key, order_id, label) VALUES (?, ?, ?)"
                + " ON CONFLICT (label_key) DO UPDATE SET order_id = excluded.order_id, label = excluded.label")) {
            for (String label : content.labels()) {
                s.setString(1, LabelOwners.key(label));
                s.setString(2, content.id());
                s.setString(3, label);
                s.executeUpdate();
            }
        }
    }

    private static void insertAliases(Connection c, OrderContent content) throws SQLException {
        if (content.aliases().isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO order_alias (alias, order_id) VALUES (?, ?)")) {
            for (String alias : content.aliases()) {
                s.setString(1, alias);
                s.setString(2, content.id());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static String linesJson(List<OrderLine> lines) {
        JsonArray array = new JsonArray();
        lines.forEach(l -> array.add(new JsonObject().put("sku", l.sku()).put("quantity", l.quantity())));
        return array.encode();
    }

    private static Optional<Item> item(Connection c, String sku) throws SQLException {
        return queryString(c, "SELECT body FROM item WHERE sku = ?", sku)
                .map(body -> ItemCodec.fromJson(sku, new JsonObject(body)));
    }

    private static Optional<Badge> badge(Connection c, String code) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT name, role FROM badge WHERE code = ?")) {
            s.setString(1, code);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(BadgeCodec.fromJson(code, new JsonObject().put("name", rs.getString(1)).put("role", rs.getString(2))));
            }
        }
    }

    static Optional<Row> orderRow(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(ORDER_ROW)) {
            return orderRow(s, id);
        }
    }

    /** Reads an order's row with a statement of {@link #ORDER_ROW}. */
    static Optional<Row> orderRow(PreparedStatement s, String id) throws SQLException {
        s.setString(1, id);
        try (ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(Row.of(rs)) : Optional.empty();
        }
    }

    static Optional<String> queryString(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** A {@code pack_order} row as stored. */
    record Row(String id, long version, OrderStatus status, Optional<String> holdReason, Optional<OrderStatus> heldFrom,
               String shipBy, int priority, String lines, String aliases, String labels) {

        static Row of(ResultSet rs) throws SQLException {
            return new Row(rs.getString(1), rs.getLong(2), OrderStatus.valueOf(rs.getString(3)),
                    Optional.ofNullable(rs.getString(4)), Optional.ofNullable(rs.getString(5)).map(OrderStatus::valueOf),
                    rs.getString(6), rs.getInt(7), rs.getString(8), rs.getString(9), rs.getString(10));
        }

        SyncedOrder toSynced() {
            List<OrderLine> orderLines = new ArrayList<>();
            new JsonArray(lines).forEach(o -> {
                JsonObject line = (JsonObject) o;
                orderLines.add(new OrderLine(line.getString("sku"), line.getInteger("quantity")));
            });
            List<String> aliasList = new ArrayList<>();
            new JsonArray(aliases).forEach(a -> aliasList.add((String) a));
            List<String> labelList = new ArrayList<>();
            new JsonArray(labels).forEach(l -> labelList.add((String) l));
            Order order = new Order(id, version, orderLines, Optional.ofNullable(shipBy).map(Instant::parse), priority,
                    status, holdReason, labelList);
            return new SyncedOrder(order, aliasList);
        }
    }
}
