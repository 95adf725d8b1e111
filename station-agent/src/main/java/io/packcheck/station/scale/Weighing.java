package io.packcheck.station.scale;

/** What one weighing gave. */
public sealed interface Weighing {

    /** A settled (stable) reading, in grams. */
    record Settled(double grams) implements Weighing {
    }

    /** Still moving when the timeout ran out; the last unstable reading if there was one. */
    record NotSettled(java.util.Optional<Double> lastGrams) implements Weighing {
    }

    /**
     * No reading: unplugged, not answering, overload, underload, error; reason in plain words for the packer screen,
     * e.g. "the scale does not answer", "the scale is overloaded".
     */
    record Unavailable(String reason) implements Weighing {
    }
}
