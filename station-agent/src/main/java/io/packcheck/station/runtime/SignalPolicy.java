package io.packcheck.station.runtime;

import io.packcheck.core.verify.Outcome;
import io.packcheck.core.verify.PackSession;
import io.packcheck.station.lights.Signal;

/**
 * What the tower and the handheld say about an outcome. The tower's lasting part is the session's lock as it
 * stands after the outcome ({@link io.packcheck.station.lights.Indicator} holds it and keeps the invariant);
 * this policy picks the signal shown on top and whether the handheld sounds its bad-scan command.
 */
final class SignalPolicy {

    /** Why the session changed. */
    enum Cause {
        /** A scan or typed code. */
        SCAN,
        /** A new version of the open order, from the hub or an import. */
        ORDER_CHANGE
    }

    /**
     * @param locked  the session's lock after the outcome: the tower shows it, whatever the signal
     * @param signal  the verdict's own signal
     * @param badScan whether the handheld sounds its bad-scan command, so it never only good-read beeps for a
     *                scan that was not counted
     */
    record Signals(boolean locked, Signal signal, boolean badScan) {}

    private SignalPolicy() {}

    static Signals of(Cause cause, PackSession before, Outcome outcome) {
        PackSession after = outcome.session();
        Signal verdict = Signal.of(outcome.verdict());
        Signal signal = verdict;
        if (verdict == Signal.MISMATCH && !after.locked()) {
            // red means locked: a refusal that locks nothing (a cancelled order scanned to open) is amber
            signal = Signal.REFUSED;
        } else if (cause == Cause.ORDER_CHANGE && after.locked() && after.lock().equals(before.lock())) {
            // a new version of the order that leaves the lock as it was has nothing new to say:
            // a buzzer the packer silenced stays silent
            signal = Signal.IDLE;
        }
        boolean badScan = verdict == Signal.MISMATCH && signal != Signal.IDLE;
        return new Signals(after.locked(), signal, badScan);
    }

    /** A session restored at start: the safe state first, then the lock (with its buzzer) if it is locked. */
    static Signals restored(PackSession session) {
        return new Signals(session.locked(), session.locked() ? Signal.MISMATCH : Signal.IDLE, false);
    }
}
