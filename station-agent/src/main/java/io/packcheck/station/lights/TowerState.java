package io.packcheck.station.lights;

import java.util.EnumMap;
import java.util.Map;

/** What every output of the tower shows after one signal. */
public record TowerState(Pattern green, Pattern amber, Pattern red, Pattern buzzer) {

    public static final TowerState ALL_OFF = new TowerState(Pattern.OFF, Pattern.OFF, Pattern.OFF, Pattern.OFF);

    public TowerState {
        if (green == null || amber == null || red == null || buzzer == null) {
            throw new IllegalArgumentException("every output needs a pattern (use off)");
        }
    }

    public Pattern pattern(Output output) {
        return switch (output) {
            case GREEN -> green;
            case AMBER -> amber;
            case RED -> red;
            case BUZZER -> buzzer;
        };
    }

    /** This state with {@code output} replaced. */
    public TowerState with(Output output, Pattern pattern) {
        Map<Output, Pattern> m = asMap();
        m.put(output, pattern);
        return new TowerState(m.get(Output.GREEN), m.get(Output.AMBER), m.get(Output.RED), m.get(Output.BUZZER));
    }

    public Map<Output, Pattern> asMap() {
        Map<Output, Pattern> m = new EnumMap<>(Output.class);
        for (Output o : Output.values()) {
            m.put(o, pattern(o));
        }
        return m;
    }

    /** The console line scripts and tests read: {@code LIGHTS green=.. amber=.. red=.. buzzer=..}. */
    public String contractLine() {
        return "LIGHTS green=" + green.lightWord() + " amber=" + amber.lightWord() + " red=" + red.lightWord()
                + " buzzer=" + buzzer.buzzerWord();
    }
}
