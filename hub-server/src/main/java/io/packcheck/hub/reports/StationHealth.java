package io.packcheck.hub.reports;

import io.packcheck.hub.reports.ReportRepository.StationState;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Judges station health: silent when neither a heartbeat nor an event arrived within {@code silentAfter};
 * an alert when the mismatch rate over the last hour crosses the threshold (given enough scans to mean
 * something), or when the scanner is not connected.
 */
public record StationHealth(Duration silentAfter, double mismatchThreshold, long minScans) {

    public static StationHealth defaults() {
        return new StationHealth(Duration.ofSeconds(60), 0.05, 20);
    }

    /** One station as the dashboard shows it. */
    public record View(String stationId, boolean online, Optional<Instant> lastSeen, Optional<Long> eventsWaiting,
                       Optional<String> scannerState, Optional<Long> cacheAgeSeconds, long openGaps, long scans,
                       long mismatches, double mismatchRate, List<String> alerts) {}

    public List<View> assess(List<StationState> stations, Instant now) {
        List<View> out = new ArrayList<>();
        for (StationState s : stations) {
            Optional<Instant> lastSeen = latest(s.heartbeatAt(), s.lastEventAt());
            boolean online = lastSeen.isPresent() && !lastSeen.get().plus(silentAfter).isBefore(now);
            Optional<JsonObject> beat = s.heartbeatJson().map(JsonObject::new);
            Optional<String> scanner = beat.map(b -> b.getString("scannerState"));
            Optional<Long> waiting = beat.map(b -> b.getLong("queueDepth"));
            Optional<Long> cacheAge = beat.map(b -> b.getLong("cacheAgeSeconds"));
            double rate = s.scans() == 0 ? 0 : (double) s.mismatches() / s.scans();
            List<String> alerts = new ArrayList<>();
            if (!online) {
                alerts.add(lastSeen.map(t -> "silent for " + Duration.between(t, now).toSeconds() + " s")
                        .orElse("never heard from"));
            }
            if (s.scans() >= minScans && rate > mismatchThreshold) {
                alerts.add(String.format(java.util.Locale.ROOT, "mismatch rate %.1f%% over %.1f%% (%d scans, last hour)",
                        rate * 100, mismatchThreshold * 100, s.scans()));
            }
            if (online && scanner.isPresent() && !scanner.get().equalsIgnoreCase("CONNECTED")) {
                alerts.add("scanner " + scanner.get());
            }
            out.add(new View(s.stationId(), online, lastSeen, waiting, scanner, cacheAge, s.openGaps(), s.scans(),
                    s.mismatches(), rate, alerts));
        }
        return out;
    }

    private static Optional<Instant> latest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return Optional.of(a.get().isAfter(b.get()) ? a.get() : b.get());
    }
}
