package io.packcheck.core.barcode;

/** The kind of barcode a scan came from, as far as the station can tell. */
public enum Symbology {
    EAN_13("EAN-13"),
    UPC_A("UPC-A"),
    UPC_E("UPC-E"),
    EAN_8("EAN-8"),
    GTIN_14("GTIN-14"),
    GS1_128("GS1-128"),
    GS1_DATAMATRIX("GS1-DATAMATRIX"),
    GS1_QR("GS1-QR"),
    GS1_DATABAR("GS1-DATABAR"),
    CODE_128("CODE-128"),
    CODE_39("CODE-39"),
    ITF("ITF"),
    QR("QR"),
    DATAMATRIX("DATAMATRIX"),
    PDF417("PDF417"),
    AZTEC("AZTEC"),
    UNKNOWN("UNKNOWN");

    private final String label;

    Symbology(String label) {
        this.label = label;
    }

    /** The name used in JSON output and logs, e.g. {@code EAN-13}. */
    public String label() {
        return label;
    }

    public boolean isGs1() {
        return this == GS1_128 || this == GS1_DATAMATRIX || this == GS1_QR || this == GS1_DATABAR;
    }
}
