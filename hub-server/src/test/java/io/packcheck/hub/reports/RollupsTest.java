package io.packcheck.hub.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.verify.PackEvent;
import io.packcheck.core.verify.PackEvent.EventKind;
import io.packcheck.core.verify.PackEvent.Parcel;
import io.packcheck.core.verify.Verdict;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the mismatch rates count as a check, for the parcel events. */
class RollupsTest {

    static PackEvent event(EventKind kind, Verdict verdict, String raw, Optional<String> sku, Optional<Parcel> parcel) {
        return new PackEvent(kind, verdict, Instant.parse("2026-11-22T10:00:00Z"), "ST-1", Optional.empty(),
                Optional.of("SO-1"), 1, sku, Optional.empty(), raw, 1, Optional.empty(), Optional.empty(), "",
                Optional.empty(), Optional.empty(), parcel);
    }

    static Parcel parcel(Optional<Double> weight, Optional<Double> expected) {
        return new Parcel(1, Optional.empty(), Optional.of("1Z999AA10123456784"), Map.of("MUG-1", 1), weight, expected,
                expected.map(x -> 20.0));
    }

    @Test
    void countsLabelScansAndTheLastItemClosingAParcelButNotParcelCommands() {
        assertThat(Rollups.isCheck(event(EventKind.SCAN, Verdict.WEIGHING, "1Z999AA10123456784", Optional.empty(), Optional.empty())))
                .isTrue();
        assertThat(Rollups.isCheck(event(EventKind.SCAN, Verdict.PARCEL_CLOSED, "INT-MUG", Optional.of("MUG-1"), Optional.empty())))
                .isTrue();
        assertThat(Rollups.isCheck(event(EventKind.SCAN, Verdict.WEIGHING, "]C0PCK-NEWBOX", Optional.empty(), Optional.empty())))
                .isFalse();
        assertThat(Rollups.isCheck(event(EventKind.SCAN, Verdict.PARCEL_CLOSED, "PCK-BOX-M", Optional.empty(), Optional.empty())))
                .isFalse();
        assertThat(Rollups.isCheck(event(EventKind.SCAN, Verdict.LABEL_REQUIRED, "PCK-NEWBOX", Optional.empty(), Optional.empty())))
                .isFalse();
        assertThat(Rollups.isCheck(event(EventKind.SCAN, Verdict.SCALE_NOT_READY, "1Z999AA10123456784", Optional.empty(),
                Optional.empty()))).isFalse();
    }

    @Test
    void countsEachWeighingJudgedAgainstAnExpectedWeightOnce() {
        PackEvent refused = event(EventKind.SCAN, Verdict.WEIGHT_MISMATCH, "1Z999AA10123456784", Optional.empty(),
                Optional.of(parcel(Optional.of(880.0), Optional.of(755.0))));
        PackEvent accepted = event(EventKind.PARCEL_CLOSED, Verdict.PARCEL_CLOSED, "1Z999AA10123456784", Optional.empty(),
                Optional.of(parcel(Optional.of(760.0), Optional.of(755.0))));
        PackEvent letThrough = event(EventKind.PARCEL_CLOSED, Verdict.PARCEL_CLOSED, "1Z999AA10123456784", Optional.empty(),
                Optional.of(parcel(Optional.of(880.0), Optional.empty())));
        PackEvent unweighed = event(EventKind.PARCEL_CLOSED, Verdict.PARCEL_CLOSED, "1Z999AA10123456784", Optional.empty(),
                Optional.of(parcel(Optional.empty(), Optional.empty())));

        assertThat(Rollups.isCheck(refused) && Rollups.isMismatch(refused.verdict())).isTrue();
        assertThat(Rollups.isCheck(accepted)).isTrue();
        assertThat(Rollups.isCheck(letThrough)).as("counted when it was refused").isFalse();
        assertThat(Rollups.isCheck(unweighed)).isFalse();
    }
}
