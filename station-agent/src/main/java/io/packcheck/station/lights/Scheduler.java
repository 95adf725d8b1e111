package io.packcheck.station.lights;

import java.time.Duration;

/** Runs timed work for light patterns and debouncing; tests drive it with a controllable clock. */
public interface Scheduler {

    /** Runs {@code task} once after {@code delay}; the handle cancels it if it has not run yet. */
    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduled task that can still be called off. */
    interface Cancellable {
        void cancel();
    }
}
