package io.packcheck.simulator.plan;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An order and how the simulated packer will pack it, scan by scan, with what each scan must produce.
 *
 * @param lines     SKU to quantity, in pick order
 * @param injection the error this order carries, if any
 * @param labels    the shipping labels the order lists (empty: the station prints one and the packer scans it first)
 */
public record OrderPlan(String id, Map<String, Integer> lines, Instant shipBy, List<Step> steps,
        Optional<Injection> injection, List<String> labels) {

    public OrderPlan {
        lines = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lines));
        steps = List.copyOf(steps);
        labels = List.copyOf(labels);
    }

    /** The hub's order body, with the id for bulk import. */
    public JsonObject body() {
        JsonArray l = new JsonArray();
        lines.forEach((sku, quantity) -> l.add(new JsonObject().put("sku", sku).put("quantity", quantity)));
        return new JsonObject().put("id", id).put("lines", l).put("shipBy", shipBy.toString())
                .put("labels", new JsonArray(new java.util.ArrayList<>(labels)));
    }

    /** Whether the simulated day ends this order VERIFIED (else it is cancelled during packing). */
    public boolean endsVerified() {
        return injection.filter(i -> i == Injection.CANCEL_DURING_PACKING).isEmpty();
    }
}
