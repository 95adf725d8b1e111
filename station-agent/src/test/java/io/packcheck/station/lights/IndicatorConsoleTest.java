package io.packcheck.station.lights;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.verify.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndicatorConsoleTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Indicator indicator =
            new Indicator(new ConsoleLights(new PrintStream(bytes, true, StandardCharsets.UTF_8)), SignalPatterns.defaults());

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void printsOneContractLinePerSignalEvenWhenNothingChanged() {
        indicator.show(Verdict.MATCH);
        indicator.show(Verdict.MATCH);

        assertThat(lines()).containsExactly(
                "LIGHTS green=on amber=off red=off buzzer=beep",
                "LIGHTS green=on amber=off red=off buzzer=beep");
    }

    @ParameterizedTest
    @CsvSource({
        "ORDER_OPENED, LIGHTS green=on amber=off red=off buzzer=beep",
        "ORDER_COMPLETE, LIGHTS green=on amber=off red=off buzzer=beep",
        "UNKNOWN_CODE, LIGHTS green=off amber=on red=off buzzer=off",
        "UNREADABLE, LIGHTS green=off amber=on red=off buzzer=off",
        "NO_ORDER_OPEN, LIGHTS green=off amber=on red=off buzzer=off",
    })
    void showsTheDesignDefaultForEachVerdict(Verdict verdict, String line) {
        indicator.show(verdict);

        assertThat(lines()).containsExactly(line);
    }

    @ParameterizedTest
    @CsvSource({"WRONG_ITEM", "EXPIRED", "LOCKED", "ORDER_BLOCKED"})
    void showsRedAndTheBuzzerForAVerdictThatLocksTheSession(Verdict verdict) {
        indicator.show(true, Signal.of(verdict));

        assertThat(lines()).containsExactly("LIGHTS green=off amber=off red=on buzzer=on");
    }

    @Test
    void keepsRedAndTheBuzzerOnTheLineOfAnAmberSignalWhileLocked() {
        indicator.show(true, Signal.MISMATCH);

        indicator.show(true, Signal.UNKNOWN);

        assertThat(lines()).last().isEqualTo("LIGHTS green=off amber=on red=on buzzer=on");
    }

    @Test
    void showsConditionsOnOutputsTheSignalLeavesOffAndPrintsOnlyRealConditionChanges() {
        indicator.set(Condition.HUB_UNREACHABLE, true);
        indicator.set(Condition.HUB_UNREACHABLE, true);
        indicator.show(Verdict.MATCH);
        indicator.show(true, Signal.MISMATCH);
        indicator.show(false, Signal.CLEARED);
        indicator.set(Condition.HUB_UNREACHABLE, false);

        assertThat(lines()).containsExactly(
                "LIGHTS green=off amber=blink red=off buzzer=off",
                "LIGHTS green=on amber=blink red=off buzzer=beep",
                "LIGHTS green=off amber=blink red=on buzzer=on",
                "LIGHTS green=off amber=blink red=off buzzer=off",
                "LIGHTS green=off amber=off red=off buzzer=off");
    }

    @Test
    void showsAnOfflineScannerBeforeAnUnreachableHub() {
        indicator.set(Condition.HUB_UNREACHABLE, true);
        indicator.set(Condition.SCANNER_OFFLINE, true);

        assertThat(lines()).last().isEqualTo("LIGHTS green=off amber=blink red=blink buzzer=off");
    }

    @Test
    void doesNotReplayAFinishedFlashWhenAConditionChanges() {
        indicator.show(Verdict.MATCH);

        indicator.set(Condition.SCANNER_OFFLINE, true);

        assertThat(lines()).last().isEqualTo("LIGHTS green=off amber=off red=blink buzzer=off");
    }
}
