package io.packcheck.station.lights;

import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import io.packcheck.core.verify.Verdict;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Pi4jLightsTest {

    /** A relay board: colours switch on with a low level; the buzzer is a transistor, on when high. */
    private static final Map<Output, OutputPin> PINS = Map.of(
            Output.GREEN, new OutputPin(17, true),
            Output.AMBER, new OutputPin(27, true),
            Output.RED, new OutputPin(22, true),
            Output.BUZZER, new OutputPin(23, false));

    private final ManualScheduler scheduler = new ManualScheduler();
    private final Map<Output, List<String>> history = new EnumMap<>(Output.class);
    private Context pi4j;
    private Pi4jLights lights;
    private Indicator indicator;

    @BeforeEach
    void wire() {
        pi4j = Pi4J.newContextBuilder()
                .noAutoDetect()
                .add(MockDigitalOutputProvider.newInstance(), MockDigitalInputProvider.newInstance())
                .build();
        lights = new Pi4jLights(pi4j, PINS, scheduler);
        for (Output o : Output.values()) {
            List<String> h = new ArrayList<>();
            history.put(o, h);
            pin(o).addListener(e -> h.add(scheduler.nowMillis() + ":" + e.state()));
        }
        indicator = new Indicator(lights, SignalPatterns.defaults());
    }

    @AfterEach
    void release() {
        pi4j.shutdown();
    }

    private DigitalOutput pin(Output o) {
        return pi4j.registry().get("packcheck-" + o.key(), DigitalOutput.class);
    }

    @Test
    void startsWithEveryOutputOffAtItsOwnInactiveLevel() {
        assertThat(pin(Output.GREEN).state()).isEqualTo(DigitalState.HIGH);
        assertThat(pin(Output.RED).state()).isEqualTo(DigitalState.HIGH);
        assertThat(pin(Output.BUZZER).state()).isEqualTo(DigitalState.LOW);
    }

    @Test
    void flashesGreenAndBeepsForEveryAcceptedScan() {
        indicator.show(Verdict.MATCH);
        scheduler.advanceMillis(1000);
        indicator.show(Verdict.MATCH);
        scheduler.advanceMillis(1000);

        assertThat(history.get(Output.GREEN)).containsExactly("0:LOW", "400:HIGH", "1000:LOW", "1400:HIGH");
        assertThat(history.get(Output.BUZZER)).containsExactly("0:HIGH", "80:LOW", "1000:HIGH", "1080:LOW");
    }

    @Test
    void putsADarkGapBetweenTwoScansThatComeFasterThanTheFlash() {
        indicator.show(Verdict.MATCH);
        scheduler.advanceMillis(100);
        indicator.show(Verdict.LINE_COMPLETE);
        scheduler.advanceMillis(1000);

        assertThat(history.get(Output.GREEN)).containsExactly("0:LOW", "100:HIGH", "160:LOW", "560:HIGH");
    }

    @Test
    void keepsRedAndBuzzerOnAfterAMismatchUntilCleared() {
        indicator.show(true, Signal.MISMATCH);
        scheduler.advanceMillis(60_000);
        DigitalState redAfterAMinute = pin(Output.RED).state();
        DigitalState buzzerAfterAMinute = pin(Output.BUZZER).state();

        indicator.show(false, Signal.CLEARED);

        assertThat(redAfterAMinute).isEqualTo(DigitalState.LOW);
        assertThat(buzzerAfterAMinute).isEqualTo(DigitalState.HIGH);
        assertThat(history.get(Output.RED)).containsExactly("0:LOW", "60000:HIGH");
        assertThat(history.get(Output.BUZZER)).containsExactly("0:HIGH", "60000:LOW");
    }

    @Test
    void blinksAmberSlowlyWhileTheHubIsUnreachableAndKeepsBlinkingThroughAFlash() {
        indicator.set(Condition.HUB_UNREACHABLE, true);
        scheduler.advanceMillis(2500);
        indicator.show(Verdict.MATCH);
        scheduler.advanceMillis(1000);

        assertThat(history.get(Output.AMBER)).startsWith("0:LOW", "1000:HIGH", "2000:LOW");
        assertThat(history.get(Output.GREEN)).containsExactly("2500:LOW", "2900:HIGH");
    }

    @Test
    void theAcknowledgeButtonSilencesTheBuzzerButKeepsRed() {
        indicator.show(true, Signal.of(Verdict.OVER_QUANTITY));
        scheduler.advanceMillis(3000);

        indicator.silenceBuzzer();
        scheduler.advanceMillis(1000);

        assertThat(pin(Output.RED).state()).isEqualTo(DigitalState.LOW);
        assertThat(history.get(Output.BUZZER)).containsExactly("0:HIGH", "3000:LOW");
    }

    @Test
    void anAmberSignalWhileLockedFlashesOnTheTowerAndRedAndTheBuzzerNeverStop() {
        indicator.show(true, Signal.MISMATCH);
        scheduler.advanceMillis(1000);

        indicator.show(true, Signal.UNKNOWN);
        scheduler.advanceMillis(5000);

        assertThat(history.get(Output.AMBER)).containsExactly("1000:LOW", "1200:HIGH");
        assertThat(history.get(Output.RED)).containsExactly("0:LOW");
        assertThat(history.get(Output.BUZZER)).containsExactly("0:HIGH");
    }

    @Test
    void playsBeepPatternsAndStopsAfterTheLastBeep() {
        lights.show(TowerState.ALL_OFF.with(Output.BUZZER, Pattern.parse("beeps 3 100/50")));
        scheduler.advanceMillis(10_000);

        assertThat(history.get(Output.BUZZER))
                .containsExactly("0:HIGH", "100:LOW", "150:HIGH", "250:LOW", "300:HIGH", "400:LOW");
    }

    @Test
    void goesBackToTheSafeStateOnClose() {
        indicator.show(Verdict.ORDER_COMPLETE);
        indicator.set(Condition.SCANNER_OFFLINE, true);

        lights.close();
        scheduler.advanceMillis(5000);

        assertThat(pin(Output.GREEN).state()).isEqualTo(DigitalState.HIGH);
        assertThat(pin(Output.RED).state()).isEqualTo(DigitalState.HIGH);
        assertThat(pin(Output.BUZZER).state()).isEqualTo(DigitalState.LOW);
    }
}
