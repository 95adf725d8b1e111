package io.packcheck.station.lights;

/** The station's light tower and buzzer: shows one state per signal. */
public interface LightTower extends AutoCloseable {

    /** Shows {@code state}; every call is a new signal, even when equal to the current one. */
    void show(TowerState state);

    /** Leaves every output off and releases the hardware. */
    @Override
    void close();
}
