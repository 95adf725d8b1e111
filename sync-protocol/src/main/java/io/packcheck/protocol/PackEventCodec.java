package io.packcheck.protocol;

import io.packcheck.core.verify.PackEvent;
import io.packcheck.core.verify.PackEvent.EventKind;
import io.packcheck.core.verify.PackEvent.Parcel;
import io.packcheck.core.verify.Verdict;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
        // raw and reason are recorded cut and cleaned, never refused: a refused event would leave a gap for good
        PackEvent event = new PackEvent(
                JsonFields.requireEnum(json, "kind", EventKind.class),
                JsonFields.requireEnum(json, "verdict", Verdict.class),
                JsonFields.optionalInstant(json, "at").orElseThrow(() -> new ProtocolException("at", "at is required")),
                JsonFields.requireKey("stationId", JsonFields.optionalId(json, "stationId").orElse(null)),
                JsonFields.optionalId(json, "packer"),
                JsonFields.optionalId(json, "orderId"),
                JsonFields.optionalLong(json, "orderVersion", 0, Long.MAX_VALUE).orElse(0L),
                JsonFields.optionalId(json, "sku"),
                JsonFields.optionalId(json, "expectedSku"),
                Limits.rawForRecord(JsonFields.optionalText(json, "raw").orElse("")),
                (int) JsonFields.optionalLong(json, "quantity", -Limits.MAX_QUANTITY, Limits.MAX_QUANTITY).orElse(0L).longValue(),
                JsonFields.optionalName(json, "lot", Limits.MAX_LOT_SERIAL),
                JsonFields.optionalName(json, "serial", Limits.MAX_LOT_SERIAL),
                Limits.reasonForRecord(JsonFields.optionalText(json, "reason").orElse("")),
                JsonFields.optionalId(json, "supervisor"),
                JsonFields.optionalId(json, "reasonCode"),
                parcel(json));
        return new StationEvent(id, seq, event);
    }

    private static Optional<Parcel> parcel(JsonObject json) {
        Object value = json.getValue("parcel");
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof JsonObject p)) {
            throw new ProtocolException("parcel", "parcel must be an object");
        }
        try {
            Object rawItems = p.getValue("items");
            if (rawItems != null && !(rawItems instanceof JsonObject)) {
                throw new ProtocolException("items", "items must be an object of SKU to units");
            }
            JsonObject items = rawItems == null ? new JsonObject() : (JsonObject) rawItems;
            if (items.size() > OrderCodec.MAX_LINES) {
                throw new ProtocolException("items", "items has " + items.size() + " SKUs; at most " + OrderCodec.MAX_LINES);
            }
            Map<String, Integer> units = new LinkedHashMap<>();
            for (String sku : items.fieldNames()) {
                JsonFields.requireKey("items", sku);
                units.put(sku, (int) JsonFields.requireLong(items, sku, 0, Limits.MAX_QUANTITY));
            }
            return Optional.of(new Parcel(
                    (int) JsonFields.requireLong(p, "number", 1, 10_000),
                    JsonFields.optionalId(p, "box"),
                    JsonFields.optionalName(p, "label", 64),
                    units,
                    JsonFields.optionalDouble(p, "weightGrams", -Limits.MAX_GRAMS, Limits.MAX_GRAMS),
                    JsonFields.optionalDouble(p, "expectedGrams", 0, Limits.MAX_GRAMS),
                    JsonFields.optionalDouble(p, "toleranceGrams", 0, Limits.MAX_GRAMS)));
        } catch (ProtocolException e) {
            throw e.under("parcel");
        }
    }

    private static JsonObject parcelJson(Parcel p) {
        JsonObject items = new JsonObject();
        p.items().forEach(items::put);
        return new JsonObject()
                .put("number", p.number())
                .put("box", p.box().orElse(null))
                .put("label", p.label().orElse(null))
                .put("items", items)
                .put("weightGrams", p.weightGrams().orElse(null))
                .put("expectedGrams", p.expectedGrams().orElse(null))
                .put("toleranceGrams", p.toleranceGrams().orElse(null));
    }

    /** The event as it may be recorded: raw scan and reason cleaned and cut by the shared {@link Limits}. */
    public static PackEvent forRecord(PackEvent e) {
        String raw = Limits.rawForRecord(e.raw());
        String reason = Limits.reasonForRecord(e.reason());
        if (raw.equals(e.raw()) && reason.equals(e.reason())) {
            return e;
        }
        return new PackEvent(e.kind(), e.verdict(), e.at(), e.stationId(), e.packer(), e.orderId(), e.orderVersion(),
                e.sku(), e.expectedSku(), raw, e.quantity(), e.lot(), e.serial(), reason, e.supervisor(), e.reasonCode(),
                e.parcel());
    }

    public static JsonObject toJson(StationEvent stationEvent) {
        PackEvent e = stationEvent.event();
        JsonObject json = new JsonObject()
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
        e.parcel().ifPresent(p -> json.put("parcel", parcelJson(p)));
        return json;
    }
}
