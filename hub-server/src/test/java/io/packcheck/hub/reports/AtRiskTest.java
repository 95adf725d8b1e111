package io.packcheck.hub.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.hub.reports.ReportRepository.OpenOrder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AtRiskTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void anOrderQueuedBehindOthersIsAtRiskWhenThePaceCannotReachIt() {
        List<OpenOrder> queue = List.of(new OpenOrder("A", "OPEN", NOW.plusSeconds(600), 1, 1),
                new OpenOrder("B", "OPEN", NOW.plusSeconds(900), 1, 1),
                new OpenOrder("C", "IN_PROGRESS", NOW.plusSeconds(3600), 1, 1));

        var outlook = AtRisk.assess(queue, 6, NOW);

        assertThat(outlook.get(0).atRisk()).isFalse();
        assertThat(outlook.get(0).expectedDone()).contains(NOW.plusSeconds(600));
        assertThat(outlook.get(1).atRisk()).isTrue();
        assertThat(outlook.get(1).why()).isEqualTo("at the current pace done after ship-by");
        assertThat(outlook.get(2).atRisk()).isFalse();
    }

    @Test
    void heldOverdueAndUnworkedOrdersAreAtRisk() {
        List<OpenOrder> queue = List.of(new OpenOrder("LATE", "OPEN", NOW.minusSeconds(60), 1, 1),
                new OpenOrder("HELD", "ON_HOLD", NOW.plusSeconds(7200), 1, 1));

        var stalled = AtRisk.assess(queue, 0, NOW);

        assertThat(stalled).extracting(AtRisk.Outlook::why).containsExactly("past ship-by", "on hold");
        assertThat(AtRisk.assess(List.of(new OpenOrder("X", "OPEN", NOW.plusSeconds(60), 1, 1)), 0, NOW).get(0).why())
                .isEqualTo("no orders completed in the last hour");
    }
}
