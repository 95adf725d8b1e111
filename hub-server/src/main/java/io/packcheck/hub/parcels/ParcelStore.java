package io.packcheck.hub.parcels;

import java.util.List;
import java.util.Optional;

/**
 * Where closed parcels are kept. Calls made while events are ingested join the ingest's transaction, so a parcel
 * is stored with the event that closed it, once.
 */
public interface ParcelStore {

    /** Records the parcel, replacing an earlier closing of the same number of its order. */
    void record(ClosedParcel parcel);

    /** Drops the parcels the station closed for the order: it opened the order again or cancelled it, the box is emptied. */
    void dropPackedAt(String orderId, String stationId);

    /** Parcels closed with this label (canonical key), newest first. */
    List<ClosedParcel> withLabel(String labelKey);

    /** The order's parcels by number. */
    List<ClosedParcel> ofOrder(String orderId);

    /** The order, not cancelled, that lists this label (canonical key). */
    Optional<String> orderListing(String labelKey);
}
