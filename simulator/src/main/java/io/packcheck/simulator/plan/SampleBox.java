package io.packcheck.simulator.plan;

import io.vertx.core.json.JsonObject;

/** A box type of the site's box catalogue, scanned as {@code PCK-BOX-<code>}; {@code tareGrams} is the empty box. */
public record SampleBox(String code, String name, double tareGrams) {

    /** The hub's box body ({@code PUT /api/v1/boxes/{code}}). */
    public JsonObject body() {
        return new JsonObject().put("name", name).put("tareGrams", tareGrams);
    }

    /** A station import line ({@code station-agent import}). */
    public JsonObject importLine() {
        return body().put("type", "box").put("code", code);
    }
}
