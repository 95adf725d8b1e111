package io.packcheck.hub.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.hub.reports.ReportRepository.StationState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StationHealthTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    final StationHealth health = new StationHealth(Duration.ofSeconds(60), 0.05, 20);

    @Test
    void aStationHeardFromByEventsAloneIsOnline() {
        StationState s = new StationState("ST-1", Optional.empty(), Optional.of(NOW.minusSeconds(600)),
                Optional.of(NOW.minusSeconds(10)), 0, 100, 1);

        var view = health.assess(List.of(s), NOW).get(0);

        assertThat(view.online()).isTrue();
        assertThat(view.alerts()).isEmpty();
    }

    @Test
    void reportsADisconnectedScannerAndIgnoresAHighRateOnTooFewScans() {
        StationState s = new StationState("ST-1", Optional.of("{\"scannerState\":\"UNPLUGGED\",\"queueDepth\":3}"),
                Optional.of(NOW), Optional.empty(), 0, 5, 5);

        var view = health.assess(List.of(s), NOW).get(0);

        assertThat(view.alerts()).containsExactly("scanner UNPLUGGED");
        assertThat(view.eventsWaiting()).contains(3L);
    }

    @Test
    void aStationNeverHeardFromIsSilent() {
        StationState s = new StationState("ST-9", Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, 0);

        assertThat(health.assess(List.of(s), NOW).get(0).alerts()).containsExactly("never heard from");
    }
}
