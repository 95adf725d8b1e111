package io.packcheck.protocol;

import io.packcheck.core.catalog.Box;
import io.vertx.core.json.JsonObject;

/** Box types on the wire: the body of {@code PUT /boxes/{code}} and the {@code box} change of the station feed. */
public final class BoxCodec {

    private BoxCodec() {}

    /** Reads a box body; the code comes from the path (or the {@code code} field of a feed change). */
    public static Box fromJson(String code, JsonObject json) {
        JsonFields.requireKey("code", code);
        if (!code.matches("[A-Z0-9][A-Z0-9-]{0,31}")) {
            throw new ProtocolException("code", "box code '" + code + "' must be 1 to 32 upper-case letters, digits or dashes"
                    + " (it is printed as PCK-BOX-" + code + ")");
        }
        double tare = JsonFields.optionalDouble(json, "tareGrams", 0, Limits.MAX_GRAMS)
                .orElseThrow(() -> new ProtocolException("tareGrams", "tareGrams is required (the empty box's weight in grams)"));
        return new Box(code,
                JsonFields.optionalName(json, "name", Limits.MAX_NAME).orElse(code),
                tare,
                JsonFields.optionalInt(json, "innerLengthMm", 0, 10_000, 0),
                JsonFields.optionalInt(json, "innerWidthMm", 0, 10_000, 0),
                JsonFields.optionalInt(json, "innerHeightMm", 0, 10_000, 0));
    }

    public static JsonObject toJson(Box box) {
        return new JsonObject()
                .put("code", box.code())
                .put("name", box.name())
                .put("tareGrams", box.tareGrams())
                .put("innerLengthMm", box.innerLengthMm())
                .put("innerWidthMm", box.innerWidthMm())
                .put("innerHeightMm", box.innerHeightMm());
    }
}
