package io.packcheck.station.config;

/** A secret such as the station token: its text never appears in {@code toString}, logs or printed config. */
public record Secret(String value) {

    public Secret {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a secret is empty");
        }
    }

    @Override
    public String toString() {
        return "********";
    }
}
