package io.packcheck.station.scale.emulator;

import java.time.Duration;
import java.util.Random;

/**
 * What lies on an emulated scale's platform: a weight that can be changed, a settle time after each change during
 * which readings swing and are flagged in motion, and a noise on settled readings. Thread-safe: a test or the
 * simulator changes it while the emulator reads it.
 */
public final class EmulatedLoad {

    /** A settle time that never ends: the scale stays in motion. */
    public static final Duration NEVER = Duration.ofDays(365);

    private final Random random;
    private final double capacityGrams;
    private double grams;
    private double noiseGrams;
    private Duration settle;
    private long changedAt = System.nanoTime();

    /**
     * @param grams         what lies on the platform at the start
     * @param noiseGrams    settled readings fall uniformly within plus or minus this
     * @param settle        how long readings are in motion after a change
     * @param capacityGrams above this the scale is overloaded; below minus 2% of it, underloaded
     */
    public EmulatedLoad(double grams, double noiseGrams, Duration settle, double capacityGrams, long seed) {
        this.grams = grams;
        this.noiseGrams = noiseGrams;
        this.settle = settle;
        this.capacityGrams = capacityGrams;
        this.random = new Random(seed);
    }

    /** A 30 kg parcel scale with +/-2 g of noise that settles 300 ms after a change. */
    public static EmulatedLoad parcelScale(double grams) {
        return new EmulatedLoad(grams, 2, Duration.ofMillis(300), 30_000, 42);
    }

    /** Puts {@code grams} on the platform (replacing what was there); readings are in motion for the settle time. */
    public synchronized void put(double grams) {
        this.grams = grams;
        this.changedAt = System.nanoTime();
    }

    public synchronized void settleTime(Duration settle) {
        this.settle = settle;
    }

    public synchronized void noise(double grams) {
        this.noiseGrams = grams;
    }

    /** What the scale shows now. */
    public synchronized Sample sample() {
        if (grams > capacityGrams) {
            return new Sample(grams, false, Sample.Range.OVER);
        }
        if (grams < -0.02 * capacityGrams) {
            return new Sample(grams, false, Sample.Range.UNDER);
        }
        boolean moving = System.nanoTime() - changedAt < settle.toNanos();
        double jitter = moving ? Math.max(20, Math.abs(grams) * 0.05) : noiseGrams;
        return new Sample(grams + (random.nextDouble() * 2 - 1) * jitter, moving, Sample.Range.IN);
    }

    /**
     * One reading of the platform.
     *
     * @param grams  the weight shown, noise included
     * @param moving whether the scale flags it in motion
     * @param range  within the weighing range, or over / under it (then {@code grams} is not shown)
     */
    public record Sample(double grams, boolean moving, Range range) {

        public enum Range { IN, OVER, UNDER }
    }
}
