package io.packcheck.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packcheck.core.verify.PackEvent;
import io.packcheck.core.verify.Verdict;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LimitsTest {

    @Test
    void cutsALongTextToTheLimitEndingInAMarkerThatNamesTheOriginalLength() {
        String scan = "X".repeat(4096);

        String recorded = Limits.cut(scan, Limits.MAX_RAW);

        assertThat(recorded).hasSize(Limits.MAX_RAW).startsWith("XXXX").endsWith("…[cut from 4096 chars]");
    }

    @Test
    void leavesATextThatFitsAsItIs() {
        assertThat(Limits.cut("0109501101530003", Limits.MAX_RAW)).isEqualTo("0109501101530003");
    }

    @Test
    void neverSplitsASurrogatePairWhenCutting() {
        String marker = Limits.cutMarker(2000);
        String text = "a".repeat(Limits.MAX_RAW - marker.length() - 1) + "\uD83D\uDCE6".repeat(800);

        String recorded = Limits.cut(text, Limits.MAX_RAW);

        assertThat(recorded.substring(0, recorded.length() - marker.length())).doesNotEndWith("\uD83D");
        assertThat(recorded.length()).isLessThanOrEqualTo(Limits.MAX_RAW);
    }

    @Test
    void keepsGroupSeparatorsInARawScanButReplacesOtherControlCharacters() {
        String gs1 = "]d2" + "0109501101530003" + "10LOT7" + Limits.GS + "21SER1\u0000\u0007";

        String recorded = Limits.rawForRecord(gs1);

        assertThat(recorded).isEqualTo("]d2010950110153000310LOT7\u001D21SER1\uFFFD\uFFFD");
    }

    @Test
    void findsControlCharactersInAnIdButAcceptsPlainText() {
        assertThat(Limits.controlCharacterIn("SO-1\u0000")).hasValue(4);
        assertThat(Limits.controlCharacterIn("SO\u001D1")).hasValue(2);
        assertThat(Limits.controlCharacterIn("SO-1")).isEmpty();
    }

    @Test
    void recordsAStationEventWithAFourKilobyteScanSoTheHubAcceptsIt() {
        String scan = "9".repeat(4096);
        PackEvent event = new PackEvent(PackEvent.EventKind.SCAN, Verdict.UNKNOWN_CODE, Instant.parse("2026-11-22T10:00:00Z"),
                "ST-1", Optional.empty(), Optional.of("SO-1"), 1, Optional.empty(), Optional.empty(), scan, 0,
                Optional.empty(), Optional.empty(), "Unknown code " + scan, Optional.empty(), Optional.empty());

        PackEvent recorded = PackEventCodec.forRecord(event);
        StationEvent read = PackEventCodec.fromJson(new JsonObject(
                PackEventCodec.toJson(new StationEvent(UUID.randomUUID(), 1, recorded)).encode()));

        assertThat(recorded.raw()).hasSize(Limits.MAX_RAW).endsWith(Limits.cutMarker(4096));
        assertThat(recorded.reason()).hasSizeLessThanOrEqualTo(Limits.MAX_REASON);
        assertThat(read.event()).isEqualTo(recorded);
    }

    @Test
    void readsAnOversizedRawScanFromTheWireCutByTheSameRule() {
        JsonObject wire = PackEventCodec.toJson(new StationEvent(UUID.randomUUID(), 1, new PackEvent(PackEvent.EventKind.SCAN,
                Verdict.UNKNOWN_CODE, Instant.parse("2026-11-22T10:00:00Z"), "ST-1", Optional.empty(), Optional.empty(), 0,
                Optional.empty(), Optional.empty(), "7".repeat(3000), 0, Optional.empty(), Optional.empty(),
                "r".repeat(5000), Optional.empty(), Optional.empty())));

        PackEvent read = PackEventCodec.fromJson(wire).event();

        assertThat(read.raw()).isEqualTo(Limits.rawForRecord("7".repeat(3000)));
        assertThat(read.reason()).hasSize(Limits.MAX_REASON).endsWith(Limits.cutMarker(5000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"18446744073709551621", "9223372036854775808", "-9223372036854775809", "1e400", "1.5", "1e19"})
    void refusesANumberPastTheFieldsRangeOrNotWholeInsteadOfWrappingIt(String number) {
        JsonObject json = new JsonObject("{\"seq\": " + number + "}");

        assertThatThrownBy(() -> JsonFields.requireLong(json, "seq", 1, Long.MAX_VALUE))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.field()).isEqualTo("seq");
                    assertThat(e.problem()).isEqualTo(ProtocolException.Problem.OUT_OF_RANGE);
                });
    }

    @Test
    void refusesAQuantityOfTwoToTheSixtyFourPlusFiveInsteadOfStoringFive() {
        JsonObject order = new JsonObject("{\"lines\": [{\"sku\": \"MUG-1\", \"quantity\": 18446744073709551621}]}");

        assertThatThrownBy(() -> OrderCodec.contentFromJson("SO-1", order))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.field()).isEqualTo("lines[0].quantity");
                    assertThat(e.problem()).isEqualTo(ProtocolException.Problem.OUT_OF_RANGE);
                    assertThat(e.getMessage()).contains("between 1 and 100000");
                });
    }

    @Test
    void readsAWholeNumberWrittenWithAFractionOrAnExponentExactly() {
        JsonObject json = new JsonObject("{\"a\": 5.0, \"b\": 1e3, \"c\": 9223372036854775807}");

        assertThat(JsonFields.requireLong(json, "a", 0, 10)).isEqualTo(5);
        assertThat(JsonFields.requireLong(json, "b", 0, 10_000)).isEqualTo(1000);
        assertThat(JsonFields.requireLong(json, "c", 0, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1000000000-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
            "1969-12-31T23:59:59Z"})
    void refusesATimestampOutsideTheSaneRange(String at) {
        JsonObject json = new JsonObject().put("clock", at);

        assertThatThrownBy(() -> JsonFields.optionalInstant(json, "clock"))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.field()).isEqualTo("clock");
                    assertThat(e.problem()).isEqualTo(ProtocolException.Problem.OUT_OF_RANGE);
                });
    }

    @Test
    void refusesANulInAnEventsOrderIdNamingTheField() {
        JsonObject wire = PackEventCodec.toJson(new StationEvent(UUID.randomUUID(), 1, new PackEvent(PackEvent.EventKind.SCAN,
                Verdict.MATCH, Instant.parse("2026-11-22T10:00:00Z"), "ST-1", Optional.empty(), Optional.of("SO\u00001"), 1,
                Optional.of("MUG-1"), Optional.empty(), "4006381333931", 1, Optional.empty(), Optional.empty(), "",
                Optional.empty(), Optional.empty())));

        assertThatThrownBy(() -> PackEventCodec.fromJson(wire))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.field()).isEqualTo("orderId");
                    assertThat(e.getMessage()).contains("U+0000");
                });
    }
}
