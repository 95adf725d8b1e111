package io.packcheck.station.scanner;

import java.time.Duration;
import java.util.Arrays;

/**
 * How scans are cut out of the byte stream.
 *
 * @param terminator what ends a scan
 * @param gap        with {@link Terminator#NONE}: the silence that ends a scan
 * @param prefix     bytes the scanner puts before every scan, removed (empty for none)
 * @param suffix     bytes the scanner puts after every scan before the terminator, removed (empty for none)
 * @param maxLength  a scan longer than this without a terminator is garbage
 */
public record Framing(Terminator terminator, Duration gap, byte[] prefix, byte[] suffix, int maxLength) {

    public static final int DEFAULT_MAX_LENGTH = 4096;

    /** What ends one scan. CR, LF and CRLF are read alike (a CR or LF ends a scan, empty lines are dropped). */
    public enum Terminator { CR, LF, CRLF, NONE }

    public Framing {
        if (terminator == Terminator.NONE && (gap == null || gap.isZero() || gap.isNegative())) {
            throw new IllegalArgumentException("framing without a terminator needs a positive inter-character gap");
        }
        if (maxLength < 16) {
            throw new IllegalArgumentException("maxLength must be at least 16, was " + maxLength);
        }
        prefix = prefix.clone();
        suffix = suffix.clone();
    }

    /** CR or LF ends a scan, nothing stripped: the usual USB CDC setting. */
    public static Framing lines() {
        return new Framing(Terminator.CR, Duration.ofMillis(50), new byte[0], new byte[0], DEFAULT_MAX_LENGTH);
    }

    @Override
    public byte[] prefix() {
        return prefix.clone();
    }

    @Override
    public byte[] suffix() {
        return suffix.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Framing f && f.terminator == terminator && f.gap.equals(gap)
                && Arrays.equals(f.prefix, prefix) && Arrays.equals(f.suffix, suffix) && f.maxLength == maxLength;
    }

    @Override
    public int hashCode() {
        return terminator.hashCode() * 31 + Arrays.hashCode(prefix) * 17 + Arrays.hashCode(suffix) + maxLength;
    }

    @Override
    public String toString() {
        return "Framing[" + terminator + ", gap " + gap.toMillis() + " ms, prefix " + Arrays.toString(prefix)
                + ", suffix " + Arrays.toString(suffix) + ", max " + maxLength + "]";
    }
}
