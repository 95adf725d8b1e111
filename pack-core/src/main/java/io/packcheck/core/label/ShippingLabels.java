package io.packcheck.core.label;

import io.packcheck.core.barcode.ElementStrings;
import io.packcheck.core.barcode.Scan;
import io.packcheck.core.barcode.Symbology;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Carrier shipping labels (tracking numbers, SSCCs) among scanned codes.
 *
 * <p>A scan is a label when it is one of the carrier forms in docs/shipping-labels.md with its
 * check digit right, or else when it matches the site's label pattern. A code read as EAN/UPC or
 * GTIN-14, and GS1 data carrying an item number (AI 01 or 02), is never a label.
 */
public final class ShippingLabels {

    private final Optional<Pattern> sitePattern;

    /** @param sitePattern a site-configured pattern for other carriers; matched against the whole scan data */
    public ShippingLabels(Optional<Pattern> sitePattern) {
        this.sitePattern = sitePattern;
    }

    /** The carriers' own forms only, no site pattern. */
    public static ShippingLabels standard() {
        return new ShippingLabels(Optional.empty());
    }

    /** The label this scan is, if it is one. */
    public Optional<ShippingLabel> recognise(Scan scan) {
        if (isItemCode(scan)) {
            return Optional.empty();
        }
        return carrierForm(scan)
                .or(() -> siteForm(scan))
                .map(found -> new ShippingLabel(found.carrier(), found.trackingNumber(), scan.raw()));
    }

    /**
     * The canonical key of a label as an order system lists it: spaces and dashes removed, upper
     * case, an SSCC listed with its "00" AI (or as "(00)...") reduced to its 18 digits, an IMpb listed
     * as 420 + ZIP + tracking number reduced to the tracking number, a FedEx Ground "96" or 34-digit
     * barcode reduced to the tracking number printed under it.
     */
    public static String normalise(String listed) {
        Objects.requireNonNull(listed, "listed label");
        StringBuilder cleaned = new StringBuilder(listed.length());
        for (int i = 0; i < listed.length(); i++) {
            char c = listed.charAt(i);
            if (!Character.isWhitespace(c) && c != '-' && c != ElementStrings.GS) {
                cleaned.append(Character.toUpperCase(c));
            }
        }
        String text = cleaned.toString();
        if (text.startsWith("(")) {
            // GS1 bracketed form: (00)..., (420)12345(92)...
            text = text.replace("(", "").replace(")", "");
        }
        return TrackingNumbers.read(text, false).map(TrackingNumbers.Found::trackingNumber).orElse(text);
    }

    private static boolean isItemCode(Scan scan) {
        Symbology s = scan.symbology();
        boolean retail = s == Symbology.EAN_13 || s == Symbology.UPC_A || s == Symbology.UPC_E
                || s == Symbology.EAN_8 || s == Symbology.GTIN_14;
        return retail || scan.gtin().isPresent() || scan.ai().containsKey("01") || scan.ai().containsKey("02");
    }

    private static Optional<TrackingNumbers.Found> carrierForm(Scan scan) {
        Map<String, String> ai = scan.ai();
        if (ai.isEmpty()) {
            return TrackingNumbers.read(scan.data(), scan.symbology() == Symbology.ITF);
        }
        if (ai.containsKey("00")) {
            return TrackingNumbers.sscc(ai.get("00"));
        }
        String zip = ai.get("420");
        if (zip != null) {
            return (zip.length() == 5 || zip.length() == 9) && TrackingNumbers.allDigits(zip)
                    ? uspsAfterRouting(ai) : Optional.empty();
        }
        if (ai.size() == 1) {
            // a carrier number printed in GS1-128 reads as one internal AI (9x): 96... FedEx Ground, 94... USPS
            Map.Entry<String, String> only = ai.entrySet().iterator().next();
            return TrackingNumbers.read(only.getKey() + only.getValue(), false);
        }
        return Optional.empty();
    }

    // USPS Publication 199: 420 + ZIP, FNC1, then the tracking number, which reads as AI 91 to 95.
    private static Optional<TrackingNumbers.Found> uspsAfterRouting(Map<String, String> ai) {
        for (Map.Entry<String, String> e : ai.entrySet()) {
            String key = e.getKey();
            if (key.length() == 2 && key.charAt(0) == '9' && key.charAt(1) >= '1' && key.charAt(1) <= '5') {
                return TrackingNumbers.usps(key + e.getValue());
            }
        }
        return Optional.empty();
    }

    private Optional<TrackingNumbers.Found> siteForm(Scan scan) {
        return sitePattern.flatMap(pattern -> {
            Matcher m = pattern.matcher(scan.data());
            if (!m.matches()) {
                return Optional.empty();
            }
            String matched = m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
            String key = normalise(matched);
            return key.isEmpty() ? Optional.empty() : Optional.of(new TrackingNumbers.Found(Carrier.SITE, key));
        });
    }
}
