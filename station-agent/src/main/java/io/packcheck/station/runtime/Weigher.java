package io.packcheck.station.runtime;

import io.packcheck.core.verify.ScaleReading;

/** Reads the parcel scale for the parcel that waits on it; may block up to the scale's settle timeout. */
@FunctionalInterface
public interface Weigher {

    ScaleReading weigh();
}
