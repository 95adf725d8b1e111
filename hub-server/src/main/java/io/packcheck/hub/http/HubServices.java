package io.packcheck.hub.http;

import io.packcheck.hub.storage.Storage;
import io.vertx.core.Vertx;
import java.time.Clock;

/** What route groups share; built once by the verticle. */
public record HubServices(Vertx vertx, Storage storage, DbWorker db, BearerAuth auth, FeedSignal feed, Clock clock,
                          Limits limits) {

    /** Body size limits in bytes. */
    public record Limits(long jsonBody, long bulkBody, int maxBulkLine) {
        public static Limits defaults() {
            return new Limits(1024 * 1024, 1024L * 1024 * 1024, 256 * 1024);
        }
    }
}
