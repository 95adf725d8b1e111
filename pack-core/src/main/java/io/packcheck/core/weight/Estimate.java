package io.packcheck.core.weight;

import java.util.Set;

/** What the parcels say about one component. */
public sealed interface Estimate {

    Component component();

    /** Parcels that hold the component (a SKU's unit, or a box type). */
    int parcels();

    /** The parcels pin the component down to within the fit's precision: safe to use as its weight. */
    record Learned(Component component, double grams, int parcels, double standardErrorGrams) implements Estimate {
    }

    /** The parcels determine the component, but not yet precisely enough to use (too few, or too alike, or outliers). */
    record Imprecise(Component component, double grams, int parcels, double standardErrorGrams) implements Estimate {
    }

    /**
     * The parcels cannot tell this component apart from others: every parcel that holds it also holds them in the
     * same proportion (e.g. two SKUs that only ship together), so only their sum is known. No split is invented.
     */
    record Confounded(Component component, int parcels, Set<Component> with) implements Estimate {
        public Confounded {
            with = Set.copyOf(with);
        }
    }
}
