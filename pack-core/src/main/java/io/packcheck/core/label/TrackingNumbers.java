package io.packcheck.core.label;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a carrier tracking number, or a carrier barcode that carries one, from plain text: the
 * rules shared by scans without GS1 structure and by {@link ShippingLabels#normalise}.
 */
final class TrackingNumbers {

    /** A tracking number found in text: the carrier and the number in its canonical form. */
    record Found(Carrier carrier, String trackingNumber) {}

    private static final Pattern UPS = Pattern.compile("1Z[0-9A-Z]{15}[0-9]");
    // ISO/IEC 15459 licence plate as DHL prints it on Express pieces and Paket labels: J + issuer + digits.
    private static final Pattern DHL_PIECE = Pattern.compile("J(JD|VGL)[0-9]{9,30}");
    private static final Pattern DHL_ECOMMERCE = Pattern.compile("GM[0-9A-Z]{16,22}");
    // GS1 company prefixes seen on DHL Paket's 20-digit parcel numbers (00340433..., 00340434...).
    private static final Pattern DHL_PAKET_SSCC = Pattern.compile("34043[34][0-9]{12}");

    private TrackingNumbers() {}

    /**
     * The tracking number in {@code text} (upper case, no spaces), if it is one of the forms the
     * station knows and its check digit is right.
     *
     * @param itf whether the code was an Interleaved 2 of 5, which tells a 12-digit DHL Identcode
     *            from a 12-digit FedEx Express number
     */
    static Optional<Found> read(String text, boolean itf) {
        if (UPS.matcher(text).matches()) {
            return CheckDigits.ends(text.substring(2), CheckDigits::ups) ? found(Carrier.UPS, text) : Optional.empty();
        }
        if (!allDigits(text)) {
            if (DHL_PIECE.matcher(text).matches() || (DHL_ECOMMERCE.matcher(text).matches() && digitCount(text) >= 10)) {
                return found(Carrier.DHL, text);
            }
            return Optional.empty();
        }
        return switch (text.length()) {
            case 10 -> checked(Carrier.DHL, text, CheckDigits.ends(text, CheckDigits::dhlExpress));
            case 12 -> itf
                    ? checked(Carrier.DHL, text, CheckDigits.ends(text, CheckDigits::dhlIdentcode))
                    : checked(Carrier.FEDEX, text, CheckDigits.ends(text, CheckDigits::fedexExpress));
            case 15 -> checked(Carrier.FEDEX, text, CheckDigits.ends(text, CheckDigits::gs1));
            case 20 -> text.startsWith("00") ? sscc(text.substring(2)) : Optional.empty();
            case 22 -> text.startsWith("96") ? fedexGround96(text) : usps(text);
            case 26 -> usps(text);
            case 30 -> text.startsWith("420") ? uspsRouted(text) : usps(text);
            case 34 -> text.startsWith("420") ? uspsRouted(text).or(() -> fedex34(text)) : fedex34(text);
            case 38 -> text.startsWith("420") ? uspsRouted(text) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** An 18-digit SSCC (without its AI): DHL for DHL Paket's prefixes, otherwise SSCC. */
    static Optional<Found> sscc(String digits) {
        if (digits.length() != 18 || !allDigits(digits) || !CheckDigits.ends(digits, CheckDigits::gs1)) {
            return Optional.empty();
        }
        return found(DHL_PAKET_SSCC.matcher(digits).matches() ? Carrier.DHL : Carrier.SSCC, digits);
    }

    /**
     * A USPS IMpb tracking number without its routing part: channel application identifier 91 to
     * 95, 22, 26 or 30 digits, GS1 modulo 10 over all digits.
     */
    static Optional<Found> usps(String digits) {
        int n = digits.length();
        boolean shape = (n == 22 || n == 26 || n == 30) && allDigits(digits)
                && digits.charAt(0) == '9' && digits.charAt(1) >= '1' && digits.charAt(1) <= '5';
        return checked(Carrier.USPS, digits, shape && CheckDigits.ends(digits, CheckDigits::gs1));
    }

    // 420 + ZIP (5 or 9 digits) + tracking number, as one run of digits (the FNC1 lost or typed out).
    private static Optional<Found> uspsRouted(String digits) {
        return usps(digits.substring(8)).or(() -> digits.length() > 12 ? usps(digits.substring(12)) : Optional.empty());
    }

    // 96 + 2-digit SCNC + 3-digit service + 15-digit tracking number (7 shipper, 7 package, check).
    private static Optional<Found> fedexGround96(String digits) {
        String tracking = digits.substring(7);
        return checked(Carrier.FEDEX, tracking, CheckDigits.ends(tracking, CheckDigits::gs1));
    }

    // The 34-digit FedEx barcode: its last 14 digits are the tracking number, zero-filled to 14 for
    // today's 12-digit numbers, the last of them the mod 11 check digit over the 13 before it.
    private static Optional<Found> fedex34(String digits) {
        String serial = digits.substring(20);
        boolean ok = (digits.charAt(0) != '9' || digits.startsWith("96"))
                && CheckDigits.ends(serial, CheckDigits::fedexExpress);
        return checked(Carrier.FEDEX, serial.startsWith("00") ? serial.substring(2) : serial, ok);
    }

    private static Optional<Found> checked(Carrier carrier, String trackingNumber, boolean valid) {
        return valid ? found(carrier, trackingNumber) : Optional.empty();
    }

    private static Optional<Found> found(Carrier carrier, String trackingNumber) {
        return Optional.of(new Found(carrier, trackingNumber));
    }

    static boolean allDigits(CharSequence s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int digitCount(String s) {
        return (int) s.chars().filter(c -> c >= '0' && c <= '9').count();
    }
}
