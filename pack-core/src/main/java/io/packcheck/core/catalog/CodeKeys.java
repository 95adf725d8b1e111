package io.packcheck.core.catalog;

import io.packcheck.core.barcode.Gtin;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The keys under which a scan finds a catalog code: every GTIN-14 the code can be read as (an 8-digit code
 * may be an EAN-8 and a UPC-E), or the code itself when it is no GTIN. Two codes that share a key would
 * find two items for one scan, so one key belongs to one item: an EAN-13 and its GTIN-14 form clash.
 */
public final class CodeKeys {

    private CodeKeys() {}

    /** The keys of one catalog code, in the order a station looks them up. */
    public static Set<String> of(String code) {
        Set<String> keys = new LinkedHashSet<>();
        Gtin.tryParse(code).ifPresent(g -> keys.add(g.digits()));
        if (code.length() == 8 && Gtin.fromUpcE(code) instanceof Gtin.Result.Valid upcE) {
            keys.add(upcE.gtin().digits());
        }
        if (keys.isEmpty()) {
            keys.add(code);
        }
        return keys;
    }
}
