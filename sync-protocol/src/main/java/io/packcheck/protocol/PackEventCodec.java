package io.packcheck.protocol;

import io.packcheck.core.verify.PackEvent;
import io.packcheck.core.verify.PackEvent.EventKind;
import io.packcheck.core.verify.Verdict;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/** Station events on the wire: {@code {"id":"<uuid>","seq":n, ...every PackEvent field}}. */
public final class PackEventCodec {

    private PackEventCodec() {}

    public static StationEvent fromJson(JsonObject json) {
        String rawId = JsonFields.requireString(json, "id", 36);
        UUID id;
        try {
            id = UUID.fromString(rawId);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("id", "id '" + rawId + "' is not a UUID");
        }
        long seq = JsonFields.requireLong(json, "seq", 1, Long.MAX_VALUE);
        PackEvent event = new PackEvent(
                JsonFields.requireEnum(json, "kind", EventKind.class),
                JsonFields.requireEnum(json, "verdict", Verdict.class),
                JsonFields.optionalInstant(json, "at").orElseThrow(() -> new ProtocolException("at", "at is required")),
                JsonFields.requireKey("stationId", JsonFields.optionalString(json, "stationId", 64).orElse(null)),
                JsonFields.optionalString(json, "packer", 64),
                JsonFields.optionalString(json, "orderId", 64),
                JsonFields.optionalLong(json, "orderVersion", 0, Long.MAX_VALUE).orElse(0L),
                JsonFields.optionalString(json, "sku", 64),
                JsonFields.optionalString(json, "expectedSku", 64),
                JsonFields.optionalString(json, "raw", 4096).orElse(""),
                (int) JsonFields.optionalLong(json, "quantity", -100_000, 100_000).orElse(0L).longValue(),
                JsonFields.optionalString(json, "lot", 80),
                JsonFields.optionalString(json, "serial", 80),
                JsonFields.optionalString(json, "reason", 1000).orElse(""),
                JsonFields.optionalString(json, "supervisor", 64),
                JsonFields.optionalString(json, "reasonCode", 64));
        return new StationEvent(id, seq, event);
    }

    public static JsonObject toJson(StationEvent stationEvent) {
        PackEvent e = stationEvent.event();
        return new JsonObject()
                .put("id", stationEvent.id().toString())
                .put("seq", stationEvent.seq())
                .put("kind", e.kind().name())
                .put("verdict", e.verdict().name())
                .put("at", e.at().toString())
                .put("stationId", e.stationId())
                .put("packer", e.packer().orElse(null))
                .put("orderId", e.orderId().orElse(null))
                .put("orderVersion", e.orderVersion())
                .put("sku", e.sku().orElse(null))
                .put("expectedSku", e.expectedSku().orElse(null))
                .put("raw", e.raw())
                .put("quantity", e.quantity())
                .put("lot", e.lot().orElse(null))
                .put("serial", e.serial().orElse(null))
                .put("reason", e.reason())
                .put("supervisor", e.supervisor().orElse(null))
                .put("reasonCode", e.reasonCode().orElse(null));
    }
}
