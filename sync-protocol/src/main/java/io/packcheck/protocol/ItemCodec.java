package io.packcheck.protocol;

import io.packcheck.core.barcode.Gtin;
import io.packcheck.core.catalog.Item;
import io.packcheck.core.catalog.ItemBarcode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Items on the wire: the body of {@code PUT /items/{sku}} and the {@code item} change of the station feed. */
public final class ItemCodec {

    public static final int MAX_BARCODES = 50;
    private static final Pattern GTIN_LIKE = Pattern.compile("\\d{8}|\\d{12,14}");
    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7E]{1,80}");

    private ItemCodec() {}

    /** Reads an item body; the SKU comes from the path (or the {@code sku} field of a bulk line). */
    public static Item fromJson(String sku, JsonObject json) {
        JsonFields.requireKey("sku", sku);
        String name = JsonFields.requireString(json, "name", Limits.MAX_NAME);
        if (name.isBlank()) {
            throw new ProtocolException("name", "name is blank");
        }
        JsonArray codes = JsonFields.optionalArray(json, "barcodes");
        if (codes.isEmpty()) {
            throw new ProtocolException("barcodes", "barcodes needs at least one code, or the item can never be scanned");
        }
        if (codes.size() > MAX_BARCODES) {
            throw new ProtocolException("barcodes", "barcodes has " + codes.size() + " codes; at most " + MAX_BARCODES);
        }
        List<ItemBarcode> barcodes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String field = "barcodes[" + i + "]";
            JsonObject b = JsonFields.objectAt(codes, i, "barcodes");
            String code;
            int quantity;
            try {
                code = JsonFields.requireString(b, "code", 80);
                quantity = JsonFields.optionalInt(b, "quantity", 1, Limits.MAX_QUANTITY, 1);
            } catch (ProtocolException e) {
                throw e.under(field);
            }
            if (!PRINTABLE.matcher(code).matches()) {
                throw new ProtocolException(field + ".code", "code '" + code + "' must be printable ASCII without spaces");
            }
            // A code that looks like a GTIN is matched as one at the station, so a bad check digit would never match.
            if (GTIN_LIKE.matcher(code).matches() && Gtin.parse(code) instanceof Gtin.Result.Invalid invalid
                    && !isUpcE(code)) {
                throw new ProtocolException(field + ".code", invalid.reason());
            }
            String identity = Gtin.tryParse(code).map(Gtin::digits).orElse(code);
            if (!seen.add(identity)) {
                throw new ProtocolException(field + ".code", "code " + code + " is listed twice");
            }
            barcodes.add(new ItemBarcode(code, quantity));
        }
        return new Item(sku, name,
                barcodes,
                JsonFields.optionalBoolean(json, "serialized", false),
                JsonFields.optionalBoolean(json, "lotTracked", false),
                JsonFields.optionalInt(json, "minShelfLifeDays", 0, 3650, 0),
                positiveGrams(json, "weightGrams"),
                positiveGrams(json, "learnedWeightGrams"));
    }

    /** A weight in grams: more than 0 and at most {@link Limits#MAX_GRAMS}. */
    static Optional<Double> positiveGrams(JsonObject json, String field) {
        Optional<Double> grams = JsonFields.optionalDouble(json, field, 0, Limits.MAX_GRAMS);
        if (grams.isPresent() && grams.get() == 0) {
            throw ProtocolException.outOfRange(field, field + " must be more than 0; leave it out when the weight is not known");
        }
        return grams;
    }

    // a printed UPC-E carries the check digit of its UPC-A expansion, which EAN-8 arithmetic rejects
    private static boolean isUpcE(String code) {
        return code.length() == 8 && Gtin.fromUpcE(code) instanceof Gtin.Result.Valid;
    }

    public static JsonObject toJson(Item item) {
        JsonArray barcodes = new JsonArray();
        item.barcodes().forEach(b -> barcodes.add(new JsonObject().put("code", b.code()).put("quantity", b.quantity())));
        return new JsonObject()
                .put("sku", item.sku())
                .put("name", item.name())
                .put("barcodes", barcodes)
                .put("serialized", item.serialized())
                .put("lotTracked", item.lotTracked())
                .put("minShelfLifeDays", item.minShelfLifeDays())
                .put("weightGrams", item.weightGrams().orElse(null))
                .put("learnedWeightGrams", item.learnedWeightGrams().orElse(null));
    }
}
