package io.packcheck.hub.parcels;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Parcels as the API shows them. */
public final class ParcelJson {

    private ParcelJson() {}

    /** The answer of {@code GET /parcels/{label}}: the parcel, its order and how many parcels that order has. */
    public static JsonObject found(ParcelService.Found found) {
        ClosedParcel p = found.parcel();
        return new JsonObject()
                .put("label", p.label().orElse(null))
                .put("orderId", p.orderId())
                .put("parcel", p.number())
                .put("of", found.of())
                .put("stationId", p.stationId())
                .put("packer", p.packer().orElse(null))
                .put("closedAt", p.closedAt().toString())
                .put("items", items(p))
                .put("weightGrams", p.weightGrams().orElse(null))
                .put("expectedWeightGrams", p.expectedGrams().orElse(null))
                .put("toleranceGrams", p.toleranceGrams().orElse(null))
                .put("box", p.box().orElse(null))
                .put("supervisor", p.supervisor().orElse(null))
                .put("overrideReason", p.overrideReason().orElse(null));
    }

    /** {@code verification.parcels} of an order, by number. */
    public static JsonArray ofOrder(List<ClosedParcel> parcels) {
        JsonArray out = new JsonArray();
        for (ClosedParcel p : parcels) {
            out.add(new JsonObject()
                    .put("number", p.number())
                    .put("label", p.label().orElse(null))
                    .put("box", p.box().orElse(null))
                    .put("items", items(p))
                    .put("weightGrams", p.weightGrams().orElse(null))
                    .put("expectedWeightGrams", p.expectedGrams().orElse(null))
                    .put("toleranceGrams", p.toleranceGrams().orElse(null))
                    .put("stationId", p.stationId())
                    .put("packer", p.packer().orElse(null))
                    .put("closedAt", p.closedAt().toString())
                    .put("supervisor", p.supervisor().orElse(null))
                    .put("overrideReason", p.overrideReason().orElse(null)));
        }
        return out;
    }

    private static JsonArray items(ClosedParcel p) {
        JsonArray items = new JsonArray();
        p.items().forEach((sku, n) -> items.add(new JsonObject().put("sku", sku).put("quantity", n)));
        return items;
    }
}
