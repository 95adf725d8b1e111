package io.packcheck.station.scale;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Cuts text lines ended by LF (a CR before it dropped) out of a byte stream; an over-long line is dropped. */
final class LineBuffer {

    private final int maxLength;
    private final Garbage garbage;
    private byte[] buffer;
    private int length;
    private boolean overflowed;

    LineBuffer(int maxLength, Garbage garbage) {
        this.maxLength = maxLength;
        this.garbage = garbage;
        this.buffer = new byte[maxLength];
    }

    List<String> accept(byte[] bytes) {
        List<String> lines = new ArrayList<>();
        for (byte b : bytes) {
            if (b == '\n') {
                if (overflowed) {
                    overflowed = false;
                } else {
                    int end = length > 0 && buffer[length - 1] == '\r' ? length - 1 : length;
                    lines.add(new String(buffer, 0, end, StandardCharsets.ISO_8859_1));
                }
                length = 0;
            } else if (length == maxLength) {
                if (!overflowed) {
                    garbage.report("a line longer than " + maxLength + " bytes, dropped", buffer, length);
                }
                overflowed = true;
                length = 0;
            } else if (!overflowed) {
                buffer[length++] = b;
            }
        }
        return lines;
    }

    void reset() {
        length = 0;
        overflowed = false;
        Arrays.fill(buffer, (byte) 0);
    }
}
