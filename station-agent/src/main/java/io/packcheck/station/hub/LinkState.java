package io.packcheck.station.hub;

/** Whether the station is in touch with the hub. */
public enum LinkState {
    /** Started, no answer from the hub yet. */
    CONNECTING,
    /** The hub answered recently. */
    ONLINE,
    /** No answer from the hub for longer than the offline threshold; packing goes on from the cache. */
    OFFLINE
}
