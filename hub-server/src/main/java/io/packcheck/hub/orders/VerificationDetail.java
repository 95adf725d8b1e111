package io.packcheck.hub.orders;

import io.packcheck.core.verify.PackEvent;
import io.packcheck.core.verify.Verdict;
import io.packcheck.protocol.PackEventCodec;
import io.packcheck.hub.storage.EventRepository.StoredEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the stations reported about one order: who packed it, when, every verdict, the mismatches, units counted. */
public final class VerificationDetail {

    private VerificationDetail() {}

    public static JsonObject of(List<StoredEvent> events) {
        JsonObject detail = new JsonObject()
                .putNull("stationId").putNull("packer").putNull("startedAt").putNull("finishedAt");
        JsonArray all = new JsonArray();
        JsonArray mismatches = new JsonArray();
        Map<String, Integer> packed = new TreeMap<>();
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
            if (e.sku().isPresent() && counts(e)) {
                packed.merge(e.sku().get(), e.quantity(), Integer::sum);
            }
        }
        JsonObject packedJson = new JsonObject();
        packed.forEach(packedJson::put);
        return detail.put("packed", packedJson).put("mismatches", mismatches).put("events", all);
    }

    private static boolean counts(PackEvent e) {
        return e.kind() == PackEvent.EventKind.UNDO
                || e.kind() == PackEvent.EventKind.SCAN && (e.verdict() == Verdict.MATCH
                || e.verdict() == Verdict.LINE_COMPLETE || e.verdict() == Verdict.ORDER_COMPLETE);
    }
}
