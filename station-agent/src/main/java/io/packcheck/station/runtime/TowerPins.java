package io.packcheck.station.runtime;

import io.packcheck.station.config.ConfigException;
import io.packcheck.station.hardware.HardwareProfiles;
import io.packcheck.station.hardware.LightProfile;
import io.packcheck.station.lights.Output;
import io.packcheck.station.lights.OutputPin;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Where the tower's outputs are wired: the light profile's pins, each one moved by the light-pins setting. */
final class TowerPins {

    private TowerPins() {}

    /**
     * @param lightPins output name to BCM pin; a moved pin keeps the profile's active level
     * @throws ConfigException naming the setting when a pin is invalid or no output is wired at all
     */
    static Map<Output, OutputPin> of(Optional<LightProfile> profile, Map<String, Integer> lightPins) {
        Map<Output, OutputPin> pins = new EnumMap<>(Output.class);
        profile.ifPresent(p -> pins.putAll(p.outputs()));
        for (Map.Entry<String, Integer> e : lightPins.entrySet()) {
            Output output = Output.valueOf(e.getKey().toUpperCase(Locale.ROOT));
            boolean activeLow = Optional.ofNullable(pins.get(output)).map(OutputPin::activeLow).orElse(false);
            try {
                pins.put(output, new OutputPin(e.getValue(), activeLow));
            } catch (IllegalArgumentException ex) {
                throw new ConfigException("light-pins", "setting light-pins: " + e.getKey() + ": " + ex.getMessage());
            }
        }
        if (pins.isEmpty()) {
            throw new ConfigException("light-profile", "setting light-profile: gpio lights need a light profile ("
                    + String.join(", ", HardwareProfiles.lightNames()) + ") or --light-pins");
        }
        return pins;
    }
}
