package io.packcheck.station.store;

import io.packcheck.core.barcode.Gtin;
import io.packcheck.core.catalog.Badge;
import io.packcheck.core.catalog.Box;
import io.packcheck.core.catalog.Item;
import io.packcheck.core.catalog.ItemBarcode;
import io.packcheck.core.catalog.Order;
import io.packcheck.core.catalog.OrderLine;
import io.packcheck.core.catalog.OrderStatus;
import io.packcheck.core.label.ShippingLabels;
import io.packcheck.core.verify.Catalog;
import io.packcheck.core.verify.ItemMatch;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The station's order cache in SQLite: what the verification rules look up on every scan, and what
 * the hub's feed (or an import file) keeps current. A batch of changes and the feed cursor that
 * follows it are written in one transaction, so a restart resumes the feed exactly where the cache is.
 */
public final class SqliteOrderCache implements Catalog {

    /** The cursor of the hub's change feed. */
    public static final String FEED_CURSOR = "feed";

    private static final String ITEM_BY_SKU =
            "SELECT sku, name, serialized, lot_tracked, min_shelf_life_days, weight_grams, learned_weight_grams FROM items WHERE sku = ?";
    private static final String BARCODES_OF_ITEM =
            "SELECT code, quantity FROM barcodes WHERE sku = ? ORDER BY position";
    private static final String BARCODE_BY_GTIN =
            "SELECT sku, quantity FROM barcodes WHERE gtin14 = ?1"
                    + " UNION ALL SELECT sku, quantity FROM barcodes WHERE upce_gtin14 = ?1 LIMIT 1";
    private static final String BARCODE_BY_CODE = "SELECT sku, quantity FROM barcodes WHERE code = ?";
    private static final String ORDER_BY_ID_OR_ALIAS =
            "SELECT id, version, status, hold_reason, ship_by, priority FROM orders WHERE id = ?1"
                    + " UNION ALL SELECT o.id, o.version, o.status, o.hold_reason, o.ship_by, o.priority"
                    + " FROM order_aliases a JOIN orders o ON o.id = a.order_id WHERE a.alias = ?1 LIMIT 1";
    private static final String LINES_OF_ORDER =
            "SELECT sku, quantity FROM order_lines WHERE order_id = ? ORDER BY position";
    private static final String ALIASES_OF_ORDER = "SELECT alias FROM order_aliases WHERE order_id = ? ORDER BY alias";
    private static final String LABELS_OF_ORDER = "SELECT label FROM order_labels WHERE order_id = ? ORDER BY position";
    private static final String ORDER_OF_LABEL = "SELECT order_id FROM order_labels WHERE label = ?1"
            + " UNION ALL SELECT order_id FROM bound_labels WHERE label = ?1 LIMIT 1";
    private static final String BOX_BY_CODE =
            "SELECT code, name, tare_grams, inner_length_mm, inner_width_mm, inner_height_mm FROM boxes WHERE code = ?";
    private static final String BADGE_BY_CODE = "SELECT code, name, role FROM badges WHERE code = ?";
    private static final String CURSOR = "SELECT value, updated_at FROM sync_cursors WHERE name = ?";
    private static final String PUT_CURSOR =
            "INSERT INTO sync_cursors (name, value, updated_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at";
    private static final String LAST_SYNC = "last-sync";

    private final StationDatabase db;
    private final Clock clock;

