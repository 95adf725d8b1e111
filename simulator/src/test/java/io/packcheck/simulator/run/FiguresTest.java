package io.packcheck.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.verify.Verdict;
import io.packcheck.simulator.hub.EventLog;
import io.packcheck.simulator.plan.Injection;
import io.packcheck.simulator.plan.Step;
import io.packcheck.simulator.process.Light;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FiguresTest {

    private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");
    private static final Light GREEN = new Light("LIGHTS green=on amber=off red=off buzzer=beep", T0, 0);
    private static final Light RED = new Light("LIGHTS green=off amber=off red=on buzzer=on", T0, 0);

    private final DayRecord record = new DayRecord();
    private final List<EventLog.Seen> events = new ArrayList<>();
    private long seq;

    @Test
    void countsAnInjectedErrorCaughtWhenTheHubHasItsMismatchBeforeTheOrderCompleted() {
        sent("]C0SO-1", Verdict.ORDER_OPENED, Optional.empty(), GREEN, 0);
        sent("]E04012345000013", Verdict.MATCH, Optional.empty(), GREEN, 1000);
        sent("]E05012345000020", Verdict.WRONG_ITEM, Optional.of(Injection.WRONG_ITEM), RED, 2000);
        sent("]A0PCK-CLEAR", Verdict.COMMAND_ACCEPTED, Optional.empty(), GREEN, 3000);
        sent("]E04012345000013", Verdict.ORDER_COMPLETE, Optional.empty(), GREEN, 4000);
        event("ORDER_OPENED", "ORDER_OPENED", "]C0SO-1", 100);
        event("SCAN", "MATCH", "]E04012345000013", 1200);
        event("SCAN", "WRONG_ITEM", "]E05012345000020", 2300);
        event("SESSION_CLEARED", "COMMAND_ACCEPTED", "]A0PCK-CLEAR", 3100);
        event("SCAN", "ORDER_COMPLETE", "]E04012345000013", 4100);
        event("ORDER_COMPLETED", "ORDER_COMPLETE", "]E04012345000013", 4100);

        Figures f = Figures.of(record, events);

        assertThat(f.injected()).isEqualTo(1);
        assertThat(f.caught()).isEqualTo(1);
        assertThat(f.caughtRedAtStation()).isEqualTo(1);
        assertThat(f.byKind()).containsExactly(Map.entry(Injection.WRONG_ITEM, new Figures.KindTally(1, 1)));
        assertThat(f.falseAlarms()).isZero();
        assertThat(f.lost()).isZero();
        assertThat(f.doubledEvents()).isZero();
        assertThat(f.problems()).isEmpty();
        assertThat(f.scanToHubVisibleMillis()).containsExactly(100L, 100L, 100L, 200L, 300L);
    }

    @Test
    void reportsAScanWithoutEventAsLostAndAnEventSentTwiceAsDoubled() {
        sent("]C0SO-1", Verdict.ORDER_OPENED, Optional.empty(), GREEN, 0);
        sent("]E04012345000013", Verdict.MATCH, Optional.empty(), GREEN, 1000);
        sent("]E04012345000037", Verdict.LINE_COMPLETE, Optional.empty(), GREEN, 2000);
        event("ORDER_OPENED", "ORDER_OPENED", "]C0SO-1", 100);
        JsonObject twice = event("SCAN", "MATCH", "]E04012345000013", 1200);
        events.add(new EventLog.Seen(twice.copy().put("seq", ++seq), T0.plusMillis(1300)));

        Figures f = Figures.of(record, events);

        assertThat(f.lostScans()).isEqualTo(1);
        assertThat(f.doubledEvents()).isEqualTo(2); // the same id twice, and an event that answers no scan
    }

    @Test
    void aMismatchOnACorrectScanIsAFalseAlarm() {
        sent("]E04012345000013", Verdict.MATCH, Optional.empty(), RED, 0);
        event("SCAN", "OVER_QUANTITY", "]E04012345000013", 100);

        Figures f = Figures.of(record, events);

        assertThat(f.falseAlarms()).isEqualTo(1);
        assertThat(f.catchRate()).isEqualTo(1.0);
    }

    @Test
    void aWeightErrorIsCaughtWhenTheScaleRefusedItAndTheClearWeighsAgain() {
        sent("]C0SO-1", Verdict.ORDER_OPENED, Optional.empty(), GREEN, 0);
        sent("]E04012345000013", Verdict.WEIGHING, Optional.empty(), GREEN, 1000);
        weighed("]E04012345000013", Verdict.WEIGHT_MISMATCH, Optional.of(new Step.WeightError(360, 950)), RED, 1300);
        sent("]A0PCK-CLEAR", Verdict.WEIGHING, Optional.empty(), GREEN, 2000);
        weighed("]E04012345000013", Verdict.ORDER_COMPLETE, Optional.empty(), GREEN, 2300);
        event("ORDER_OPENED", "ORDER_OPENED", "]C0SO-1", 100);
        event("SCAN", "WEIGHING", "]E04012345000013", 1100);
        event("SCAN", "WEIGHT_MISMATCH", "]E04012345000013", 1400);
        event("SESSION_CLEARED", "COMMAND_ACCEPTED", "]A0PCK-CLEAR", 2100);
        event("PARCEL_CLOSED", "PARCEL_CLOSED", "]E04012345000013", 2400);
        event("ORDER_COMPLETED", "ORDER_COMPLETE", "]E04012345000013", 2400);

        Figures f = Figures.of(record, events);

        assertThat(f.problems()).isEmpty();
        assertThat(f.byKind()).containsExactly(Map.entry(Injection.UNSCANNED_ITEM, new Figures.KindTally(1, 1)));
        assertThat(f.smallestCaught()).hasValueSatisfying(w -> {
            assertThat(w.grams()).isEqualTo(360);
            assertThat(w.share()).isCloseTo(360 / 950.0, org.assertj.core.data.Offset.offset(1e-9));
        });
        assertThat(f.missedWeightErrors()).isZero();
        assertThat(f.scans()).as("weighings are not scans").isEqualTo(3);
        assertThat(f.weighingMillis()).containsExactly(300L, 300L);
        assertThat(f.catchRate()).isEqualTo(1.0);
    }

    @Test
    void aSmallWeightErrorThatPassesIsNotRequiredButALargeOneIsMissed() {
        sent("]C0SO-1", Verdict.ORDER_OPENED, Optional.empty(), GREEN, 0);
        sent("]E04012345000013", Verdict.WEIGHING, Optional.empty(), GREEN, 1000);
        weighed("]E04012345000013", Verdict.WEIGHT_MISMATCH, Optional.of(new Step.WeightError(-40, 2000)), GREEN, 1300);
        sent("]C0SO-2", Verdict.ORDER_OPENED, Optional.empty(), GREEN, 2000);
        sent("]E05012345000020", Verdict.WEIGHING, Optional.empty(), GREEN, 3000);
        weighed("]E05012345000020", Verdict.WEIGHT_MISMATCH, Optional.of(new Step.WeightError(-300, 1000)), GREEN, 3300);
        event("ORDER_OPENED", "ORDER_OPENED", "]C0SO-1", 100);
        event("SCAN", "WEIGHING", "]E04012345000013", 1100);
        event("PARCEL_CLOSED", "PARCEL_CLOSED", "]E04012345000013", 1400);
        event("ORDER_COMPLETED", "ORDER_COMPLETE", "]E04012345000013", 1400);
        event("ORDER_OPENED", "ORDER_OPENED", "]C0SO-2", 2100);
        event("SCAN", "WEIGHING", "]E05012345000020", 3100);
        event("PARCEL_CLOSED", "PARCEL_CLOSED", "]E05012345000020", 3400);
        event("ORDER_COMPLETED", "ORDER_COMPLETE", "]E05012345000020", 3400);

        Figures f = Figures.of(record, events);

        assertThat(f.byKind()).containsExactly(Map.entry(Injection.LEFT_OUT, new Figures.KindTally(2, 0, 1)));
        assertThat(f.injected()).as("required errors").isEqualTo(1);
        assertThat(f.catchRate()).isZero();
        assertThat(f.missedWeightErrors()).isEqualTo(1);
        assertThat(f.smallestCaught()).isEmpty();
        assertThat(f.largestPassed()).hasValueSatisfying(w -> assertThat(w.grams()).isEqualTo(-300));
        assertThat(f.problems()).singleElement().asString().contains("LEFT_OUT");
    }

    @Test
    void aWeightRefusedOnARightParcelIsAFalseAlarm() {
        sent("]E04012345000013", Verdict.WEIGHING, Optional.empty(), GREEN, 0);
        weighed("]E04012345000013", Verdict.ORDER_COMPLETE, Optional.empty(), RED, 300);
        event("SCAN", "WEIGHING", "]E04012345000013", 100);
        event("SCAN", "WEIGHT_MISMATCH", "]E04012345000013", 400);

        Figures f = Figures.of(record, events);

        assertThat(f.falseAlarms()).isEqualTo(1);
    }

    @Test
    void percentilesUseTheNearestRank() {
        List<Long> values = List.of(10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L, 100L);

        assertThat(Figures.percentile(values, 50)).contains(50L);
        assertThat(Figures.percentile(values, 99)).contains(100L);
        assertThat(Figures.percentile(List.of(), 50)).isEmpty();
    }

    private void sent(String raw, Verdict expected, Optional<Injection> injected, Light light, long atMillis) {
        record.scan(new SentScan("pack-01", "SO-1", new Step.Scan(raw, Optional.of(expected), injected, raw),
                T0.plusMillis(atMillis), Optional.of(light)));
    }

    private void weighed(String raw, Verdict expected, Optional<Step.WeightError> error, Light light, long atMillis) {
        Optional<Injection> injected = error.map(e -> e.grams() > 0 ? Injection.UNSCANNED_ITEM : Injection.LEFT_OUT);
        Step.Weighed step = new Step.Weighed(raw, Optional.of(expected), injected, raw, error, List.of());
        Light at = new Light(light.line(), T0.plusMillis(atMillis), 0);
        record.scan(new SentScan("pack-01", "SO-1", step, T0.plusMillis(atMillis - 300), Optional.of(at)));
    }

    private JsonObject event(String kind, String verdict, String raw, long seenAtMillis) {
        JsonObject e = new JsonObject().put("id", UUID.randomUUID().toString()).put("seq", ++seq).put("kind", kind)
                .put("verdict", verdict).put("stationId", "pack-01").put("orderId", "SO-1").put("raw", raw)
                .put("receivedAt", T0.plusMillis(seenAtMillis).toString());
        events.add(new EventLog.Seen(e, T0.plusMillis(seenAtMillis)));
        return e;
    }
}
