package io.packcheck.station.lights;

import static io.packcheck.station.lights.Output.AMBER;
import static io.packcheck.station.lights.Output.BUZZER;
import static io.packcheck.station.lights.Output.GREEN;
import static io.packcheck.station.lights.Output.RED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The tower while a session is locked, on virtual time. */
class IndicatorLockTest {

    private final ManualScheduler time = new ManualScheduler();
    private final RecordingTower tower = new RecordingTower(time);
    private final Indicator indicator = new Indicator(tower, SignalPatterns.defaults());

    @ParameterizedTest
    @EnumSource(value = Signal.class, names = {"UNKNOWN", "UNREADABLE", "REFUSED", "ACCEPTED", "CLEARED", "IDLE"})
    void aSignalWhileLockedFlashesAndTheLockPatternIsBackAloneWithin300Ms(Signal signal) {
        indicator.show(true, Signal.MISMATCH);
        time.advanceMillis(1000);

        indicator.show(true, signal);
        boolean redDuringTheFlash = tower.isLit(RED);
        boolean buzzerDuringTheFlash = tower.isLit(BUZZER);
        time.advanceMillis(300);

        assertThat(redDuringTheFlash).isTrue();
        assertThat(buzzerDuringTheFlash).isTrue();
        assertThat(tower.litOutputs()).containsExactly(RED, BUZZER);
    }

    @Test
    void twoQuickAmberSignalsWhileLockedStillLeaveTheLockAloneWithin300MsOfTheSecond() {
        indicator.show(true, Signal.MISMATCH);
        indicator.show(true, Signal.UNKNOWN);
        time.advanceMillis(150);

        indicator.show(true, Signal.UNREADABLE);
        time.advanceMillis(300);

        assertThat(tower.litOutputs()).containsExactly(RED, BUZZER);
    }

    @Test
    void onlyTheAcknowledgeButtonSilencesTheBuzzerAndRedStays() {
        indicator.show(true, Signal.MISMATCH);
        indicator.show(true, Signal.UNKNOWN);
        indicator.show(true, Signal.REFUSED);
        time.advanceMillis(1000);
        boolean buzzerBeforeTheButton = tower.isLit(BUZZER);

        indicator.silenceBuzzer();
        indicator.show(true, Signal.UNREADABLE);
        time.advanceMillis(1000);

        assertThat(buzzerBeforeTheButton).isTrue();
        assertThat(tower.litOutputs()).containsExactly(RED);
    }

    @Test
    void aNewMismatchWhileLockedSoundsTheSilencedBuzzerAgain() {
        indicator.show(true, Signal.MISMATCH);
        indicator.silenceBuzzer();

        indicator.show(true, Signal.MISMATCH);
        time.advanceMillis(1000);

        assertThat(tower.litOutputs()).containsExactly(RED, BUZZER);
    }

    @Test
    void aSignalThatKeepsTheLockCannotTakeItAway() {
        indicator.show(true, Signal.MISMATCH);

        indicator.show(Signal.CLEARED);
        time.advanceMillis(1000);

        assertThat(indicator.locked()).isTrue();
        assertThat(tower.litOutputs()).containsExactly(RED, BUZZER);
    }

    @Test
    void unlockingClearsRedAndTheBuzzerAndTheNextSignalStaysAsBefore() {
        indicator.show(true, Signal.MISMATCH);

        indicator.show(false, Signal.CLEARED);
        indicator.show(false, Signal.UNKNOWN);
        time.advanceMillis(5000);

        assertThat(tower.litOutputs()).containsExactly(AMBER);
    }

    @Test
    void aMismatchSignalWithoutALockIsOnlyAFlash() {
        indicator.show(false, Signal.MISMATCH);
        boolean redAtFirst = tower.isLit(RED);

        time.advanceMillis(300);

        assertThat(redAtFirst).isTrue();
        assertThat(tower.litOutputs()).isEmpty();
    }

    @Test
    void theLockOutranksAnOfflineScannersRedBlinkAndTheConditionReturnsOnceUnlocked() {
        indicator.set(Condition.SCANNER_OFFLINE, true);
        indicator.show(true, Signal.MISMATCH);
        TowerState locked = tower.last();

        indicator.show(false, Signal.CLEARED);

        assertThat(locked.red()).isEqualTo(Pattern.ON);
        assertThat(tower.last().red()).isInstanceOf(Pattern.Blink.class);
    }

    @Test
    void anOrderCompleteStaysGreenUntilTheNextSignal() {
        indicator.show(false, Signal.ORDER_COMPLETE);

        time.advanceMillis(60_000);

        assertThat(tower.litOutputs()).containsExactly(GREEN);
    }
}
