package io.packcheck.hub.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.verify.PackEvent;
import io.packcheck.core.verify.PackEvent.EventKind;
import io.packcheck.core.verify.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BoxReplayTest {

    private static PackEvent event(String station, EventKind kind, Verdict verdict, String sku, int quantity) {
        return new PackEvent(kind, verdict, Instant.parse("2026-11-22T10:00:00Z"), station, Optional.empty(),
                Optional.of("SO-1"), 1, Optional.ofNullable(sku), Optional.empty(), "", quantity, Optional.empty(),
                Optional.empty(), "", Optional.empty(), Optional.empty());
    }

    private static BoxReplay replay(Map<String, Integer> lines, PackEvent... events) {
        return BoxReplay.of(List.of(events), version -> Optional.of(lines));
    }

    @Test
    void addsUpTheBoxesOfTwoStationsAndUndoTakesBackOnlyFromItsOwn() {
        BoxReplay box = replay(Map.of("MUG", 3),
                event("ST-1", EventKind.SCAN, Verdict.MATCH, "MUG", 1),
                event("ST-2", EventKind.SCAN, Verdict.MATCH, "MUG", 1),
                event("ST-1", EventKind.UNDO, Verdict.COMMAND_ACCEPTED, "MUG", -1));

        assertThat(box.counted()).isEqualTo(Map.of("MUG", 1));
        assertThat(box.openSkus("ST-1", 1)).contains(List.of("MUG"));
    }

    @Test
    void aClearAfterARefusedScanChangesNothingAndTheNextOverrideCountsItsOwnScan() {
        BoxReplay box = replay(Map.of("MUG", 2),
                event("ST-1", EventKind.SCAN, Verdict.OVER_QUANTITY, "MUG", 6),
                event("ST-1", EventKind.SESSION_CLEARED, Verdict.COMMAND_ACCEPTED, "MUG", 0),
                event("ST-1", EventKind.SCAN, Verdict.EXPIRED, "MUG", 1),
                event("ST-1", EventKind.OVERRIDE, Verdict.COMMAND_ACCEPTED, "MUG", 1));

        assertThat(box.counted()).isEqualTo(Map.of("MUG", 1));
        assertThat(box.extra()).isEmpty();
        assertThat(box.overridden()).isTrue();
    }

    @Test
    void knowsNoOpenLinesOfAnOrderWhoseLinesTheHubDoesNotHave() {
        BoxReplay box = BoxReplay.of(List.of(event("ST-1", EventKind.SCAN, Verdict.MATCH, "MUG", 1)),
                version -> Optional.empty());

        assertThat(box.openSkus("ST-1", 1)).isEmpty();
        assertThat(box.counted()).isEqualTo(Map.of("MUG", 1));
    }
}
