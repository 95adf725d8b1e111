package io.packcheck.station.scale;

import java.util.HexFormat;
import org.slf4j.Logger;

/**
 * Logs bytes a driver could not read, at most once per {@link #QUIET_NANOS}: a scale streaming at the wrong baud rate
 * sends garbage many times a second, and one line saying so (with the count since the last one) is enough.
 */
final class Garbage {

    private static final long QUIET_NANOS = 10_000_000_000L;

    private final Logger log;
    private final String protocol;
    private long lastLogged = System.nanoTime() - QUIET_NANOS;
    private int unlogged;

    Garbage(Logger log, String protocol) {
        this.log = log;
        this.protocol = protocol;
    }

    void report(String what, byte[] bytes, int length) {
        long now = System.nanoTime();
        if (now - lastLogged < QUIET_NANOS) {
            unlogged++;
            return;
        }
        log.warn("{} scale: {}: {}{}; check the scale profile and the scale's serial settings (baud, parity, protocol)",
                protocol, what, show(bytes, length), unlogged == 0 ? "" : " (and " + unlogged + " more since the last report)");
        lastLogged = now;
        unlogged = 0;
    }

    /** Printable ASCII as is, anything else as {@code <0d>}. */
    static String show(byte[] bytes, int length) {
        StringBuilder s = new StringBuilder("'");
        for (int i = 0; i < Math.min(length, 64); i++) {
            int b = bytes[i] & 0xFF;
            if (b >= 0x20 && b < 0x7F) {
                s.append((char) b);
            } else {
                s.append('<').append(HexFormat.of().toHexDigits((byte) b)).append('>');
            }
        }
        return s.append(length > 64 ? "...'" : "'").toString();
    }
}
