package io.packcheck.station.lights;

/** One driven output of the light tower. */
public enum Output {
    GREEN, AMBER, RED, BUZZER;

    /** The key used in the LIGHTS line and in profiles. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
