package io.packcheck.station.lights;

import java.time.Duration;
import java.util.Optional;

/**
 * How one output behaves over time, measured from the moment it was shown.
 * Patterns are pure: the player asks for the level at an instant and for the next edge.
 */
public sealed interface Pattern {

    /** The level at {@code t} after the pattern started. */
    boolean isOnAt(Duration t);

    /** The first instant after {@code t} at which the level changes; empty when it never does again. */
    Optional<Duration> nextChangeAfter(Duration t);

    /** How the console's LIGHTS line (README, Running a station) names this pattern on a light. */
    String lightWord();

    /** How the console's LIGHTS line names this pattern on the buzzer. */
    default String buzzerWord() {
        return this instanceof Off ? "off" : this instanceof Steady ? "on" : "beep";
    }

    /** True when the pattern starts lit, so a repeat needs a dark gap to be seen or heard as a new signal. */
    default boolean startsOn() {
        return isOnAt(Duration.ZERO);
    }

    Pattern OFF = new Off();
    Pattern ON = new Steady();

    record Off() implements Pattern {
        @Override
        public boolean isOnAt(Duration t) {
            return false;
        }

        @Override
        public Optional<Duration> nextChangeAfter(Duration t) {
            return Optional.empty();
        }

        @Override
        public String lightWord() {
            return "off";
        }

        @Override
        public String toString() {
            return "off";
        }
    }

    record Steady() implements Pattern {
        @Override
        public boolean isOnAt(Duration t) {
            return true;
        }

        @Override
        public Optional<Duration> nextChangeAfter(Duration t) {
            return Optional.empty();
        }

        @Override
        public String lightWord() {
            return "on";
        }

        @Override
        public String toString() {
            return "on";
        }
    }

    /** On once for {@code length}, then off: a flash of a light or a single beep. */
    record Pulse(Duration length) implements Pattern {
        public Pulse {
            requirePositive(length, "pulse length");
        }

        @Override
        public boolean isOnAt(Duration t) {
            return t.compareTo(length) < 0;
        }

        @Override
        public Optional<Duration> nextChangeAfter(Duration t) {
            return t.compareTo(length) < 0 ? Optional.of(length) : Optional.empty();
        }

        @Override
        public String lightWord() {
            return "on";
        }

        @Override
        public String toString() {
            return "pulse " + length.toMillis();
        }
    }

    /** On and off for ever, starting on. */
    record Blink(Duration on, Duration off) implements Pattern {
        public Blink {
            requirePositive(on, "blink on time");
            requirePositive(off, "blink off time");
        }

        @Override
        public boolean isOnAt(Duration t) {
            long period = on.toNanos() + off.toNanos();
            return t.toNanos() % period < on.toNanos();
        }

        @Override
        public Optional<Duration> nextChangeAfter(Duration t) {
            long period = on.toNanos() + off.toNanos();
            long cycleStart = t.toNanos() / period * period;
            long inCycle = t.toNanos() - cycleStart;
            long next = inCycle < on.toNanos() ? cycleStart + on.toNanos() : cycleStart + period;
            return Optional.of(Duration.ofNanos(next));
        }

        @Override
        public String lightWord() {
            return "blink";
        }

        @Override
        public String toString() {
            return "blink " + on.toMillis() + "/" + off.toMillis();
        }
    }

    /** {@code count} beeps (or flashes) of {@code on}, separated by {@code off}, then silent. */
    record Beeps(int count, Duration on, Duration off) implements Pattern {
        public Beeps {
            if (count < 1) {
                throw new IllegalArgumentException("beep count must be at least 1, was " + count);
            }
            requirePositive(on, "beep on time");
            requirePositive(off, "beep off time");
        }

        @Override
        public boolean isOnAt(Duration t) {
            long period = on.toNanos() + off.toNanos();
            long n = t.toNanos() / period;
            return n < count && t.toNanos() % period < on.toNanos();
        }

        @Override
        public Optional<Duration> nextChangeAfter(Duration t) {
            long period = on.toNanos() + off.toNanos();
            long end = (count - 1) * period + on.toNanos();
            if (t.toNanos() >= end) {
                return Optional.empty();
            }
            long cycleStart = t.toNanos() / period * period;
            long inCycle = t.toNanos() - cycleStart;
            return Optional.of(Duration.ofNanos(inCycle < on.toNanos() ? cycleStart + on.toNanos() : cycleStart + period));
        }

