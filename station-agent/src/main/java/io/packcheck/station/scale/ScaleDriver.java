package io.packcheck.station.scale;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One scale protocol, without I/O: what to send for a reading and what the bytes coming back mean. Bytes arrive in
 * whatever pieces the serial port delivers; a driver joins them, skips what it cannot read (with a log line) and never
 * throws on bad input. Not thread-safe: its owner serialises calls.
 */
interface ScaleDriver {

    /**
     * Bytes to send before the first request of a weighing, e.g. to cancel requests an earlier weighing left
     * unanswered, whose late answers would otherwise pass for this weighing's; empty when there is nothing to cancel.
     */
    default Optional<byte[]> startWeighing() {
        return Optional.empty();
    }

    /** The bytes that ask for the next reading; empty when the scale streams without being asked. */
    Optional<byte[]> nextRequest();

    /** Takes the bytes just received and returns the readings they complete, oldest first. */
    List<Reading> accept(byte[] bytes);

    /** Forgets a partly received answer, e.g. after a reconnect. */
    void reset();

    /** How long to wait for the answer to one request before asking again. */
    default Duration answerWait() {
        return Duration.ofMillis(500);
    }
}
