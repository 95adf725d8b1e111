package io.packcheck.station.scanner;

/** One message from the scanner, cut out of the byte stream. */
public sealed interface Frame {

    /** {@link System#nanoTime()} when the byte that completed the frame was read. */
    long receivedNanos();

    /**
     * A readable frame.
     *
     * @param raw the bytes as ISO-8859-1, AIM id and GS bytes kept, configured prefix, suffix and terminator removed
     */
    record Data(String raw, long receivedNanos) implements Frame {
    }

    /**
     * Bytes that cannot be a scan: control bytes, or too many bytes without a terminator.
     * The runtime answers these with an UNREADABLE verdict.
     *
     * @param rawPreview the start of the bytes, with control bytes escaped as {@code <0x07>}
     */
    record Garbled(String reason, String rawPreview, long receivedNanos) implements Frame {
    }
}
