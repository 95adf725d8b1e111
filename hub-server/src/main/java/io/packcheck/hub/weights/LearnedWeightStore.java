package io.packcheck.hub.weights;

import io.packcheck.core.weight.WeighedParcel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where weighed parcels are read and learned weights kept; database thread only. */
public interface LearnedWeightStore {

    /** The newest stored PARCEL_CLOSED event's feed position (0 when none): a refit is due when it moved. */
    long lastParcelSeq();

    /**
     * Weighed parcels fit to learn from: closed with a weight, not let through by a supervisor, and not of an order
     * that ended as an exception.
     */
    List<WeighedParcel> weighedParcels(int newest);

    /** A SKU's or box's weight as learned. */
    record Learned(double grams, int parcels, double spreadGrams) {
    }

    /**
     * Replaces the learned weights and tares; an item whose learned weight appeared, went or moved by more than
     * {@code changedBy} is changed on the station feed.
     *
     * @param tares by box type code; empty: the default box
     * @return the SKUs the stations will see change
     */
    List<String> replace(Map<String, Learned> units, Map<Optional<String>, Learned> tares, Instant at, ChangeRule changedBy);

    /** When a learned weight differs enough from the one stations have to send it again. */
    interface ChangeRule {
        boolean changed(double before, double after);
    }

    /** One row of the weights report: every SKU with a catalogue or a learned weight. */
    record WeightRow(String sku, Optional<Double> catalogueGrams, Optional<Learned> learned) {
    }

    List<WeightRow> weights();

    /** Learned box tares by box type code; empty: the station's default box. */
    Map<Optional<String>, Learned> tares();
}
