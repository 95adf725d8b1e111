package io.packcheck.station.lights;

/** A lasting station condition shown underneath scan signals, on outputs the signal leaves off. */
public enum Condition {
    /** Highest priority: nothing can be scanned. */
    SCANNER_OFFLINE,
    /** Scans still verify against the local cache; the outbox holds events until the hub answers. */
    HUB_UNREACHABLE;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
