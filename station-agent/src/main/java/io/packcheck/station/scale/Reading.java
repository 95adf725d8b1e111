package io.packcheck.station.scale;

import java.util.Optional;

/** One answer of a scale, as a protocol driver understood it. */
sealed interface Reading {

    /** The scale reports a stable weight. */
    record Stable(double grams) implements Reading {
    }

    /** The scale is still moving (or busy); the weight it shows, when it said one. */
    record Moving(Optional<Double> grams) implements Reading {
    }

    /** The scale cannot weigh now, or what it sent cannot be read; the reason in plain words for the packer. */
    record Fault(String reason) implements Reading {
    }
}
