package io.packcheck.station.lights;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Plays a {@link TowerState} onto physical outputs: sets each level at each pattern edge, scheduling
 * only the next edge, so a steady tower costs no wake-ups.
 */
final class PatternPlayer {

    /** Dark time inserted when a new flash or beep starts while the output is still on, so it reads as a new signal. */
    static final Duration RESTART_GAP = Duration.ofMillis(60);

    private final Scheduler scheduler;
    private final BiConsumer<Output, Boolean> drive;
    private final Map<Output, Boolean> level = new EnumMap<>(Output.class);
    private final Map<Output, Scheduler.Cancellable> pending = new EnumMap<>(Output.class);
    private final Map<Output, Long> generation = new EnumMap<>(Output.class);

    PatternPlayer(Scheduler scheduler, BiConsumer<Output, Boolean> drive) {
        this.scheduler = scheduler;
        this.drive = drive;
        for (Output o : Output.values()) {
            level.put(o, false);
            generation.put(o, 0L);
            drive.accept(o, false);
        }
    }

    synchronized void play(TowerState state) {
        for (Output o : Output.values()) {
            start(o, state.pattern(o));
        }
    }

    synchronized void allOff() {
        for (Output o : Output.values()) {
            cancel(o);
            set(o, false);
        }
    }

    private void start(Output o, Pattern pattern) {
        cancel(o);
        long gen = generation.merge(o, 1L, Long::sum);
        boolean needsGap = level.get(o) && pattern.startsOn() && !(pattern instanceof Pattern.Steady);
        if (needsGap) {
            set(o, false);
            pending.put(o, scheduler.schedule(RESTART_GAP, () -> step(o, pattern, gen, Duration.ZERO)));
        } else {
            step(o, pattern, gen, Duration.ZERO);
        }
    }

    private synchronized void step(Output o, Pattern pattern, long gen, Duration at) {
        if (generation.get(o) != gen) {
            return; // a newer signal replaced this pattern after the task was queued
        }
        set(o, pattern.isOnAt(at));
        Optional<Duration> next = pattern.nextChangeAfter(at);
        if (next.isPresent()) {
            Duration when = next.get();
            pending.put(o, scheduler.schedule(when.minus(at), () -> step(o, pattern, gen, when)));
        } else {
            pending.remove(o);
        }
    }

    private void cancel(Output o) {
        Scheduler.Cancellable c = pending.remove(o);
        if (c != null) {
            c.cancel();
        }
    }

    private void set(Output o, boolean on) {
        if (level.get(o) != on) {
            level.put(o, on);
            drive.accept(o, on);
        }
    }
}
