package io.packcheck.station.lights;

/** A push button on the tower (acknowledge, call supervisor); presses arrive debounced. */
public interface Button extends AutoCloseable {

    /** Calls {@code listener} once per press, on the scheduler's thread. */
    void onPress(Runnable listener);

    @Override
    void close();
}
