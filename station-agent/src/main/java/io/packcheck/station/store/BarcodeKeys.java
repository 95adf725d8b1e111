package io.packcheck.station.store;

import io.packcheck.core.barcode.Gtin;
import java.util.Optional;

/**
 * The GTIN-14 forms under which a catalog code is found. A scan arrives normalised to GTIN-14
 * (a UPC-E already expanded), so the cache indexes a catalog code under every GTIN it can be:
 * an 8-digit code is both an EAN-8 and possibly a UPC-E.
 */
record BarcodeKeys(Optional<Gtin> gtin, Optional<Gtin> upcE) {

    static BarcodeKeys of(String code) {
        Optional<Gtin> gtin = Gtin.tryParse(code);
        Optional<Gtin> upcE = code.length() == 8 && Gtin.fromUpcE(code) instanceof Gtin.Result.Valid v
                ? Optional.of(v.gtin())
                : Optional.empty();
        return new BarcodeKeys(gtin, upcE);
    }

    /**
     * Why a code that looks like a GTIN (8, 12, 13 or 14 digits) cannot be one, e.g. a wrong check
     * digit; empty when the code is a valid GTIN or is not meant as one (letters, other lengths).
     */
    static Optional<String> problem(String code) {
        boolean digits = !code.isEmpty() && code.chars().allMatch(c -> c >= '0' && c <= '9');
        int n = code.length();
        if (!digits || (n != 8 && n != 12 && n != 13 && n != 14)) {
            return Optional.empty();
        }
        BarcodeKeys keys = of(code);
        if (keys.gtin().isPresent() || keys.upcE().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(((Gtin.Result.Invalid) Gtin.parse(code)).reason());
    }
}
