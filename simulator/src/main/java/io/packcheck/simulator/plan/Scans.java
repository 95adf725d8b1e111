package io.packcheck.simulator.plan;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Raw scans as a scanner with AIM symbology identifiers sends them. */
public final class Scans {

    /** ASCII GS, FNC1 after a variable-length GS1 field. */
    public static final char GS = 0x1D;
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    private Scans() {}

    /** An EAN-13 unit barcode: {@code ]E0}. */
    public static String ean13(SampleItem item) {
        return "]E0" + item.ean13();
    }

    /** A case's GTIN-14 on a GS1-128 label: {@code ]C1 01...}. */
    public static String caseLabel(SampleItem.CasePack pack) {
        return "]C1" + "01" + pack.gtin14();
    }

    /**
     * A lot-tracked case's GS1-128 logistic label: {@code ]C1 01... 17YYMMDD 10LOT}, so the case carries its lot
     * as the station requires of a lot-tracked item.
     */
    public static String lotCaseLabel(SampleItem.CasePack pack, LocalDate expiry, String lot) {
        return caseLabel(pack) + "17" + expiry.format(YYMMDD) + "10" + lot;
    }

    /** A GS1 DataMatrix with GTIN, expiry and lot: {@code ]d2 01... 17YYMMDD 10LOT}. */
    public static String lotUnit(SampleItem item, LocalDate expiry, String lot) {
        return "]d2" + "01" + item.gtin14() + "17" + expiry.format(YYMMDD) + "10" + lot;
    }

    /** A GS1 DataMatrix with GTIN, lot and serial: the lot is variable length, so GS ends it. */
    public static String serialUnit(SampleItem item, String serial) {
        return "]d2" + "01" + item.gtin14() + "10" + "B" + Math.floorMod(serial.hashCode(), 1000) + GS + "21" + serial;
    }

    /** An order id or pack slip as Code 128: {@code ]C0}. */
    public static String orderSlip(String orderId) {
        return "]C0" + orderId;
    }

    /** A carrier's shipping label (a UPS 1Z number) as Code 128: {@code ]C0}. */
    public static String label(String trackingNumber) {
        return "]C0" + trackingNumber;
    }

    /** A command sheet or badge barcode as Code 39: {@code ]A0}. */
    public static String command(String command) {
        return "]A0" + command;
    }
}
