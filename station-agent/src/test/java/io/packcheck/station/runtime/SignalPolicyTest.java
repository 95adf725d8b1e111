package io.packcheck.station.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.catalog.Order;
import io.packcheck.core.catalog.OrderLine;
import io.packcheck.core.catalog.OrderStatus;
import io.packcheck.core.verify.Outcome;
import io.packcheck.core.verify.PackSession;
import io.packcheck.core.verify.Verdict;
import io.packcheck.station.lights.Signal;
import io.packcheck.station.runtime.SignalPolicy.Cause;
import io.packcheck.station.runtime.SignalPolicy.Signals;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignalPolicyTest {

    private static final Order ORDER = new Order("SO-1", 1, List.of(new OrderLine("MUG", 2)), Optional.empty(), 0,
            OrderStatus.OPEN, Optional.empty());
    private static final PackSession OPEN = new PackSession("ST-1", Optional.empty(), Optional.of(ORDER), List.of(),
            Optional.empty(), Optional.empty());
    private static final PackSession LOCKED = new PackSession("ST-1", Optional.empty(), Optional.of(ORDER), List.of(),
            Optional.of(new PackSession.Lock(Verdict.WRONG_ITEM, "Wrong item", Optional.empty())), Optional.empty());

    private static Outcome outcome(Verdict verdict, PackSession after) {
        return new Outcome(verdict, after, List.of(), "", Optional.empty());
    }

    @Test
    void aMismatchThatLocksIsRedWithTheBadScanAtTheHandheld() {
        Signals signals = SignalPolicy.of(Cause.SCAN, OPEN, outcome(Verdict.WRONG_ITEM, LOCKED));

        assertThat(signals).isEqualTo(new Signals(true, Signal.MISMATCH, true));
    }

    @Test
    void aStrayScanWhileLockedKeepsTheLockUnderItsOwnSignal() {
        Signals signals = SignalPolicy.of(Cause.SCAN, LOCKED, outcome(Verdict.UNKNOWN_CODE, LOCKED));

        assertThat(signals).isEqualTo(new Signals(true, Signal.UNKNOWN, false));
    }

    @Test
    void aRefusalThatLocksNothingIsAmberNotRed() {
        Signals signals = SignalPolicy.of(Cause.SCAN, PackSession.idle("ST-1"),
                outcome(Verdict.ORDER_BLOCKED, PackSession.idle("ST-1")));

        assertThat(signals).isEqualTo(new Signals(false, Signal.REFUSED, true));
    }

    @Test
    void anOrderChangeThatLeavesTheLockAsItWasSaysNothingNew() {
        Signals signals = SignalPolicy.of(Cause.ORDER_CHANGE, LOCKED, outcome(Verdict.WRONG_ITEM, LOCKED));

        assertThat(signals).isEqualTo(new Signals(true, Signal.IDLE, false));
    }

    @Test
    void theSameVerdictFromAScanIntoTheLockedBoxIsANewMismatch() {
        Signals signals = SignalPolicy.of(Cause.SCAN, LOCKED, outcome(Verdict.LOCKED, LOCKED));

        assertThat(signals).isEqualTo(new Signals(true, Signal.MISMATCH, true));
    }
}
