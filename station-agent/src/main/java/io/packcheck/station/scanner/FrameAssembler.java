package io.packcheck.station.scanner;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Cuts frames out of the bytes a scanner sends, whatever the read boundaries: one scan may arrive in
 * several reads and one read may hold several scans. Not thread-safe; the reader owns it.
 */
public final class FrameAssembler {

    private static final int PREVIEW = 40;
    private static final byte CR = 0x0D;
    private static final byte LF = 0x0A;

    private final Framing framing;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();
    /** After an over-long frame: drop bytes up to the next terminator, so its tail is not a scan of its own. */
    private boolean discarding;

    public FrameAssembler(Framing framing) {
        this.framing = framing;
    }

    /** Feeds bytes just read; returns the frames they completed, in order. */
    public List<Frame> accept(byte[] bytes, int length, long nanos) {
        List<Frame> frames = new ArrayList<>(1);
        boolean lines = framing.terminator() != Framing.Terminator.NONE;
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (lines && (b == CR || b == LF)) {
                if (!discarding && current.size() > 0) {
                    frames.add(frame(current.toByteArray(), nanos));
                }
                current.reset();
                discarding = false;
                continue;
            }
            if (discarding) {
                continue;
            }
            current.write(b);
            if (current.size() > framing.maxLength()) {
                frames.add(new Frame.Garbled("more than " + framing.maxLength() + " bytes without a terminator",
                        preview(current.toByteArray()), nanos));
                current.reset();
                discarding = true;
            }
        }
        return frames;
    }

    /** With gap framing: ends the pending frame because the line has been silent for the gap. */
    public Optional<Frame> silence(long nanos) {
        if (discarding) {
            // with gap framing the silence, not a terminator, ends an over-long run
            discarding = framing.terminator() != Framing.Terminator.NONE;
            current.reset();
            return Optional.empty();
        }
        if (framing.terminator() == Framing.Terminator.NONE && current.size() > 0) {
            byte[] bytes = current.toByteArray();
            current.reset();
            return Optional.of(frame(bytes, nanos));
        }
        return Optional.empty();
    }

    /** True when bytes are waiting for a terminator or for the gap. */
    public boolean pending() {
        return current.size() > 0;
    }

    /** Forgets a partial frame, e.g. when the scanner was unplugged halfway through a scan. */
    public void reset() {
        current.reset();
        discarding = false;
    }

    private Frame frame(byte[] bytes, long nanos) {
        byte[] body = strip(bytes);
        for (int i = 0; i < body.length; i++) {
            int c = body[i] & 0xFF;
            if (isForbiddenControl(c)) {
                return new Frame.Garbled(String.format("control byte 0x%02X at position %d", c, i), preview(body), nanos);
            }
        }
        if (body.length == 0) {
            return new Frame.Garbled("empty scan (only prefix or suffix)", preview(bytes), nanos);
        }
        return new Frame.Data(new String(body, StandardCharsets.ISO_8859_1), nanos);
    }

    // GS separates GS1 fields; RS and EOT frame ISO/IEC 15434 messages from 2D codes. Everything else
    // below space, and DEL, is line noise or a misconfigured scanner.
    private static boolean isForbiddenControl(int c) {
        return (c < 0x20 && c != 0x1D && c != 0x1E && c != 0x04) || c == 0x7F;
    }

    private byte[] strip(byte[] bytes) {
        byte[] prefix = framing.prefix();
        byte[] suffix = framing.suffix();
        int from = 0;
        int to = bytes.length;
        if (prefix.length > 0 && startsWith(bytes, prefix)) {
            from = prefix.length;
        }
        if (suffix.length > 0 && to - from >= suffix.length
                && Arrays.equals(bytes, to - suffix.length, to, suffix, 0, suffix.length)) {
            to -= suffix.length;
        }
        return Arrays.copyOfRange(bytes, from, to);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** The first bytes, printable, with control bytes shown as {@code <0x07>}. */
    static String preview(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, PREVIEW); i++) {
            int c = bytes[i] & 0xFF;
            if (c < 0x20 || c == 0x7F) {
                sb.append(String.format("<0x%02X>", c));
            } else {
                sb.append((char) c);
            }
        }
        if (bytes.length > PREVIEW) {
            sb.append("...");
        }
        return sb.toString();
    }
}
