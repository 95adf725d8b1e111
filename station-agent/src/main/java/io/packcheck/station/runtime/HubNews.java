package io.packcheck.station.runtime;

import io.packcheck.core.catalog.Order;
import io.packcheck.station.hub.HubLinkListener;
import io.packcheck.station.hub.LinkState;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands the hub link's news to the pack station. The link starts before the station exists; news before then
 * is in the cache the station starts from, so it is dropped here.
 */
final class HubNews implements HubLinkListener {

    private final AtomicReference<PackStation> station = new AtomicReference<>();

    void deliverTo(PackStation to) {
        station.set(to);
    }

    @Override
    public void ordersChanged(List<Order> orders) {
        Optional.ofNullable(station.get()).ifPresent(s -> orders.forEach(s::orderChanged));
    }

    @Override
    public void stateChanged(LinkState state) {
        Optional.ofNullable(station.get()).ifPresent(PackStation::hubStateChanged);
    }
}
