package io.packcheck.station.lights;

import io.packcheck.core.verify.Verdict;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * The one place that decides what the tower shows: a lasting part (the session's lock, the station's
 * conditions) with the last signal on top.
 *
 * <p>The invariant, for every state this class shows:
 * <ul>
 *   <li>While the station says the session is locked, the tower shows the lock: the profile's mismatch
 *       pattern (red, and the buzzer). Its buzzer sounds until the acknowledge button is pressed
 *       ({@link #silenceBuzzer()}), and sounds again at the next mismatch signal (a scan into the locked
 *       box, a new lock reason). Only {@code show(false, ...)} takes the lock away.</li>
 *   <li>A signal shown while locked flashes on the outputs the lock leaves off and is cut after
 *       {@link #FLASH}, so the lock pattern is back alone within that time whatever the signal was.</li>
 *   <li>While unlocked, a signal stays until the next one (amber for an unknown code, green steady for a
 *       completed order), except the mismatch pattern: it belongs to a lock, so without one it is only a flash.</li>
 *   <li>Lasting conditions (scanner offline, then hub unreachable) show on outputs neither the lock nor the
 *       signal lights.</li>
 * </ul>
 */
public final class Indicator {

    /**
     * How long a signal may cover part of the tower while the lock holds. With the player's dark gap before a
     * repeated flash the lock pattern is back alone within 300 ms of any signal.
     */
    public static final Duration FLASH = Duration.ofMillis(200);

    /** The lock as the tower shows it. */
    private enum Alarm {
        NONE,
        SOUNDING,
        SILENCED
    }

    private final LightTower tower;
    private final SignalPatterns patterns;
    private final Set<Condition> active = EnumSet.noneOf(Condition.class);
    private Alarm alarm = Alarm.NONE;
    private TowerState signal = TowerState.ALL_OFF;

    /** Starts with the tower in its safe state, everything off. */
    public Indicator(LightTower tower, SignalPatterns patterns) {
        this.tower = tower;
        this.patterns = patterns;
    }

    /** Shows the signal for a verdict, the lock staying as it is. */
    public void show(Verdict verdict) {
        show(Signal.of(verdict));
    }

    /** Shows a signal, the lock staying as it is; every call is a new signal, so two accepted scans flash twice. */
    public synchronized void show(Signal signal) {
        show(alarm != Alarm.NONE, signal);
    }

    /**
     * Shows a signal with the session's lock as it stands after it; every call is a new signal. A mismatch
     * signal, or a lock that just began, sounds the buzzer.
     */
    public synchronized void show(boolean locked, Signal shown) {
        if (!locked) {
            alarm = Alarm.NONE;
        } else if (alarm == Alarm.NONE || shown == Signal.MISMATCH) {
            alarm = Alarm.SOUNDING;
        }
        TowerState pattern = patterns.signals().get(shown);
        if (locked && shown == Signal.MISMATCH) {
            // the lock itself says it; a flash of the same pattern on top would only hide the buzzer's silence
            signal = TowerState.ALL_OFF;
        } else if (locked || shown == Signal.MISMATCH) {
            signal = cut(pattern);
        } else {
            signal = pattern;
        }
        tower.show(composed());
    }

    /** Whether the tower shows a lock now. */
    public synchronized boolean locked() {
        return alarm != Alarm.NONE;
    }

    /** Turns a lasting condition on or off; shows a new state only when it changes. */
    public synchronized void set(Condition condition, boolean on) {
        boolean changed = on ? active.add(condition) : active.remove(condition);
        if (changed) {
            signal = withoutTransients(signal);
            tower.show(composed());
        }
    }

    /** The acknowledge button: stops the lock's buzzer (and a signal's steady one) while red stays until cleared. */
    public synchronized void silenceBuzzer() {
        boolean sounding = alarm == Alarm.SOUNDING || !(signal.buzzer() instanceof Pattern.Off);
        if (alarm == Alarm.SOUNDING) {
            alarm = Alarm.SILENCED;
        }
        if (sounding) {
            signal = withoutTransients(signal).with(Output.BUZZER, Pattern.OFF);
            tower.show(composed());
        }
    }

    private static TowerState cut(TowerState state) {
        TowerState result = state;
        for (Output o : Output.values()) {
            result = result.with(o, state.pattern(o).cutAt(FLASH));
        }
        return result;
    }

    // re-showing a flash or beep that has had its moment would read as a second scan
    private static TowerState withoutTransients(TowerState state) {
        TowerState result = state;
        for (Output o : Output.values()) {
            Pattern p = state.pattern(o);
            if (p instanceof Pattern.Pulse || p instanceof Pattern.Beeps || p instanceof Pattern.Cut) {
                result = result.with(o, Pattern.OFF);
            }
        }
        return result;
    }

    private TowerState lock() {
        TowerState lock = switch (alarm) {
            case NONE -> TowerState.ALL_OFF;
            case SOUNDING -> patterns.signals().get(Signal.MISMATCH);
            case SILENCED -> patterns.signals().get(Signal.MISMATCH).with(Output.BUZZER, Pattern.OFF);
        };
        return lock;
    }

    /** The invariant: the lock first, then the signal, then the conditions, output by output. */
    private TowerState composed() {
        TowerState lock = lock();
        TowerState result = TowerState.ALL_OFF;
        for (Output o : Output.values()) {
            Pattern p = lock.pattern(o);
            if (p instanceof Pattern.Off) {
                p = signal.pattern(o);
            }
            if (p instanceof Pattern.Off) {
                p = condition(o);
            }
            result = result.with(o, p);
        }
        return result;
    }

    private Pattern condition(Output o) {
        for (Condition c : Condition.values()) {
            Pattern p = active.contains(c) ? patterns.conditions().get(c).pattern(o) : Pattern.OFF;
            if (!(p instanceof Pattern.Off)) {
                return p;
            }
        }
        return Pattern.OFF;
    }
}
