package io.packcheck.station.config;

/** A setting is wrong; the message names the setting, where its value came from and the problem. */
public final class ConfigException extends RuntimeException {

    private final String setting;

    public ConfigException(String setting, String message) {
        super(message);
        this.setting = setting;
    }

    /** The setting's key, e.g. {@code screenPort}, or the config file's path for a file that cannot be read. */
    public String setting() {
        return setting;
    }
}
