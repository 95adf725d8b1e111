package io.packcheck.core.label;

/** Who issued a shipping label, as far as its barcode tells. */
public enum Carrier {
    UPS("UPS"),
    FEDEX("FedEx"),
    USPS("USPS"),
    DHL("DHL"),
    /** A GS1 Serial Shipping Container Code of a carrier or shipper the station does not name. */
    SSCC("SSCC"),
    /** Matched the site's own label pattern. */
    SITE("site");

    private final String words;

    Carrier(String words) {
        this.words = words;
    }

    /** The carrier as a packer reads it, e.g. {@code FedEx}. */
    public String words() {
        return words;
    }
}
