package io.packcheck.core.weight;

import java.util.List;
import java.util.Optional;

/**
 * What a weight fit found.
 *
 * @param estimates      one per component that appeared in a parcel and was not given, units first then tares
 * @param outlierParcels indexes (into the fitted list) of parcels the fit left out because their weight does not
 *                       match their contents: a wrong, missing or extra unit, or a misread scale
 */
public record WeightFitResult(List<Estimate> estimates, List<Integer> outlierParcels) {

    public WeightFitResult {
        estimates = List.copyOf(estimates);
        outlierParcels = List.copyOf(outlierParcels);
    }

    public Optional<Estimate> estimate(Component component) {
        return estimates.stream().filter(e -> e.component().equals(component)).findFirst();
    }

    /** The learned weight of one unit of the SKU, when the parcels pin it down. */
    public Optional<Estimate.Learned> unit(String sku) {
        return learned(new Component.Unit(sku));
    }

    /** The learned tare of a box type; empty box: the station's default box. */
    public Optional<Estimate.Learned> tare(Optional<String> box) {
        return learned(new Component.Tare(box));
    }

    public Optional<Estimate.Learned> learned(Component component) {
        return estimate(component).filter(Estimate.Learned.class::isInstance).map(Estimate.Learned.class::cast);
    }

    public List<Estimate.Learned> allLearned() {
        return estimates.stream().filter(Estimate.Learned.class::isInstance).map(Estimate.Learned.class::cast).toList();
    }
}
