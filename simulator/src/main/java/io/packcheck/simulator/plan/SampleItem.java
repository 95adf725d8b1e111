package io.packcheck.simulator.plan;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * One catalog item of the sample warehouse.
 *
 * @param ean13    the unit barcode
 * @param casePack    the GTIN-14 of the case and the units it holds, for items sold by the case too
 * @param weightGrams one unit's weight as the catalogue gives it (a real unit is off by a few percent)
 */
public record SampleItem(String sku, String name, String ean13, Optional<CasePack> casePack, Tracking tracking,
        int minShelfLifeDays, double weightGrams) {

    /** How units of this item must be scanned. */
    public enum Tracking {
        NONE,
        /** Lot-tracked, with an expiry date: a GS1 DataMatrix with AI 17 and 10. */
        LOT,
        /** Serialised: a GS1 DataMatrix with AI 21. */
        SERIAL
    }

    /** A case of {@code quantity} units with its own GTIN-14 (indicator digit 1). */
    public record CasePack(String gtin14, int quantity) {}

    /** The unit's GTIN as 14 digits, as GS1 element strings carry it after AI 01. */
    public String gtin14() {
        return "0" + ean13;
    }

    /** The hub's item body ({@code PUT /api/v1/items/{sku}}), with the sku for bulk import. */
    public JsonObject body() {
        JsonArray barcodes = new JsonArray().add(new JsonObject().put("code", ean13).put("quantity", 1));
        casePack.ifPresent(c -> barcodes.add(new JsonObject().put("code", c.gtin14()).put("quantity", c.quantity())));
        return new JsonObject()
                .put("sku", sku)
                .put("name", name)
                .put("barcodes", barcodes)
                .put("serialized", tracking == Tracking.SERIAL)
                .put("lotTracked", tracking == Tracking.LOT)
                .put("minShelfLifeDays", minShelfLifeDays)
                .put("weightGrams", weightGrams);
    }
}
