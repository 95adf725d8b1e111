package io.packcheck.station.lights;

import io.packcheck.core.verify.Verdict;
import java.util.EnumSet;
import java.util.Set;

/**
 * Turns station signals and lasting conditions into tower states. A scan signal owns the outputs it
 * lights; outputs it leaves off show the most urgent active condition (scanner offline, then hub
 * unreachable), so a slow amber blink for "hub unreachable" survives a green flash.
 */
public final class Indicator {

    private final LightTower tower;
    private final SignalPatterns patterns;
    private final Set<Condition> active = EnumSet.noneOf(Condition.class);
    private TowerState foreground;

    /** Starts with the tower in its safe state, everything off. */
    public Indicator(LightTower tower, SignalPatterns patterns) {
        this.tower = tower;
        this.patterns = patterns;
        this.foreground = TowerState.ALL_OFF;
    }

    /** Shows the signal for a verdict; every call is a new signal. */
    public void show(Verdict verdict) {
        show(Signal.of(verdict));
    }

    /** Shows a signal; every call is a new signal, so two accepted scans flash and beep twice. */
    public synchronized void show(Signal signal) {
        foreground = patterns.signals().get(signal);
        tower.show(composed());
    }

    /** Turns a lasting condition on or off; shows a new state only when it changes. */
    public synchronized void set(Condition condition, boolean on) {
        boolean changed = on ? active.add(condition) : active.remove(condition);
        if (changed) {
            foreground = withoutTransients(foreground);
            tower.show(composed());
        }
    }

    /** The acknowledge button: stops the buzzer of a mismatch while the red light stays until cleared. */
    public synchronized void silenceBuzzer() {
        if (!(foreground.buzzer() instanceof Pattern.Off)) {
            foreground = withoutTransients(foreground).with(Output.BUZZER, Pattern.OFF);
            tower.show(composed());
        }
    }

    // re-showing a flash or beep that has had its moment would read as a second scan
    private static TowerState withoutTransients(TowerState state) {
        TowerState result = state;
        for (Output o : Output.values()) {
            Pattern p = state.pattern(o);
            if (p instanceof Pattern.Pulse || p instanceof Pattern.Beeps) {
                result = result.with(o, Pattern.OFF);
            }
        }
        return result;
    }

    private TowerState composed() {
        TowerState result = foreground;
        for (Output o : Output.values()) {
            if (result.pattern(o) instanceof Pattern.Off) {
                for (Condition c : Condition.values()) {
                    Pattern p = active.contains(c) ? patterns.conditions().get(c).pattern(o) : Pattern.OFF;
                    if (!(p instanceof Pattern.Off)) {
                        result = result.with(o, p);
                        break;
                    }
                }
            }
        }
        return result;
    }
}
