package io.packcheck.hub.storage;

import io.packcheck.core.weight.WeighedParcel;
import io.packcheck.hub.weights.LearnedWeightStore;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Learned weights in SQLite; parcels read from the stored PARCEL_CLOSED events. */
public final class SqliteLearnedWeightRepository implements LearnedWeightStore {

    private final SqliteDatabase db;

    public SqliteLearnedWeightRepository(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public long lastParcelSeq() {
        return db.transaction(c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(hub_seq), 0) FROM station_event WHERE kind = 'PARCEL_CLOSED'")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    @Override
    public List<WeighedParcel> weighedParcels(int newest) {
        return db.transaction(c -> {
            List<WeighedParcel> parcels = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT e.body FROM station_event e"
                    + " LEFT JOIN pack_order o ON o.id = e.order_id"
                    + " WHERE e.kind = 'PARCEL_CLOSED' AND (o.status IS NULL OR o.status <> 'EXCEPTION')"
                    + " ORDER BY e.hub_seq DESC LIMIT ?")) {
                s.setInt(1, newest);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        parcel(new JsonObject(rs.getString(1))).ifPresent(parcels::add);
                    }
                }
            }
            return parcels;
        });
    }

    /** A parcel worth learning from: weighed, with items, and not let through by a supervisor. */
    private static Optional<WeighedParcel> parcel(JsonObject event) {
        JsonObject parcel = event.getJsonObject("parcel");
        if (parcel == null || event.getString("supervisor") != null) {
            return Optional.empty();
        }
        Object weight = parcel.getValue("weightGrams");
        JsonObject items = parcel.getJsonObject("items");
        if (!(weight instanceof Number grams) || grams.doubleValue() <= 0 || items == null) {
            return Optional.empty();
        }
        Map<String, Integer> units = new TreeMap<>();
        for (String sku : items.fieldNames()) {
            Object count = items.getValue(sku);
            if (count instanceof Number n && n.intValue() > 0) {
                units.put(sku, n.intValue());
            }
        }
        if (units.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new WeighedParcel(units, Optional.ofNullable(parcel.getString("box")), grams.doubleValue()));
    }

    @Override
    public List<String> replace(Map<String, Learned> units, Map<Optional<String>, Learned> tares, Instant at,
            ChangeRule changedBy) {
        return db.transaction(c -> {
            Map<String, Double> before = gramsBySku(c);
            List<String> changed = new ArrayList<>();
            for (Map.Entry<String, Double> old : before.entrySet()) {
                Learned now = units.get(old.getKey());
                if (now == null || changedBy.changed(old.getValue(), now.grams())) {
                    changed.add(old.getKey());
                }
            }
            units.keySet().stream().filter(sku -> !before.containsKey(sku)).forEach(changed::add);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM learned_tare");
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM learned_weight WHERE sku = ?")) {
                for (String sku : before.keySet()) {
                    if (!units.containsKey(sku)) {
                        delete.setString(1, sku);
                        delete.executeUpdate();
                    }
                }
            }
            try (PreparedStatement put = c.prepareStatement("INSERT INTO learned_weight (sku, grams, parcels, spread, fitted_at)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (sku) DO UPDATE SET grams = CASE WHEN ?6 THEN excluded.grams"
                    + " ELSE learned_weight.grams END, parcels = excluded.parcels, spread = excluded.spread,"
                    + " fitted_at = excluded.fitted_at")) {
                for (Map.Entry<String, Learned> unit : units.entrySet()) {
                    // a weight that barely moved keeps the grams the stations already have
                    put.setString(1, unit.getKey());
                    put.setDouble(2, unit.getValue().grams());
                    put.setInt(3, unit.getValue().parcels());
                    put.setDouble(4, unit.getValue().spreadGrams());
                    put.setString(5, at.toString());
                    put.setBoolean(6, changed.contains(unit.getKey()));
                    put.executeUpdate();
                }
            }
            try (PreparedStatement put = c.prepareStatement(
                    "INSERT INTO learned_tare (box, grams, parcels, spread, fitted_at) VALUES (?, ?, ?, ?, ?)")) {
                for (Map.Entry<Optional<String>, Learned> tare : tares.entrySet()) {
                    put.setString(1, tare.getKey().orElse(""));
                    put.setDouble(2, tare.getValue().grams());
                    put.setInt(3, tare.getValue().parcels());
                    put.setDouble(4, tare.getValue().spreadGrams());
                    put.setString(5, at.toString());
                    put.executeUpdate();
                }
            }
            // the station feed picks items by change_seq: a new one sends the item, learned weight and all, again
            try (PreparedStatement bump = c.prepareStatement(
                    "UPDATE item SET change_seq = ?, updated_at = ? WHERE sku = ? AND deleted = 0")) {
                for (String sku : changed) {
                    bump.setLong(1, db.nextChangeSeq());
                    bump.setString(2, at.toString());
                    bump.setString(3, sku);
                    bump.executeUpdate();
                }
            }
            return changed;
        });
    }

    private static Map<String, Double> gramsBySku(Connection c) throws SQLException {
        Map<String, Double> grams = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT sku, grams FROM learned_weight")) {
            while (rs.next()) {
                grams.put(rs.getString(1), rs.getDouble(2));
            }
        }
        return grams;
    }

    @Override
    public List<WeightRow> weights() {
        return db.transaction(c -> {
            Map<String, WeightRow> rows = new LinkedHashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT i.sku, i.body, l.grams, l.parcels, l.spread FROM item i LEFT JOIN learned_weight l ON l.sku = i.sku"
                            + " WHERE i.deleted = 0 ORDER BY i.sku")) {
                while (rs.next()) {
                    Object catalogue = new JsonObject(rs.getString(2)).getValue("weightGrams");
                    Optional<Double> grams = catalogue instanceof Number n ? Optional.of(n.doubleValue()) : Optional.empty();
                    rs.getDouble(3);
                    Optional<Learned> learned = rs.wasNull() ? Optional.empty()
                            : Optional.of(new Learned(rs.getDouble(3), rs.getInt(4), rs.getDouble(5)));
                    if (grams.isPresent() || learned.isPresent()) {
                        rows.put(rs.getString(1), new WeightRow(rs.getString(1), grams, learned));
                    }
                }
            }
            return List.copyOf(rows.values());
        });
    }

    @Override
    public Map<Optional<String>, Learned> tares() {
        return db.transaction(c -> {
            Map<Optional<String>, Learned> tares = new LinkedHashMap<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT box, grams, parcels, spread FROM learned_tare ORDER BY box")) {
                while (rs.next()) {
                    String box = rs.getString(1);
                    tares.put(box.isEmpty() ? Optional.empty() : Optional.of(box),
                            new Learned(rs.getDouble(2), rs.getInt(3), rs.getDouble(4)));
                }
            }
            return tares;
        });
    }

    /** The learned weight stations get with the item, if any; inside the feed's transaction. */
    static Optional<Double> learnedGrams(Connection c, String sku) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT grams FROM learned_weight WHERE sku = ?")) {
            s.setString(1, sku);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getDouble(1)) : Optional.empty();
            }
        }
    }
}
