package io.packcheck.core.verify;

import io.packcheck.core.barcode.Gtin;
import io.packcheck.core.barcode.Scan;
import io.packcheck.core.barcode.ScanParse;
import io.packcheck.core.barcode.Symbology;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Parsed scans built by hand, as the ScanParser would return them. */
final class Scans {

    private Scans() {}

    /** An EAN/UPC item barcode. */
    static ScanParse ean(String digits) {
        Gtin gtin = Gtin.tryParse(digits).orElseThrow();
        Symbology symbology = switch (digits.length()) {
            case 8 -> Symbology.EAN_8;
            case 12 -> Symbology.UPC_A;
            case 14 -> Symbology.GTIN_14;
            default -> Symbology.EAN_13;
        };
        return new ScanParse.Parsed(new Scan("]E0" + digits, symbology, digits, Optional.of(gtin), Map.of(),
                Optional.empty(), Optional.empty()));
    }

    /** A GS1 DataMatrix with AI 01 and optional expiry (17), lot (10) and serial (21). */
    static ScanParse gs1(String gtin14, Optional<LocalDate> expiry, Optional<String> lot, Optional<String> serial) {
        Map<String, String> ai = new LinkedHashMap<>();
        ai.put("01", gtin14);
        StringBuilder data = new StringBuilder("01").append(gtin14);
        expiry.ifPresent(d -> {
            String yymmdd = String.format("%02d%02d%02d", d.getYear() % 100, d.getMonthValue(), d.getDayOfMonth());
            ai.put("17", yymmdd);
            data.append("17").append(yymmdd);
        });
        lot.ifPresent(l -> {
            ai.put("10", l);
            data.append("10").append(l).append('\u001d');
        });
        serial.ifPresent(s -> {
            ai.put("21", s);
            data.append("21").append(s);
        });
        return new ScanParse.Parsed(new Scan("]d2" + data, Symbology.GS1_DATAMATRIX, data.toString(),
                Optional.of(new Gtin(gtin14)), ai, expiry, Optional.empty()));
    }

    static ScanParse expiring(String gtin14, LocalDate expiry) {
        return gs1(gtin14, Optional.of(expiry), Optional.empty(), Optional.empty());
    }

    static ScanParse withLot(String gtin14, String lot) {
        return gs1(gtin14, Optional.empty(), Optional.of(lot), Optional.empty());
    }

    static ScanParse withSerial(String gtin14, String serial) {
        return gs1(gtin14, Optional.empty(), Optional.empty(), Optional.of(serial));
    }

    /** A Code 128 text: order ids, totes, pack slips, commands, internal labels. */
    static ScanParse text(String text) {
        return new ScanParse.Parsed(new Scan("]C0" + text, Symbology.CODE_128, text, Optional.empty(), Map.of(),
                Optional.empty(), Optional.empty()));
    }

    static ScanParse rejected(String raw, String reason) {
        return new ScanParse.Rejected(raw, reason);
    }
}
