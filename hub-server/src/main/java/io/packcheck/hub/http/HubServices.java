package io.packcheck.hub.http;

import io.packcheck.hub.storage.Storage;
import io.vertx.core.Vertx;
import java.time.Clock;

/** What route groups share; built once by the verticle. */
public record HubServices(Vertx vertx, Storage storage, DbWorker db, BearerAuth auth, FeedSignal feed, Clock clock,
                          Limits limits) {

    /**
     * What a caller may send: body sizes in bytes, and how often one address may try an enrolment code.
     */
    public record Limits(long jsonBody, long bulkBody, int maxBulkLine, AttemptLimiter.Budget enrolAttempts) {
        public static Limits defaults() {
            return new Limits(1024 * 1024, 1024L * 1024 * 1024, 256 * 1024, AttemptLimiter.Budget.enrolment());
        }

        public Limits withEnrolAttempts(AttemptLimiter.Budget budget) {
            return new Limits(jsonBody, bulkBody, maxBulkLine, budget);
        }
    }
}
