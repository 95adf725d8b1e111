package io.packcheck.core.label;

import io.packcheck.core.barcode.Gtin;
import java.util.function.ToIntFunction;

/** The carriers' published check digit rules; every method takes the digits without the check digit. */
final class CheckDigits {

    private CheckDigits() {}

    /**
     * GS1 modulo 10 (weights 3, 1, 3... from the right): SSCC, USPS IMpb, FedEx Ground 15 digits,
     * DHL's 20-digit parcel numbers.
     */
    static int gs1(CharSequence digits) {
        return Gtin.checkDigit(digits);
    }

    /**
     * UPS 1Z: the 15 characters after "1Z", letters turned into digits (A=2 ... H=9, I=0 ... R=9,
     * S=0 ... Z=7), odd positions from the left added once and even positions twice; the check
     * digit tops the sum up to a multiple of 10.
     */
    static int ups(CharSequence chars) {
        int sum = 0;
        for (int i = 0; i < chars.length(); i++) {
            int value = upsValue(chars.charAt(i));
            sum += i % 2 == 1 ? 2 * value : value;
        }
        return (10 - sum % 10) % 10;
    }

    private static int upsValue(char c) {
        // UPS's table is the letter's ASCII code minus 3, modulo 10 (A is 65, so 2).
        return c >= '0' && c <= '9' ? c - '0' : (c - 3) % 10;
    }

    /**
     * FedEx Express: weights 1, 3, 7 repeating from the rightmost digit leftwards, the sum modulo 11,
     * a remainder of 10 giving 0.
     */
    static int fedexExpress(CharSequence digits) {
        int[] weights = {1, 3, 7};
        int sum = 0;
        for (int i = digits.length() - 1, w = 0; i >= 0; i--, w++) {
            sum += (digits.charAt(i) - '0') * weights[w % 3];
        }
        return sum % 11 % 10;
    }

    /** DHL Express waybill: the number itself modulo 7. */
    static int dhlExpress(CharSequence digits) {
        long value = Long.parseLong(digits.toString());
        return (int) (value % 7);
    }

    /**
     * Deutsche Post / DHL Paket Identcode and Leitcode: digits in odd positions from the left
     * weighted 4, even positions 9, the check digit tops the sum up to a multiple of 10.
     */
    static int dhlIdentcode(CharSequence digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += (digits.charAt(i) - '0') * (i % 2 == 0 ? 4 : 9);
        }
        return (10 - sum % 10) % 10;
    }

    /** Whether the last digit of {@code number} is {@code rule}'s check digit of the digits before it. */
    static boolean ends(CharSequence number, ToIntFunction<CharSequence> rule) {
        int n = number.length();
        if (n < 2) {
            return false;
        }
        char last = number.charAt(n - 1);
        return last >= '0' && last <= '9' && rule.applyAsInt(number.subSequence(0, n - 1)) == last - '0';
    }
}
