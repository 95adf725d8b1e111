package io.packcheck.station.hardware;

import io.packcheck.station.lights.Output;
import io.packcheck.station.lights.OutputPin;
import io.packcheck.station.lights.SignalPatterns;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One light tower / buzzer board: where each output is wired and what each signal shows.
 *
 * @param formerIds names this profile had before it was renamed; a configuration naming one still loads it
 * @param outputs  the wired outputs; an output not listed is not driven
 * @param button   the acknowledge button, when the board has one
 * @param patterns signal and condition patterns: PackCheck's defaults with the profile's overrides
 */
public record LightProfile(String id, List<String> formerIds, String board, Map<Output, OutputPin> outputs,
        Optional<ButtonPin> button, SignalPatterns patterns) {

    public LightProfile {
        formerIds = List.copyOf(formerIds);
        outputs = Map.copyOf(outputs);
    }

    /** Where the acknowledge button is wired and how long a level must hold to count. */
    public record ButtonPin(int bcm, boolean activeLow, Duration settle) {
    }
}
