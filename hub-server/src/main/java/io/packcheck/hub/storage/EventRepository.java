package io.packcheck.hub.storage;

import io.packcheck.protocol.StationEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Station events, heartbeats and per-station sequence tracking. */
public interface EventRepository {

    /** Stores new events, skips known ids, moves the orders they concern along, records sequence gaps. */
    IngestResult ingest(String stationId, List<StationEvent> events);

    /**
     * Several stations' batches in one transaction (group commit: the hub gathers the batches that arrive
     * while the database is busy). A batch that fails is answered by its exception and changes nothing.
     */
    default List<Outcome> ingestAll(List<StationBatch> batches) {
        return ingestAll(batches, (stationId, stored) -> {});
    }

    /** As {@link #ingestAll(List)}; {@code follower} sees each batch's newly stored events inside that batch's transaction. */
    List<Outcome> ingestAll(List<StationBatch> batches, Follower follower);

    /** Work that belongs to storing a batch: it fails the batch when it fails. */
    @FunctionalInterface
    interface Follower {
        void stored(String stationId, List<StationEvent> stored);
    }

    /** Events in hub order after the given hub sequence number. */
    List<StoredEvent> after(long hubSeq, int limit);

    List<StoredEvent> forOrder(String orderId);

    /** Whether the station's box held a supervisor override when it completed the order (hub sequence of the completion). */
    boolean completedUnderOverride(long completionHubSeq);

    void heartbeat(String stationId, String heartbeatJson, Instant at);

    Optional<StationStatus> station(String stationId);

    /** The orders (not cancelled) whose boxes hold this serial of the SKU, oldest first. */
    List<io.packcheck.hub.serials.SerialRules.PackedIn> serialPackedIn(String sku, String serial);

    record StationBatch(String stationId, List<StationEvent> events) {}

    /** Either the result of one batch or why it failed. */
    record Outcome(Optional<IngestResult> result, Optional<RuntimeException> failure) {}

    record StoredEvent(long hubSeq, Instant receivedAt, StationEvent event) {}

    record Gap(long from, long to) {}

    /** A completed order whose version moved on while it was packed. */
    record Outdated(UUID eventId, String orderId, long verifiedVersion, long currentVersion) {}

    record IngestResult(List<UUID> stored, List<UUID> duplicates, List<Gap> gaps, List<Outdated> outdated) {}

    record StationStatus(String stationId, long maxSeq, List<Gap> openGaps, Optional<String> heartbeatJson,
                         Optional<Instant> heartbeatAt) {}
}
