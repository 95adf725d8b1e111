package io.packcheck.protocol;

import java.time.Instant;
import java.util.OptionalInt;

/**
 * The limits station and hub share, so that nothing a station records can be refused by the hub for
 * its size, and nothing a client sends can wrap, overflow or smuggle a control character into an id.
 * Lengths count Java characters (UTF-16 code units), as {@link String#length()} does.
 */
public final class Limits {

    /** Ids, SKUs, station ids, badge codes, aliases, packer and supervisor badges, reason codes. */
    public static final int MAX_ID = 64;
    /** Lot (AI 10) and serial (AI 21) as recorded; GS1 allows 20, some non-GS1 labels carry more. */
    public static final int MAX_LOT_SERIAL = 80;
    /** A raw scan as recorded in an event; a longer scan is kept cut, ending in {@link #cutMarker}. */
    public static final int MAX_RAW = 512;
    /** The plain-words reason of an event; a longer one is kept cut, ending in {@link #cutMarker}. */
    public static final int MAX_REASON = 1000;
    /** Hold and cancel reasons typed by ops. */
    public static final int MAX_HOLD_REASON = 500;
    /** Item names. */
    public static final int MAX_NAME = 200;
    /** Units on one order line, one barcode's pack quantity, and one event's count (negative for an undo). */
    public static final int MAX_QUANTITY = 100_000;
    /** Heaviest unit, box or parcel weight accepted, in grams (a pallet-sized parcel is not a pack-station parcel). */
    public static final double MAX_GRAMS = 1_000_000;

    /**
     * Timestamps outside these are refused: before 1970 no station clock has a reason to be (a Pi without
     * a real-time clock starts at 1970), and past year 9999 an ISO-8601 instant stops having four year
     * digits, so stored instants would no longer sort as text and time differences could overflow.
     */
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /** ASCII GS: FNC1 inside GS1 element strings. */
    public static final char GS = 0x1D;
    /** ASCII RS and EOT: the ISO/IEC 15434 envelope some 2D codes wrap GS1 data in. */
    public static final char RS = 0x1E;
    public static final char EOT = 0x04;
    /** Stands in for a control character that cannot be kept in a recorded text. */
    public static final char REPLACEMENT = '\uFFFD';

    private Limits() {}

    /** The marker that ends a text cut from {@code originalLength} characters. */
    public static String cutMarker(int originalLength) {
        return "…[cut from " + originalLength + " chars]";
    }

    /**
     * The text as it may be recorded in at most {@code max} characters: whole if it fits, else its
     * beginning followed by {@link #cutMarker}; a surrogate pair is never split.
     */
    public static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        String marker = cutMarker(text.length());
        int keep = Math.max(0, max - marker.length());
        if (keep > 0 && Character.isHighSurrogate(text.charAt(keep - 1))) {
            keep--;
        }
        return text.substring(0, keep) + marker;
    }

    /**
     * A raw scan as an event records it: GS, RS and EOT kept (GS1 and ISO/IEC 15434 need them), any other
     * control character replaced by U+FFFD, and cut to {@link #MAX_RAW}. Station and hub apply the same rule.
     */
    public static String rawForRecord(String raw) {
        return cut(replaceControls(raw, true), MAX_RAW);
    }

    /** A reason as an event records it: tab and line breaks kept, other control characters replaced, cut to {@link #MAX_REASON}. */
    public static String reasonForRecord(String reason) {
        return cut(replaceControls(reason, false), MAX_REASON);
    }

    /** Where the first character not allowed in an id is (any control character, C0, DEL or C1), if any. */
    public static OptionalInt controlCharacterIn(String id) {
        for (int i = 0; i < id.length(); i++) {
            if (Character.isISOControl(id.charAt(i))) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** Where the first control character not allowed in free text is (anything but tab, LF and CR), if any. */
    public static OptionalInt forbiddenInText(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!allowedInText(text.charAt(i))) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** {@code U+001D}-style name of a character, for messages. */
    public static String describe(char c) {
        return String.format("U+%04X", (int) c);
    }

    /** Whether the instant is inside {@link #EARLIEST} .. {@link #LATEST}. */
    public static boolean isSaneInstant(Instant at) {
        return !at.isBefore(EARLIEST) && !at.isAfter(LATEST);
    }

    private static String replaceControls(String text, boolean scanData) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean keep = scanData ? allowedInScan(c) : allowedInText(c);
            if (!keep && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(keep ? c : REPLACEMENT);
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean allowedInScan(char c) {
        return !Character.isISOControl(c) || c == GS || c == RS || c == EOT;
    }

    private static boolean allowedInText(char c) {
        return !Character.isISOControl(c) || c == '\t' || c == '\n' || c == '\r';
    }
}
