package io.packcheck.hub.storage;

import io.packcheck.hub.parcels.ClosedParcel;
import io.packcheck.hub.parcels.ParcelStore;
import io.vertx.core.json.JsonObject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Closed parcels in {@code parcel}; the labels orders list in {@code order_label}. */
public final class SqliteParcelRepository implements ParcelStore {

    private static final String COLUMNS = "order_id, number, station_id, packer, event_id, box, label, items, weight_grams,"
            + " expected_grams, tolerance_grams, supervisor, override_reason, closed_at";
    private static final String RECORD = "INSERT INTO parcel (" + COLUMNS + ", label_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?) ON CONFLICT (order_id, number) DO UPDATE SET station_id = excluded.station_id,"
            + " packer = excluded.packer, event_id = excluded.event_id, box = excluded.box, label = excluded.label,"
            + " label_key = excluded.label_key, items = excluded.items, weight_grams = excluded.weight_grams,"
            + " expected_grams = excluded.expected_grams, tolerance_grams = excluded.tolerance_grams,"
            + " supervisor = excluded.supervisor, override_reason = excluded.override_reason, closed_at = excluded.closed_at";
    private static final String DROP = "DELETE FROM parcel WHERE order_id = ? AND station_id = ?";

    private final SqliteDatabase db;

    public SqliteParcelRepository(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public void record(ClosedParcel p) {
        db.transaction(c -> {
            JsonObject items = new JsonObject();
            p.items().forEach(items::put);
            PreparedStatement s = db.prepared(RECORD);
            s.setString(1, p.orderId());
            s.setInt(2, p.number());
            s.setString(3, p.stationId());
            s.setString(4, p.packer().orElse(null));
            s.setString(5, p.eventId().toString());
            s.setString(6, p.box().orElse(null));
            s.setString(7, p.label().orElse(null));
            s.setString(8, items.encode());
            grams(s, 9, p.weightGrams());
            grams(s, 10, p.expectedGrams());
            grams(s, 11, p.toleranceGrams());
            s.setString(12, p.supervisor().orElse(null));
            s.setString(13, p.overrideReason().orElse(null));
            s.setString(14, p.closedAt().toString());
            s.setString(15, p.label().orElse(null));
            s.executeUpdate();
            return null;
        });
    }

    @Override
    public void dropPackedAt(String orderId, String stationId) {
        db.transaction(c -> {
            PreparedStatement s = db.prepared(DROP);
            s.setString(1, orderId);
            s.setString(2, stationId);
            s.executeUpdate();
            return null;
        });
    }

    @Override
    public List<ClosedParcel> withLabel(String labelKey) {
        return query("SELECT " + COLUMNS + " FROM parcel WHERE label_key = ? ORDER BY closed_at DESC, order_id", labelKey);
    }

    @Override
    public List<ClosedParcel> ofOrder(String orderId) {
        return query("SELECT " + COLUMNS + " FROM parcel WHERE order_id = ? ORDER BY number", orderId);
    }

    @Override
    public Optional<String> orderListing(String labelKey) {
        return db.transaction(c -> SqliteCatalogRepository.queryString(c, "SELECT l.order_id FROM order_label l"
                + " JOIN pack_order o ON o.id = l.order_id WHERE l.label_key = ? AND o.status <> 'CANCELLED'", labelKey));
    }

    private List<ClosedParcel> query(String sql, String parameter) {
        return db.transaction(c -> {
            List<ClosedParcel> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, parameter);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(parcel(rs));
                    }
                }
            }
            return out;
        });
    }

    private static ClosedParcel parcel(ResultSet rs) throws SQLException {
        Map<String, Integer> items = new LinkedHashMap<>();
        JsonObject json = new JsonObject(rs.getString(8));
        json.fieldNames().forEach(sku -> items.put(sku, json.getInteger(sku)));
        return new ClosedParcel(rs.getString(1), rs.getInt(2), rs.getString(3), Optional.ofNullable(rs.getString(4)),
                UUID.fromString(rs.getString(5)), Optional.ofNullable(rs.getString(6)), Optional.ofNullable(rs.getString(7)),
                items, grams(rs, 9), grams(rs, 10), grams(rs, 11), Optional.ofNullable(rs.getString(12)),
                Optional.ofNullable(rs.getString(13)), Instant.parse(rs.getString(14)));
    }

    private static void grams(PreparedStatement s, int index, Optional<Double> grams) throws SQLException {
        if (grams.isPresent()) {
            s.setDouble(index, grams.get());
        } else {
            s.setNull(index, Types.REAL);
        }
    }

    private static Optional<Double> grams(ResultSet rs, int index) throws SQLException {
        double value = rs.getDouble(index);
        return rs.wasNull() ? Optional.empty() : Optional.of(value);
    }
}
