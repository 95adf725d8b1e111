package io.packcheck.core.barcode;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the station made of one raw scan.
 *
 * @param raw        the scan as received (AIM prefix and GS bytes included, terminator stripped)
 * @param symbology  the barcode kind, from the AIM id or inferred from the data
 * @param data       the payload with the AIM id removed (GS bytes kept for GS1 data)
 * @param gtin       the item number, normalised to GTIN-14, when the code carries one
 * @param ai         GS1 application identifiers to their raw values, in scan order; empty if not GS1
 * @param expiry     AI 17 as a date (DD=00 resolved to the month's last day)
 * @param addOn      a 2 or 5 digit EAN/UPC add-on, if present
 */
public record Scan(
        String raw,
        Symbology symbology,
        String data,
        Optional<Gtin> gtin,
        Map<String, String> ai,
        Optional<LocalDate> expiry,
        Optional<String> addOn) {

    public Scan {
        ai = Collections.unmodifiableMap(new LinkedHashMap<>(ai));
    }

    /** AI 10, the batch or lot number. */
    public Optional<String> lot() {
        return Optional.ofNullable(ai.get("10"));
    }

    /** AI 21, the serial number. */
    public Optional<String> serial() {
        return Optional.ofNullable(ai.get("21"));
    }
}