        @Override
        public String lightWord() {
            return "blink";
        }

        @Override
        public String toString() {
            return "beeps " + count + " " + on.toMillis() + "/" + off.toMillis();
        }
    }

    /**
     * This pattern for at most {@code limit}, then off for good: how a signal shows while a lock owns the tower.
     * Patterns that end by then on their own are returned as they are.
     */
    default Pattern cutAt(Duration limit) {
        requirePositive(limit, "cut time");
        Duration t = Duration.ZERO;
        for (Optional<Duration> next = nextChangeAfter(t); next.isPresent() && next.get().compareTo(limit) <= 0;
                next = nextChangeAfter(t)) {
            t = next.get();
        }
        boolean overByThen = !isOnAt(t) && nextChangeAfter(t).isEmpty();
        return overByThen ? this : new Cut(this, limit);
    }

    /** {@code pattern} played from its start, but off from {@code after} on. */
    record Cut(Pattern pattern, Duration after) implements Pattern {
        public Cut {
            if (pattern == null) {
                throw new IllegalArgumentException("cut pattern is missing");
            }
            requirePositive(after, "cut time");
        }

        @Override
        public boolean isOnAt(Duration t) {
            return t.compareTo(after) < 0 && pattern.isOnAt(t);
        }

        @Override
        public Optional<Duration> nextChangeAfter(Duration t) {
            if (t.compareTo(after) >= 0) {
                return Optional.empty();
            }
            Optional<Duration> next = pattern.nextChangeAfter(t);
            if (next.isPresent() && next.get().compareTo(after) < 0) {
                return next;
            }
            // the cut itself is an edge only when the pattern is still on there
            return pattern.isOnAt(after.minusNanos(1)) ? Optional.of(after) : Optional.empty();
        }

        @Override
        public String lightWord() {
            return pattern.lightWord();
        }

        @Override
        public String buzzerWord() {
            // a buzz that stops on its own is a beep, however it started
            return pattern instanceof Off ? "off" : "beep";
        }

        @Override
        public String toString() {
            return pattern + " cut at " + after.toMillis();
        }
    }

    private static void requirePositive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be a positive duration, was " + d);
        }
    }

    /**
     * Reads the profile notation: {@code off}, {@code on}, {@code pulse MS}, {@code blink ON/OFF},
     * {@code beeps N ON/OFF} (times in milliseconds).
     *
     * @throws IllegalArgumentException naming what is wrong with the text
     */
    static Pattern parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("pattern is missing");
        }
        String[] words = text.trim().split("\\s+");
        try {
            switch (words[0]) {
                case "off":
                    expectWords(words, 1, text);
                    return OFF;
                case "on":
                    expectWords(words, 1, text);
                    return ON;
                case "pulse":
                    expectWords(words, 2, text);
                    return new Pulse(millis(words[1]));
                case "blink": {
                    expectWords(words, 2, text);
                    Duration[] onOff = onOff(words[1]);
                    return new Blink(onOff[0], onOff[1]);
                }
                case "beeps": {
                    expectWords(words, 3, text);
                    Duration[] onOff = onOff(words[2]);
                    return new Beeps(Integer.parseInt(words[1]), onOff[0], onOff[1]);
                }
                default:
                    throw new IllegalArgumentException("unknown pattern '" + text
                            + "'; use off, on, pulse MS, blink ON/OFF or beeps N ON/OFF");
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("pattern '" + text + "' has a number that is not a whole number: "
                    + e.getMessage());
        }
    }

    private static void expectWords(String[] words, int n, String text) {
        if (words.length != n) {
            throw new IllegalArgumentException("pattern '" + text + "' must have " + n + " word(s)");
        }
    }

    private static Duration[] onOff(String word) {
        String[] parts = word.split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected ON/OFF milliseconds like 500/500, got '" + word + "'");
        }
        return new Duration[] {millis(parts[0]), millis(parts[1])};
    }

    private static Duration millis(String word) {
        return Duration.ofMillis(Long.parseLong(word));
    }
}
