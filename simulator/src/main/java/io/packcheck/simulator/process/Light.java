package io.packcheck.simulator.process;

import java.time.Instant;

/** One {@code LIGHTS ...} line a station printed, and when the simulator read it. */
public record Light(String line, Instant at, long nanos) {

    /** What the packer sees, in the words the simulator checks. */
    public enum Colour {
        /** Green on or pulsing: accepted, or the order is complete. */
        GREEN,
        /** Red steady: a mismatch or a blocked order; the packer must act. */
        RED,
        /** Amber steady: unreadable, unknown or refused. */
        AMBER,
        /** Everything off: idle or cleared. */
        OFF,
        /** A blinking condition (scanner offline, hub unreachable), not the answer to a scan. */
        CONDITION
    }

    /** Whether the red light is on steady, whatever else shows beside it (a lock under a blinking condition). */
    public boolean redOn() {
        return line.contains("red=on");
    }

    public Colour colour() {
        if (line.contains("red=blink") || line.contains("amber=blink")) {
            return Colour.CONDITION;
        }
        if (line.contains("red=on")) {
            return Colour.RED;
        }
        if (line.contains("amber=on")) {
            return Colour.AMBER;
        }
        if (!line.contains("green=off")) {
            return Colour.GREEN;
        }
        return Colour.OFF;
    }
}
