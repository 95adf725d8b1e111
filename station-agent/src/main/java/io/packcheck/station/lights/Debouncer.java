package io.packcheck.station.lights;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Accepts a level only after it has held for the settle time: contact bounce re-arms the timer, so a
 * press that rattles for 20 ms is one press, and a glitch shorter than the settle time is none.
 */
public final class Debouncer {

    private final Scheduler scheduler;
    private final Duration settle;
    private final List<Runnable> pressListeners = new CopyOnWriteArrayList<>();
    private boolean raw;
    private boolean stable;
    private Scheduler.Cancellable pending;

    public Debouncer(Scheduler scheduler, Duration settle) {
        if (settle.isNegative() || settle.isZero()) {
            throw new IllegalArgumentException("settle time must be positive, was " + settle);
        }
        this.scheduler = scheduler;
        this.settle = settle;
    }

    public void onPress(Runnable listener) {
        pressListeners.add(listener);
    }

    /** Feeds a raw edge: {@code pressed} is the logical level after active-low inversion. */
    public synchronized void edge(boolean pressed) {
        raw = pressed;
        if (pending != null) {
            pending.cancel();
        }
        pending = scheduler.schedule(settle, this::settled);
    }

    private void settled() {
        boolean press;
        synchronized (this) {
            pending = null;
            press = raw && !stable;
            stable = raw;
        }
        if (press) {
            pressListeners.forEach(Runnable::run);
        }
    }
}
