package io.packcheck.hub.parcels;

import io.packcheck.core.verify.PackEvent;
import io.packcheck.core.verify.PackEvent.EventKind;
import io.packcheck.hub.http.ApiError;
import io.packcheck.hub.storage.Missing;
import io.packcheck.protocol.StationEvent;
import java.util.List;
import java.util.Optional;

/**
 * The parcels of orders, from the stations' events: which order a shipping label went out with, in which parcel,
 * with what in it and what it weighed. Every method runs on the database worker.
 */
public final class ParcelService {

    private final ParcelStore store;

    public ParcelService(ParcelStore store) {
        this.store = store;
    }

    /** A parcel with the number of parcels its order has so far. */
    public record Found(ClosedParcel parcel, int of) {}

    /**
     * Events a station sent, just stored (in the same transaction, once each): a closed parcel is recorded, and
     * opening an order again or cancelling it at the station empties that station's parcels of it, as it does the box.
     */
    public void afterIngest(String stationId, List<StationEvent> stored) {
        for (StationEvent se : stored) {
            PackEvent e = se.event();
            if (e.orderId().isPresent() && (e.kind() == EventKind.ORDER_OPENED || e.kind() == EventKind.SESSION_CANCELLED)) {
                store.dropPackedAt(e.orderId().get(), stationId);
            }
            ClosedParcel.of(se).ifPresent(store::record);
        }
    }

    /**
     * The parcel that went out with this label, as scanned or as an order system lists it. A {@link Missing} says
     * whether an order lists the label but no parcel was closed with it yet, or nobody knows it.
     */
    public Found byLabel(String label) {
        String key = LabelOwners.key(label);
        if (key.isEmpty()) {
            throw ApiError.badRequest("label", "label is empty once spaces and dashes are taken out");
        }
        Optional<ClosedParcel> parcel = store.withLabel(key).stream().findFirst();
        if (parcel.isEmpty()) {
            Optional<String> listing = store.orderListing(key);
            throw new Missing("label", listing
                    .map(o -> "label " + key + " is listed on order " + o + " but no parcel was closed with it yet")
                    .orElse("no order lists label " + key + " and no station closed a parcel with it"));
        }
        return new Found(parcel.get(), store.ofOrder(parcel.get().orderId()).size());
    }

    public List<ClosedParcel> ofOrder(String orderId) {
        return store.ofOrder(orderId);
    }
}
