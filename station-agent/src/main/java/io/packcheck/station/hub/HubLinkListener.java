package io.packcheck.station.hub;

import io.packcheck.core.catalog.Order;
import java.util.List;

/**
 * What the hub link tells the runtime. Called on the link's own thread after the change is
 * committed to the cache; hand the work to the runtime's thread and return.
 */
public interface HubLinkListener {

    /** These orders changed in the cache (new, changed lines, cancelled, held or released), as they now are. */
    void ordersChanged(List<Order> orders);

    /** The link went online, offline or refused (see {@link LinkState}). */
    void stateChanged(LinkState state);

    /** A listener that ignores everything (a station that only needs the sync). */
    static HubLinkListener none() {
        return new HubLinkListener() {
            @Override
            public void ordersChanged(List<Order> orders) {}

            @Override
            public void stateChanged(LinkState state) {}
        };
    }
}
