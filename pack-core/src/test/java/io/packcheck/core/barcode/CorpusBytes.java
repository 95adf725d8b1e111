package io.packcheck.core.barcode;

/** Raw scanner bytes as the test corpora write them, one example a line. */
public final class CorpusBytes {

    private CorpusBytes() {}

    /** A corpus line's raw bytes: {@code <GS>} is 0x1D, {@code \\xNN} a byte, {@code \\\\} a backslash. */
    public static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (s.startsWith("<GS>", i)) {
                out.append('\u001D');
                i += 3;
            } else if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '\\') {
                out.append('\\');
                i++;
            } else if (c == '\\' && i + 3 < s.length() && s.charAt(i + 1) == 'x') {
                out.append((char) Integer.parseInt(s.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
