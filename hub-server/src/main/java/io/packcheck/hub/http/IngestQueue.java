package io.packcheck.hub.http;

import io.packcheck.hub.storage.EventRepository;
import io.packcheck.hub.storage.EventRepository.IngestResult;
import io.packcheck.hub.storage.EventRepository.Outcome;
import io.packcheck.hub.storage.EventRepository.StationBatch;
import io.packcheck.protocol.StationEvent;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;

/**
 * Group commit for event ingest: batches that arrive while the database writes are gathered and written
 * together in one transaction, so 200 stations cost a few commits instead of 200. Only one write is in
 * flight at a time; used from one event loop.
 */
final class IngestQueue {

    static final int MAX_GROUP = 64;

    private final DbWorker db;
    private final EventRepository events;
    private final EventRepository.Follower follower;
    private List<Pending> waiting = new ArrayList<>();
    private boolean writing;

    private record Pending(StationBatch batch, Promise<IngestResult> promise) {}

    IngestQueue(DbWorker db, EventRepository events, EventRepository.Follower follower) {
        this.db = db;
        this.events = events;
        this.follower = follower;
    }

    Future<IngestResult> ingest(String stationId, List<StationEvent> batch) {
        Promise<IngestResult> promise = Promise.promise();
        waiting.add(new Pending(new StationBatch(stationId, batch), promise));
        writeNext();
        return promise.future();
    }

    private void writeNext() {
        if (writing || waiting.isEmpty()) {
            return;
        }
        List<Pending> group;
        if (waiting.size() <= MAX_GROUP) {
            group = waiting;
            waiting = new ArrayList<>();
        } else {
            group = new ArrayList<>(waiting.subList(0, MAX_GROUP));
            waiting = new ArrayList<>(waiting.subList(MAX_GROUP, waiting.size()));
        }
        writing = true;
        List<StationBatch> batches = group.stream().map(Pending::batch).toList();
        db.call(() -> events.ingestAll(batches, follower)).onComplete(done -> {
            writing = false;
            for (int i = 0; i < group.size(); i++) {
                Promise<IngestResult> promise = group.get(i).promise();
                if (done.failed()) {
                    promise.fail(done.cause());
                    continue;
                }
                Outcome outcome = done.result().get(i);
                if (outcome.result().isPresent()) {
                    promise.complete(outcome.result().get());
                } else {
                    promise.fail(outcome.failure().orElseThrow());
                }
            }
            writeNext();
        });
    }
}
