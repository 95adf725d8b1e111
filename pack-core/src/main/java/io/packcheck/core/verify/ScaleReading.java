package io.packcheck.core.verify;

/** What the scale said about a parcel waiting for its weight. */
public sealed interface ScaleReading {

    /** A settled weight. */
    record Settled(double grams) implements ScaleReading {}

    /** No usable weight (still moving, not answering, overloaded); {@code reason} in a packer's words. */
    record NotReady(String reason) implements ScaleReading {}
}
