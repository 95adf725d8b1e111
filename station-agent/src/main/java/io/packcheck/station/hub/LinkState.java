package io.packcheck.station.hub;

/** Whether the station is in touch with the hub. */
public enum LinkState {
    /** Started, no answer from the hub yet. */
    CONNECTING,
    /** The hub answered recently. */
    ONLINE,
    /** No answer from the hub for longer than the offline threshold; packing goes on from the cache. */
    OFFLINE,
    /**
     * The hub answers but refuses this station's credentials (HTTP 401 or 403: station revoked or its token
     * replaced): nothing syncs, packing goes on from the cache and events wait in the outbox. Only an
     * exchange the hub accepts again (feed page, event batch, heartbeat, order lookup) ends it.
     */
    REFUSED
}
