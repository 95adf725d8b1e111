package io.packcheck.core.verify;

import io.packcheck.core.label.ShippingLabels;

/**
 * How a station closes parcels.
 *
 * @param weighing         a scale is connected: every parcel is weighed when it closes
 * @param requireLabel     every parcel needs a shipping label, even when the order lists none
 * @param defaultTareGrams the box's weight when no box type was scanned
 * @param toleranceGrams   a parcel may weigh this much more or less than expected...
 * @param tolerancePercent ...or this share of the expected weight, whichever is more
 * @param labels           which scanned codes are shipping labels
 */
public record ParcelPolicy(
        boolean weighing,
        boolean requireLabel,
        double defaultTareGrams,
        double toleranceGrams,
        double tolerancePercent,
        ShippingLabels labels) {

    public ParcelPolicy {
        if (!(defaultTareGrams >= 0) || !(toleranceGrams >= 0) || !(tolerancePercent >= 0) || tolerancePercent > 100) {
            throw new IllegalArgumentException("parcel policy: tare and tolerances must be 0 or more (percent at most 100)");
        }
    }

    /** No scale and no required label: the built-in tolerance of max(20 g, 5%) for when a scale is added. */
    public static ParcelPolicy standard() {
        return new ParcelPolicy(false, false, 0, 20, 5, ShippingLabels.standard());
    }

    /** How far a parcel expected to weigh {@code expectedGrams} may be off. */
    public double tolerance(double expectedGrams) {
        return Math.max(toleranceGrams, expectedGrams * tolerancePercent / 100);
    }
}
