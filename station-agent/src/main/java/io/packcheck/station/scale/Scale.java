package io.packcheck.station.scale;

/** A parcel scale on a serial port. */
public interface Scale extends AutoCloseable {

    /**
     * Waits up to {@code timeout} for a settled reading; never throws for device trouble (it answers Unavailable).
     * May block up to the timeout; callers call it off the station thread.
     */
    Weighing weigh(java.time.Duration timeout);

    @Override
    void close();
}