    public SqliteOrderCache(StationDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Optional<Order> order(String idOrAlias) {
        return db.read(d -> findOrder(d, idOrAlias));
    }

    @Override
    public Optional<ItemMatch> itemByGtin(Gtin gtin) {
        return db.read(d -> findMatch(d, BARCODE_BY_GTIN, gtin.digits()));
    }

    @Override
    public Optional<ItemMatch> itemByCode(String code) {
        return db.read(d -> findMatch(d, BARCODE_BY_CODE, code));
    }

    @Override
    public Optional<Badge> badge(String code) {
        return db.read(d -> {
            PreparedStatement s = d.statement(BADGE_BY_CODE);
            s.setString(1, code);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Badge(rs.getString(1), rs.getString(2), Badge.Role.valueOf(rs.getString(3))));
            }
        });
    }

    @Override
    public Optional<Box> box(String code) {
        return db.read(d -> {
            PreparedStatement s = d.statement(BOX_BY_CODE);
            s.setString(1, code);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Box(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6)));
            }
        });
    }

    @Override
    public Optional<String> orderOfLabel(String trackingNumber) {
        return db.read(d -> {
            PreparedStatement s = d.statement(ORDER_OF_LABEL);
            s.setString(1, trackingNumber);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        });
    }

    /** Remembers that this station put a label on a parcel of an order that listed none. */
    public void bindLabel(String trackingNumber, String orderId) {
        db.transaction(d -> {
            PreparedStatement s = d.statement("INSERT INTO bound_labels (label, order_id, bound_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT (label) DO NOTHING");
            s.setString(1, trackingNumber);
            s.setString(2, orderId);
            s.setLong(3, clock.millis());
            s.executeUpdate();
            return null;
        });
    }

    @Override
    public Optional<Item> item(String sku) {
        return db.read(d -> findItem(d, sku));
    }

    /** The pack slip and tote codes that open this order. */
    public List<String> aliases(String orderId) {
        return db.read(d -> {
            PreparedStatement s = d.statement(ALIASES_OF_ORDER);
            s.setString(1, orderId);
            List<String> aliases = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    aliases.add(rs.getString(1));
                }
            }
            return aliases;
        });
    }

    /**
     * Applies the changes and, when given, moves the cursor, all in one transaction; records the
     * time as the last sync, which the packer screen shows as the cache age.
     */
    public void applyChanges(List<CatalogChange> changes, Optional<String> newCursor) {
        db.transaction(d -> {
            for (CatalogChange change : changes) {
                apply(d, change);
            }
            long now = clock.millis();
            if (newCursor.isPresent()) {
                putCursor(d, FEED_CURSOR, newCursor.get(), now);
                putCursor(d, LAST_SYNC, Long.toString(now), now);
            }
            return null;
        });
    }

    /** Applies changes that did not come from the feed (an import): the cursor stays. */
    public void apply(List<CatalogChange> changes) {
        applyChanges(changes, Optional.empty());
    }

    /**
     * The item and code already holding this code in the cache under any of its GTIN forms (an EAN-13 and its
     * GTIN-14 are one code), other than {@code sku}'s own.
     */
    public Optional<CodeOwner> owner(String code, String sku) {
        BarcodeKeys keys = BarcodeKeys.of(code);
        return db.read(d -> {
            PreparedStatement s = d.statement("SELECT sku, code FROM barcodes WHERE sku <> ?1 AND (code = ?2"
                    + " OR gtin14 IN (?3, ?4) OR upce_gtin14 IN (?3, ?4)) LIMIT 1");
            s.setString(1, sku);
            s.setString(2, code);
            setOptional(s, 3, keys.gtin().map(Gtin::digits));
            setOptional(s, 4, keys.upcE().map(Gtin::digits));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new CodeOwner(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        });
    }

    /** The item that owns a code, and the code as that item lists it. */
    public record CodeOwner(String sku, String code) {}

    /** Records that the station heard from the hub, even when the feed had nothing new. */
    public void markSynced() {
        db.transaction(d -> {
            long now = clock.millis();
            putCursor(d, LAST_SYNC, Long.toString(now), now);
            return null;
        });
    }

    /** Where the hub's feed should resume. */
    public Optional<String> feedCursor() {
        return db.read(d -> cursor(d, FEED_CURSOR));
    }

    /** When the station last heard from the hub's feed. */
    public Optional<Instant> lastSync() {
        return db.read(d -> cursor(d, LAST_SYNC)).map(v -> Instant.ofEpochMilli(Long.parseLong(v)));
    }

    /** How old the cache is, for the packer screen; empty when it was never synced with a hub. */
    public Optional<Duration> cacheAge() {
        Instant now = clock.instant();
        return lastSync().map(at -> Duration.between(at, now));
    }

    private static void apply(StationDatabase d, CatalogChange change) throws SQLException {
        if (change instanceof CatalogChange.PutItem put) {
            putItem(d, put.item());
        } else if (change instanceof CatalogChange.RemoveItem remove) {
            // barcodes go with it (ON DELETE CASCADE)
            PreparedStatement s = d.statement("DELETE FROM items WHERE sku = ?");
            s.setString(1, remove.sku());
            s.executeUpdate();
        } else if (change instanceof CatalogChange.PutOrder put) {
            putOrder(d, put.order(), put.aliases());
        } else if (change instanceof CatalogChange.SetOrderStatus set) {
            // an older version never replaces a newer one the station already has (fetched directly, say)
            PreparedStatement s = d.statement(
                    "UPDATE orders SET version = ?, status = ?, hold_reason = ? WHERE id = ? AND version <= ?");
            s.setLong(1, set.version());
            s.setString(2, set.status().name());
            setOptional(s, 3, set.holdReason());
            s.setString(4, set.orderId());
            s.setLong(5, set.version());
            s.executeUpdate();
        } else if (change instanceof CatalogChange.RemoveOrder remove) {
            PreparedStatement s = d.statement("DELETE FROM orders WHERE id = ?");
            s.setString(1, remove.orderId());
            s.executeUpdate();
        } else if (change instanceof CatalogChange.PutBadge put) {
            PreparedStatement s = d.statement("INSERT INTO badges (code, name, role) VALUES (?, ?, ?)"
                    + " ON CONFLICT (code) DO UPDATE SET name = excluded.name, role = excluded.role");
            s.setString(1, put.badge().code());
            s.setString(2, put.badge().name());
            s.setString(3, put.badge().role().name());
            s.executeUpdate();
        } else if (change instanceof CatalogChange.PutBox put) {
            Box box = put.box();
            PreparedStatement s = d.statement("INSERT INTO boxes (code, name, tare_grams, inner_length_mm, inner_width_mm,"
                    + " inner_height_mm) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name,"
                    + " tare_grams = excluded.tare_grams, inner_length_mm = excluded.inner_length_mm,"
                    + " inner_width_mm = excluded.inner_width_mm, inner_height_mm = excluded.inner_height_mm");
            s.setString(1, box.code());
            s.setString(2, box.name());
            s.setDouble(3, box.tareGrams());
            s.setInt(4, box.innerLengthMm());
            s.setInt(5, box.innerWidthMm());
            s.setInt(6, box.innerHeightMm());
            s.executeUpdate();
        } else if (change instanceof CatalogChange.RemoveBadge remove) {
            PreparedStatement s = d.statement("DELETE FROM badges WHERE code = ?");
            s.setString(1, remove.code());
            s.executeUpdate();
        } else {
            throw new IllegalArgumentException("unknown catalog change " + change);
        }
    }

    private static void putItem(StationDatabase d, Item item) throws SQLException {
        PreparedStatement upsert = d.statement(
                "INSERT INTO items (sku, name, serialized, lot_tracked, min_shelf_life_days, weight_grams, learned_weight_grams)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (sku) DO UPDATE SET name = excluded.name, serialized = excluded.serialized,"
                        + " lot_tracked = excluded.lot_tracked, min_shelf_life_days = excluded.min_shelf_life_days,"
                        + " weight_grams = excluded.weight_grams, learned_weight_grams = excluded.learned_weight_grams");
        upsert.setString(1, item.sku());
        upsert.setString(2, item.name());
        upsert.setInt(3, item.serialized() ? 1 : 0);
        upsert.setInt(4, item.lotTracked() ? 1 : 0);
        upsert.setInt(5, item.minShelfLifeDays());
        setGrams(upsert, 6, item.weightGrams());
        setGrams(upsert, 7, item.learnedWeightGrams());
        upsert.executeUpdate();

        PreparedStatement clear = d.statement("DELETE FROM barcodes WHERE sku = ?");
        clear.setString(1, item.sku());
        clear.executeUpdate();

        // The hub gives a code to one item at a time and takes it off the old owner first; the feed may still
        // bring the new owner before the old one's change, so the newest item wins within this transaction.
        PreparedStatement takeOff = d.statement("DELETE FROM barcodes WHERE sku <> ?1 AND (code = ?2"
                + " OR gtin14 IN (?3, ?4) OR upce_gtin14 IN (?3, ?4))");
        for (ItemBarcode barcode : item.barcodes()) {
            BarcodeKeys keys = BarcodeKeys.of(barcode.code());
            takeOff.setString(1, item.sku());
            takeOff.setString(2, barcode.code());
            setOptional(takeOff, 3, keys.gtin().map(Gtin::digits));
            setOptional(takeOff, 4, keys.upcE().map(Gtin::digits));
            takeOff.executeUpdate();
        }

        PreparedStatement insert = d.statement(
                "INSERT INTO barcodes (code, sku, position, quantity, gtin14, upce_gtin14) VALUES (?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (code) DO UPDATE SET sku = excluded.sku, position = excluded.position,"
                        + " quantity = excluded.quantity, gtin14 = excluded.gtin14, upce_gtin14 = excluded.upce_gtin14");
        int position = 0;
        for (ItemBarcode barcode : item.barcodes()) {
            BarcodeKeys keys = BarcodeKeys.of(barcode.code());
            insert.setString(1, barcode.code());
            insert.setString(2, item.sku());
            insert.setInt(3, position++);
            insert.setInt(4, barcode.quantity());
            setOptional(insert, 5, keys.gtin().map(Gtin::digits));
            setOptional(insert, 6, keys.upcE().map(Gtin::digits));
            insert.executeUpdate();
        }
    }

    private static Optional<Long> storedVersion(StationDatabase d, String orderId) throws SQLException {
        PreparedStatement s = d.statement("SELECT version FROM orders WHERE id = ?");
        s.setString(1, orderId);
        try (ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
        }
    }

    private static void putOrder(StationDatabase d, Order order, List<String> aliases) throws SQLException {
        if (storedVersion(d, order.id()).filter(stored -> stored > order.version()).isPresent()) {
            // the feed can lag behind an order the station asked the hub for directly: keep the newer one
            return;
        }
        PreparedStatement upsert = d.statement(
                "INSERT INTO orders (id, version, status, hold_reason, ship_by, priority) VALUES (?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (id) DO UPDATE SET version = excluded.version, status = excluded.status,"
                        + " hold_reason = excluded.hold_reason, ship_by = excluded.ship_by, priority = excluded.priority");
        upsert.setString(1, order.id());
        upsert.setLong(2, order.version());
        upsert.setString(3, order.status().name());
        setOptional(upsert, 4, order.holdReason());
        setOptional(upsert, 5, order.shipBy().map(Instant::toString));
        upsert.setInt(6, order.priority());
        upsert.executeUpdate();

        PreparedStatement clearLines = d.statement("DELETE FROM order_lines WHERE order_id = ?");
        clearLines.setString(1, order.id());
        clearLines.executeUpdate();
        PreparedStatement line = d.statement(
                "INSERT INTO order_lines (order_id, position, sku, quantity) VALUES (?, ?, ?, ?)");
        int position = 0;
        for (OrderLine l : order.lines()) {
            line.setString(1, order.id());
            line.setInt(2, position++);
            line.setString(3, l.sku());
            line.setInt(4, l.quantity());
            line.executeUpdate();
        }

        PreparedStatement clearLabels = d.statement("DELETE FROM order_labels WHERE order_id = ?");
        clearLabels.setString(1, order.id());
        clearLabels.executeUpdate();
        // a label reprinted for another order follows the newest order, as a tote code does
        PreparedStatement label = d.statement("INSERT INTO order_labels (label, order_id, position) VALUES (?, ?, ?)"
                + " ON CONFLICT (label) DO UPDATE SET order_id = excluded.order_id, position = excluded.position");
        int labelPosition = 0;
        for (String l : order.labels()) {
            // as a scanned label is named: the carrier's tracking number, an SSCC's 18 digits
            label.setString(1, ShippingLabels.normalise(l));
            label.setString(2, order.id());
            label.setInt(3, labelPosition++);
            label.executeUpdate();
        }

        PreparedStatement clearAliases = d.statement("DELETE FROM order_aliases WHERE order_id = ?");
        clearAliases.setString(1, order.id());
        clearAliases.executeUpdate();
        // a tote is reused for the next order: the newest order owns the code
        PreparedStatement alias = d.statement("INSERT INTO order_aliases (alias, order_id) VALUES (?, ?)"
                + " ON CONFLICT (alias) DO UPDATE SET order_id = excluded.order_id");
        for (String a : aliases) {
            alias.setString(1, a);
            alias.setString(2, order.id());
            alias.executeUpdate();
        }
    }

    private static Optional<Order> findOrder(StationDatabase d, String idOrAlias) throws SQLException {
        PreparedStatement s = d.statement(ORDER_BY_ID_OR_ALIAS);
        s.setString(1, idOrAlias);
        String id;
        long version;
        OrderStatus status;
        Optional<String> holdReason;
        Optional<Instant> shipBy;
        int priority;
        try (ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            id = rs.getString(1);
            version = rs.getLong(2);
            status = OrderStatus.valueOf(rs.getString(3));
            holdReason = Optional.ofNullable(rs.getString(4));
            shipBy = Optional.ofNullable(rs.getString(5)).map(Instant::parse);
            priority = rs.getInt(6);
        }
        PreparedStatement linesQuery = d.statement(LINES_OF_ORDER);
        linesQuery.setString(1, id);
        List<OrderLine> lines = new ArrayList<>();
        try (ResultSet rs = linesQuery.executeQuery()) {
            while (rs.next()) {
                lines.add(new OrderLine(rs.getString(1), rs.getInt(2)));
            }
        }
        PreparedStatement labelsQuery = d.statement(LABELS_OF_ORDER);
        labelsQuery.setString(1, id);
        List<String> labels = new ArrayList<>();
        try (ResultSet rs = labelsQuery.executeQuery()) {
            while (rs.next()) {
                labels.add(rs.getString(1));
            }
        }
        return Optional.of(new Order(id, version, lines, shipBy, priority, status, holdReason, labels));
    }

    private static Optional<ItemMatch> findMatch(StationDatabase d, String sql, String key) throws SQLException {
        PreparedStatement s = d.statement(sql);
        s.setString(1, key);
        String sku;
        int quantity;
        try (ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            sku = rs.getString(1);
            quantity = rs.getInt(2);
        }
        return findItem(d, sku).map(item -> new ItemMatch(item, quantity));
    }

    private static Optional<Item> findItem(StationDatabase d, String sku) throws SQLException {
        PreparedStatement s = d.statement(ITEM_BY_SKU);
        s.setString(1, sku);
        String name;
        boolean serialized;
        boolean lotTracked;
        int minShelfLifeDays;
        Optional<Double> weight;
        Optional<Double> learned;
        try (ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            name = rs.getString(2);
            serialized = rs.getInt(3) != 0;
            lotTracked = rs.getInt(4) != 0;
            minShelfLifeDays = rs.getInt(5);
            weight = grams(rs, 6);
            learned = grams(rs, 7);
        }
        PreparedStatement codes = d.statement(BARCODES_OF_ITEM);
        codes.setString(1, sku);
        List<ItemBarcode> barcodes = new ArrayList<>();
        try (ResultSet rs = codes.executeQuery()) {
            while (rs.next()) {
                barcodes.add(new ItemBarcode(rs.getString(1), rs.getInt(2)));
            }
        }
        return Optional.of(new Item(sku, name, barcodes, serialized, lotTracked, minShelfLifeDays, weight, learned));
    }

    private static Optional<String> cursor(StationDatabase d, String name) throws SQLException {
        PreparedStatement s = d.statement(CURSOR);
        s.setString(1, name);
        try (ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    private static void putCursor(StationDatabase d, String name, String value, long now) throws SQLException {
        PreparedStatement s = d.statement(PUT_CURSOR);
        s.setString(1, name);
        s.setString(2, value);
        s.setLong(3, now);
        s.executeUpdate();
    }

    private static Optional<Double> grams(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(value);
    }

    private static void setGrams(PreparedStatement s, int index, Optional<Double> grams) throws SQLException {
        if (grams.isPresent()) {
            s.setDouble(index, grams.get());
        } else {
            s.setNull(index, Types.REAL);
        }
    }

    static void setOptional(PreparedStatement s, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            s.setString(index, value.get());
        } else {
            s.setNull(index, Types.VARCHAR);
        }
    }
}
