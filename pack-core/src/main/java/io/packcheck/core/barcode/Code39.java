package io.packcheck.core.barcode;

/** Code 39 Full ASCII (ISO/IEC 16388 Annex): pairs such as {@code +A} for 'a' or {@code $M} for CR. */
public final class Code39 {

    // %A..%Z in order, per the ISO/IEC 16388 Full ASCII table
    private static final char[] PERCENT = {
        0x1B, 0x1C, 0x1D, 0x1E, 0x1F, // %A-%E: ESC FS GS RS US
        ';', '<', '=', '>', '?', // %F-%J
        '[', '\\', ']', '^', '_', // %K-%O
        '{', '|', '}', '~', 0x7F, // %P-%T
        0x00, '@', '`', // %U NUL, %V, %W
        0x7F, 0x7F, 0x7F // %X-%Z DEL
    };

    private Code39() {}

    /** Whether every character is one a Code 39 symbol can carry without Full ASCII. */
    public static boolean isCode39Text(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')
                    || c == '-' || c == '.' || c == ' ' || c == '$' || c == '/' || c == '+' || c == '%';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Decodes Full ASCII pairs; the reason names the first pair that is not one. */
    public static Result decodeFullAscii(String encoded) {
        StringBuilder out = null;
        int n = encoded.length();
        for (int i = 0; i < n; i++) {
            char c = encoded.charAt(i);
            if (c != '$' && c != '%' && c != '/' && c != '+') {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n).append(encoded, 0, i);
            }
            char next = i + 1 < n ? encoded.charAt(i + 1) : 0;
            char decoded = decodePair(c, next);
            if (decoded == 0xFFFF) {
                String pair = next == 0 ? String.valueOf(c) : "" + c + next;
                return new Result.Invalid("Code 39 Full ASCII: '" + pair + "' at position " + (i + 1)
                        + " is not a Full ASCII pair");
            }
            out.append(decoded);
            i++;
        }
        return new Result.Decoded(out == null ? encoded : out.toString());
    }

    private static char decodePair(char shift, char next) {
        if (next < 'A' || next > 'Z') {
            return 0xFFFF;
        }
        return switch (shift) {
            case '$' -> (char) (next - 'A' + 1); // $A-$Z: SOH..SUB
            case '%' -> PERCENT[next - 'A'];
            case '/' -> next <= 'O' ? (char) (next - 'A' + '!') : next == 'Z' ? ':' : 0xFFFF; // /A-/O: ! to /
            default -> (char) (next + 32); // +A-+Z: a-z
        };
    }

    /** The outcome of Full ASCII decoding. */
    public sealed interface Result {
        record Decoded(String text) implements Result {}

        record Invalid(String reason) implements Result {}
    }
}
