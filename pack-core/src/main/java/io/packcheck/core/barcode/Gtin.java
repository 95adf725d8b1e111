package io.packcheck.core.barcode;

import java.util.Optional;

/**
 * A Global Trade Item Number normalised to 14 digits, so that an item matches whichever form
 * (EAN-8, UPC-A, UPC-E, EAN-13, GTIN-14) it is printed or scanned in.
 */
public record Gtin(String digits) {

    public Gtin {
        if (digits == null || digits.length() != 14 || !allDigits(digits)) {
            throw new IllegalArgumentException("a GTIN-14 has 14 digits, got " + digits);
        }
        if (checkDigit(digits.substring(0, 13)) != digits.charAt(13) - '0') {
            throw new IllegalArgumentException("GTIN " + digits + " has a wrong check digit");
        }
    }

    /**
     * Reads an 8, 12, 13 or 14 digit GTIN (8 digits as EAN-8) and checks its check digit.
     * Returns the reason when the text is not a valid GTIN.
     */
    public static Result parse(String text) {
        if (text == null || text.isEmpty()) {
            return new Result.Invalid("empty GTIN");
        }
        if (!allDigits(text)) {
            return new Result.Invalid("GTIN '" + text + "' contains a character that is not a digit");
        }
        int n = text.length();
        if (n != 8 && n != 12 && n != 13 && n != 14) {
            return new Result.Invalid("GTIN '" + text + "' has " + n + " digits; expected 8, 12, 13 or 14");
        }
        int expected = checkDigit(text.substring(0, n - 1));
        int actual = text.charAt(n - 1) - '0';
        if (expected != actual) {
            return new Result.Invalid("GTIN " + text + " has check digit " + actual + ", expected " + expected);
        }
        return new Result.Valid(new Gtin("0".repeat(14 - n) + text));
    }

    /** A catalog or typed code as a GTIN, if it is one: 8 digits may also be a UPC-E. */
    public static Optional<Gtin> tryParse(String text) {
        Result result = parse(text);
        if (result instanceof Result.Invalid && text != null && text.length() == 8) {
            // same rule as for scans: 8 digits failing the EAN-8 check but valid as UPC-E are a UPC-E
            result = fromUpcE(text);
        }
        return result instanceof Result.Valid v ? Optional.of(v.gtin()) : Optional.empty();
    }

    /**
     * Expands an 8-digit UPC-E (number system, six data digits, check digit) to its UPC-A form
     * and checks the check digit, which is the UPC-A's.
     */
    public static Result fromUpcE(String upce) {
        if (upce == null || upce.length() != 8 || !allDigits(upce)) {
            return new Result.Invalid("UPC-E '" + upce + "' must be 8 digits");
        }
        char ns = upce.charAt(0);
        if (ns != '0' && ns != '1') {
            return new Result.Invalid("UPC-E '" + upce + "' has number system " + ns + "; only 0 and 1 exist");
        }
        String d = upce.substring(1, 7);
        char last = d.charAt(5);
        String body;
        switch (last) {
            case '0', '1', '2' -> body = d.substring(0, 2) + last + "0000" + d.substring(2, 5);
            case '3' -> body = d.substring(0, 3) + "00000" + d.substring(3, 5);
            case '4' -> body = d.substring(0, 4) + "00000" + d.charAt(4);
            default -> body = d.substring(0, 5) + "0000" + last;
        }
        String upcaWithoutCheck = ns + body;
        int expected = checkDigit(upcaWithoutCheck);
        int actual = upce.charAt(7) - '0';
        if (expected != actual) {
            return new Result.Invalid("UPC-E " + upce + " has check digit " + actual + ", expected " + expected);
        }
        return new Result.Valid(new Gtin("00" + upcaWithoutCheck + actual));
    }

    /** The GS1 mod-10 check digit for the given digits (weights 3,1,3... from the right). */
    public static int checkDigit(CharSequence digitsWithoutCheck) {
        int sum = 0;
        boolean three = true;
        for (int i = digitsWithoutCheck.length() - 1; i >= 0; i--) {
            int d = digitsWithoutCheck.charAt(i) - '0';
            sum += three ? 3 * d : d;
            three = !three;
        }
        return (10 - sum % 10) % 10;
    }

    /** The shortest standard form: EAN-8, UPC-A (12), EAN-13 or GTIN-14. */
    public String shortest() {
        if (digits.startsWith("000000")) {
            return digits.substring(6);
        }
        if (digits.startsWith("00")) {
            return digits.substring(2);
        }
        if (digits.startsWith("0")) {
            return digits.substring(1);
        }
        return digits;
    }

    @Override
    public String toString() {
        return digits;
    }

    static boolean allDigits(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The outcome of reading a GTIN. */
    public sealed interface Result {
        record Valid(Gtin gtin) implements Result {}

        record Invalid(String reason) implements Result {}
    }
}
