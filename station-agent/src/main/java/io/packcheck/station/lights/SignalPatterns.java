package io.packcheck.station.lights;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** Which tower state each signal and condition shows; a light profile overrides the defaults. */
public record SignalPatterns(Map<Signal, TowerState> signals, Map<Condition, TowerState> conditions) {

    public SignalPatterns {
        signals = Map.copyOf(signals);
        conditions = Map.copyOf(conditions);
        for (Signal s : Signal.values()) {
            if (!signals.containsKey(s)) {
                throw new IllegalArgumentException("no pattern for signal " + s.key());
            }
        }
        for (Condition c : Condition.values()) {
            if (!conditions.containsKey(c)) {
                throw new IllegalArgumentException("no pattern for condition " + c.key());
            }
        }
    }

    /** PackCheck's default patterns, as the README's "Lights and buzzer" section lists them. */
    public static SignalPatterns defaults() {
        Map<Signal, TowerState> s = new EnumMap<>(Signal.class);
        TowerState off = TowerState.ALL_OFF;
        Pattern beep = new Pattern.Beeps(1, Duration.ofMillis(80), Duration.ofMillis(80));
        s.put(Signal.ACCEPTED, off.with(Output.GREEN, new Pattern.Pulse(Duration.ofMillis(400))).with(Output.BUZZER, beep));
        s.put(Signal.ORDER_COMPLETE, off.with(Output.GREEN, Pattern.ON)
                .with(Output.BUZZER, new Pattern.Beeps(2, Duration.ofMillis(80), Duration.ofMillis(80))));
        s.put(Signal.MISMATCH, off.with(Output.RED, Pattern.ON).with(Output.BUZZER, Pattern.ON));
        s.put(Signal.UNKNOWN, off.with(Output.AMBER, Pattern.ON));
        s.put(Signal.UNREADABLE, off.with(Output.AMBER, Pattern.ON));
        s.put(Signal.REFUSED, off.with(Output.AMBER, Pattern.ON));
        s.put(Signal.CLEARED, off);
        s.put(Signal.IDLE, off);
        Map<Condition, TowerState> c = new EnumMap<>(Condition.class);
        c.put(Condition.SCANNER_OFFLINE, off.with(Output.RED, new Pattern.Blink(Duration.ofMillis(250), Duration.ofMillis(750))));
        c.put(Condition.HUB_UNREACHABLE, off.with(Output.AMBER, new Pattern.Blink(Duration.ofMillis(1000), Duration.ofMillis(1000))));
        return new SignalPatterns(s, c);
    }

    /** These patterns with some signals or conditions replaced, as a profile gives them. */
    public SignalPatterns overriddenBy(Map<Signal, TowerState> moreSignals, Map<Condition, TowerState> moreConditions) {
        Map<Signal, TowerState> s = new EnumMap<>(signals);
        s.putAll(moreSignals);
        Map<Condition, TowerState> c = new EnumMap<>(conditions);
        c.putAll(moreConditions);
        return new SignalPatterns(s, c);
    }
}
