package io.packcheck.hub.reports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The dashboard's figures, read from the roll-ups kept at ingest (never from the raw events). */
public interface ReportRepository {

    /** Counts per station, packer or sku ({@link Rollups#STATION} ...) in the range, most mismatches first. */
    List<Counts> byKey(String dim, TimeRange range, int limit);

    /** Counts for the whole floor per hour of the range, oldest first; key is the hour's start. */
    List<Counts> byHour(TimeRange range);

    /**
     * Counts for the whole floor per five minutes of the range, oldest first; key is the start of the five
     * minutes. {@code completedOverridden} is not kept at this grain and is 0.
     */
    List<Counts> byFiveMinutes(TimeRange range);

    /** Floor totals over the range. */
    Counts total(TimeRange range);

    List<KindCount> mismatchKinds(TimeRange range);

    List<ConfusedPair> confusedPairs(TimeRange range, int limit);

    /** Every station the hub has heard from, with its counts since the given hour. */
    List<StationState> stations(long sinceHour);

    /** Orders not verified, cancelled or finished, with a ship-by, earliest first. */
    List<OpenOrder> openOrdersByShipBy(int limit);

    List<OverrideEntry> overrides(TimeRange range, int limit);

    /** @param completedOverridden orders completed after a supervisor override in the same box */
    record Counts(String key, long scans, long mismatches, long completed, long completedOverridden) {
        public double mismatchRate() {
            return scans == 0 ? 0 : (double) mismatches / scans;
        }
    }

    record KindCount(String kind, long count) {}

    /**
     * Wrong-item scans of {@code scannedSku} while {@code expectedSku} was an open line of the order.
     *
     * @param count        every such scan; a scan while several lines were open counts for each of them
     * @param onlyOpenLine those while it was the only open line, where the packer surely meant it
     */
    record ConfusedPair(String expectedSku, String scannedSku, long count, long onlyOpenLine) {}

    record StationState(String stationId, Optional<String> heartbeatJson, Optional<Instant> heartbeatAt,
                        Optional<Instant> lastEventAt, long openGaps, long scans, long mismatches) {}

    record OpenOrder(String id, String status, Instant shipBy, int lines, int units) {}

    record OverrideEntry(long hubSeq, Instant at, String stationId, Optional<String> packer,
                         Optional<String> supervisor, Optional<String> orderId, Optional<String> reasonCode,
                         String reason) {}
}
