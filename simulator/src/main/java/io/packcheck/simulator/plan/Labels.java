package io.packcheck.simulator.plan;

import java.util.Locale;

/**
 * UPS 1Z tracking numbers as a carrier's label printer makes them: 1Z, a six-character shipper account, a
 * two-digit service, a seven-digit package number and the check digit.
 */
public final class Labels {

    private final String shipper;
    private int next;

    /** @param account made into the shipper account: its letters and digits, upper case, padded to six with X */
    public Labels(String account) {
        String alnum = account.toUpperCase(Locale.ROOT).replaceAll("[^0-9A-Z]", "");
        this.shipper = (alnum + "XXXXXX").substring(0, 6);
    }

    /** The next label's tracking number. */
    public String next() {
        return ups(shipper, "03", ++next);
    }

    /** A UPS tracking number with its check digit. */
    static String ups(String shipper, String service, int packageNumber) {
        String body = shipper + service + String.format(Locale.ROOT, "%07d", packageNumber % 10_000_000);
        return "1Z" + body + checkDigit(body);
    }

    /**
     * UPS's check digit over the 15 characters after 1Z: letters count as their ASCII code minus 3, modulo 10;
     * characters in even positions (from 1) count twice; the digit tops the sum up to a multiple of 10.
     */
    static int checkDigit(String fifteen) {
        int sum = 0;
        for (int i = 0; i < fifteen.length(); i++) {
            char c = fifteen.charAt(i);
            int value = c >= '0' && c <= '9' ? c - '0' : (c - 3) % 10;
            sum += i % 2 == 1 ? 2 * value : value;
        }
        return (10 - sum % 10) % 10;
    }
}
