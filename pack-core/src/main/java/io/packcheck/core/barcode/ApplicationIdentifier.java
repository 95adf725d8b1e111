package io.packcheck.core.barcode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * One GS1 Application Identifier definition: how its data field is built and checked.
 *
 * @param ai               the AI digits, e.g. {@code 01} or {@code 3103}
 * @param title            the GS1 data title, e.g. {@code USE BY OR EXPIRY}
 * @param predefinedLength whether the AI is in GS1's predefined-length list, so no GS follows it
 * @param components       the parts of the data field, in order
 * @param decimals         for 31nn-36nn and 39nn: the implied decimal places (the AI's last digit); -1 otherwise
 */
public record ApplicationIdentifier(
        String ai, String title, boolean predefinedLength, List<Component> components, int decimals) {

    public ApplicationIdentifier {
        components = List.copyOf(components);
    }

    /** The shortest allowed data field. */
    public int minLength() {
        int n = 0;
        for (Component c : components) {
            if (!c.optional()) {
                n += c.min();
            }
        }
        return n;
    }

    /** The longest allowed data field. */
    public int maxLength() {
        int n = 0;
        for (Component c : components) {
            n += c.max();
        }
        return n;
    }

    /** Whether the data field always has the same length, so a parser can cut it without a separator. */
    public boolean fixedLength() {
        return minLength() == maxLength();
    }

    /**
     * The value of a decimal AI (310n-369n, 390n-393n) with its implied decimal point, e.g. AI 3103
     * "001250" is 1.250; for 391n and 393n the ISO 4217 currency prefix is skipped.
     */
    public BigDecimal decimalValue(String raw) {
        if (decimals < 0) {
            throw new IllegalArgumentException("AI (" + ai + ") is not a decimal AI");
        }
        String digits = components.size() == 2 ? raw.substring(components.get(0).max()) : raw;
        return new BigDecimal(new BigInteger(digits), decimals);
    }

    /**
     * One part of an AI data field, as in the GS1 Barcode Syntax Dictionary: a character set,
     * a length range, optional checks ("linters").
     */
    public record Component(Charset charset, int min, int max, boolean optional, List<String> linters) {
        public Component {
            linters = List.copyOf(linters);
        }

        boolean fixed() {
            return min == max;
        }
    }

    /** The character sets GS1 allows in AI data. */
    public enum Charset {
        /** Digits only. */
        NUMERIC("digits"),
        /** GS1 AI encodable character set 82. */
        CSET_82("GS1 CSET 82"),
        /** GS1 AI encodable character set 39. */
        CSET_39("GS1 CSET 39");

        private final String label;

        Charset(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        private static final boolean[] CSET82 = new boolean[128];
        private static final boolean[] CSET39 = new boolean[128];

        static {
            for (char c : "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"
                    .toCharArray()) {
                CSET82[c] = true;
            }
            for (char c : "#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray()) {
                CSET39[c] = true;
            }
        }

        boolean allows(char c) {
            return switch (this) {
                case NUMERIC -> c >= '0' && c <= '9';
                case CSET_82 -> c < 128 && CSET82[c];
                case CSET_39 -> c < 128 && CSET39[c];
            };
        }
    }
}
