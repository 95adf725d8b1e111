package io.packcheck.hub.orders;

import io.packcheck.core.verify.PackEvent;
import io.packcheck.protocol.PackEventCodec;
import io.packcheck.hub.storage.EventRepository.StoredEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * What the stations reported about one order: who packed it, when, every verdict, the mismatches, the units
 * counted as the station counted them ({@link BoxReplay}), extras a supervisor let in, and whether the box
 * was packed under a supervisor override.
 */
public final class VerificationDetail {

    private VerificationDetail() {}

    /** @param linesAt the units the order asked for per SKU at a version, for a box packed against an older one */
    public static JsonObject of(List<StoredEvent> events, LongFunction<Optional<Map<String, Integer>>> linesAt) {
        JsonObject detail = new JsonObject()
                .putNull("stationId").putNull("packer").putNull("startedAt").putNull("finishedAt");
        JsonArray all = new JsonArray();
        JsonArray mismatches = new JsonArray();
        BoxReplay box = new BoxReplay(linesAt);
        for (StoredEvent stored : events) {
            PackEvent e = stored.event().event();
            JsonObject json = PackEventCodec.toJson(stored.event()).put("receivedAt", stored.receivedAt().toString());
            all.add(json);
            detail.put("stationId", e.stationId());
            e.packer().ifPresent(p -> detail.put("packer", p));
            if (e.kind() == PackEvent.EventKind.ORDER_OPENED && detail.getValue("startedAt") == null) {
                detail.put("startedAt", e.at().toString());
            }
            if (e.kind() == PackEvent.EventKind.ORDER_COMPLETED || e.kind() == PackEvent.EventKind.SHORTED) {
                detail.put("finishedAt", e.at().toString());
            }
            if (e.verdict().isMismatch()) {
                mismatches.add(json);
            }
            box.apply(e);
        }
        return detail.put("packed", sorted(box.counted())).put("extra", sorted(box.extra()))
                .put("overridden", box.overridden()).put("mismatches", mismatches).put("events", all);
    }

    private static JsonObject sorted(Map<String, Integer> units) {
        JsonObject json = new JsonObject();
        new TreeMap<>(units).forEach(json::put);
        return json;
    }
}
