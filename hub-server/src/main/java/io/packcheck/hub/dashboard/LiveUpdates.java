package io.packcheck.hub.dashboard;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/** Tells open dashboards that figures changed: published on the event bus after ingest and heartbeats commit. */
public final class LiveUpdates {

    public static final String ADDRESS = "packcheck.dashboard.changed";

    private LiveUpdates() {}

    /** {@code what} is {@code events}, {@code heartbeat} or {@code claims}; the page refetches what that touches. */
    public static void changed(Vertx vertx, String what, String stationId) {
        vertx.eventBus().publish(ADDRESS, new JsonObject().put("what", what).put("stationId", stationId));
    }
}
