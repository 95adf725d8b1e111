package io.packcheck.station.hub;

/**
 * The station's connection to the hub: keeps the order cache current from the hub's feed, sends the
 * outbox, sends heartbeats, and tells its {@link HubLinkListener} about changed orders and about
 * being online, offline or refused. Everything runs in the background once started.
 */
public interface HubLink extends AutoCloseable {

    /** The runtime appended events to the outbox: send them now rather than at the next tick. */
    void eventsAppended();

    /**
     * Asks the hub once for an order the cache does not have (scanned by id or alias), stores it in
     * the cache and returns it. Blocks the calling thread for at most the fetch timeout (800 ms by
     * default), so call it from the runtime's own thread, never from a Vert.x event loop.
     */
    OrderLookup fetchOrder(String idOrAlias);

    /**
     * Asks the hub whether another order's box already holds this serial of the SKU. Blocks the calling thread for
     * at most the fetch timeout (800 ms by default); a link that cannot ask answers {@link SerialCheck.Unknown}.
     */
    default SerialCheck serialPackedIn(String sku, String serial, String orderId) {
        return new SerialCheck.Unknown("this hub link cannot ask about serials");
    }

    /**
     * Claims the order for this station as the packer opens it, so no other station packs it at the same time.
     * Blocks like {@link #fetchOrder} for at most the fetch timeout (800 ms by default); a hub that does not answer
     * in time is {@link OrderClaim.Unreachable}, and the station packs from its cache. Idempotent.
     */
    OrderClaim claimOrder(String orderId);

    /** Online, offline, refused by the hub, or still connecting after a start. */
    LinkState state();

    /** Stops every loop and waits for requests in flight to end; the cache and outbox stay as they are. */
    @Override
    void close();
}
