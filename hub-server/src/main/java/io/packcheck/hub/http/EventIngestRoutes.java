package io.packcheck.hub.http;

import io.packcheck.core.verify.PackEvent;
import io.packcheck.hub.auth.CredentialKind;
import io.packcheck.hub.dashboard.LiveUpdates;
import io.packcheck.hub.storage.EventRepository;
import io.packcheck.protocol.JsonFields;
import io.packcheck.protocol.PackEventCodec;
import io.packcheck.protocol.ProtocolException;
import io.packcheck.protocol.StationEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Stations: batches of pack events from the outbox. Idempotent on the event id, so a station resends
 * until it sees an id under {@code stored} or {@code duplicates}; an event the hub can never accept is
 * listed under {@code rejected} with the reason, so the station can set it aside instead of retrying forever.
 */
public final class EventIngestRoutes {

    public static final int MAX_BATCH = 500;

    private final HubServices hub;
    private final IngestQueue queue;

    /** @param follower work done with each batch's new events in the batch's transaction (claims move with them) */
    public EventIngestRoutes(HubServices hub, EventRepository.Follower follower) {
        this.hub = hub;
        this.queue = new IngestQueue(hub.db(), hub.storage().events(), follower);
    }

    public void mount(Router router) {
        router.post("/api/v1/station/events").setName("ingestEvents")
                .handler(BodyHandler.create(false).setBodyLimit(hub.limits().jsonBody()))
                .handler(hub.auth().require(CredentialKind.STATION))
                .handler(this::ingest);
    }

    private void ingest(RoutingContext ctx) {
        String stationId = BearerAuth.principal(ctx).name();
        JsonObject body = Bodies.json(ctx);
        JsonArray raw = JsonFields.optionalArray(body, "events");
        if (!body.containsKey("events")) {
            throw new ProtocolException("events", "events is required");
        }
        if (raw.size() > MAX_BATCH) {
            throw new ApiError(413, "too_large", "events", "a batch holds at most " + MAX_BATCH + " events, got " + raw.size());
        }
        List<StationEvent> events = new ArrayList<>();
        JsonArray rejected = new JsonArray();
        for (int i = 0; i < raw.size(); i++) {
            String field = "events[" + i + "]";
            if (!(raw.getValue(i) instanceof JsonObject json)) {
                rejected.add(rejection(i, null, field, field + " must be an object"));
                continue;
            }
            Object claimed = json.getValue("stationId");
            if (claimed instanceof String s && !s.equals(stationId)) {
                throw new ApiError(403, "forbidden", field + ".stationId", "this token belongs to station " + stationId
                        + "; it cannot send events of station " + s);
            }
            try {
                StationEvent event = PackEventCodec.fromJson(json);
                if (event.event().kind() == PackEvent.EventKind.CLAIM_CONFLICT) {
                    throw new ProtocolException("kind", "kind CLAIM_CONFLICT is written by the hub, never by a station");
                }
                events.add(event);
            } catch (ProtocolException e) {
                rejected.add(rejection(i, json.getValue("id") instanceof String id ? id : null,
                        field + "." + e.field(), e.getMessage()));
            }
        }
        queue.ingest(stationId, events).onSuccess(result -> {
            if (!result.stored().isEmpty()) {
                LiveUpdates.changed(hub.vertx(), "events", stationId);
            }
            JsonArray gaps = new JsonArray();
            result.gaps().forEach(g -> gaps.add(new JsonObject().put("from", g.from()).put("to", g.to())));
            JsonArray outdated = new JsonArray();
            result.outdated().forEach(o -> outdated.add(new JsonObject().put("eventId", o.eventId().toString())
                    .put("orderId", o.orderId()).put("verifiedVersion", o.verifiedVersion())
                    .put("currentVersion", o.currentVersion())));
            Bodies.respond(ctx, 200, new JsonObject()
                    .put("stored", ids(result.stored()))
                    .put("duplicates", ids(result.duplicates()))
                    .put("rejected", rejected)
                    .put("gaps", gaps)
                    .put("outdated", outdated));
        }).onFailure(ctx::fail);
    }

    private static JsonObject rejection(int index, String id, String field, String message) {
        return new JsonObject().put("index", index).put("id", id).put("field", field).put("message", message);
    }

    private static JsonArray ids(List<UUID> ids) {
        JsonArray out = new JsonArray();
        ids.forEach(id -> out.add(id.toString()));
        return out;
    }
}
