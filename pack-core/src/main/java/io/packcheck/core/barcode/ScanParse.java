package io.packcheck.core.barcode;

/** The result of parsing one raw scan: it is either understood or rejected with a reason. */
public sealed interface ScanParse {

    String raw();

    /** The scan was understood. */
    record Parsed(Scan scan) implements ScanParse {
        @Override
        public String raw() {
            return scan.raw();
        }
    }

    /** The scan cannot be used; {@code reason} is written for a technician, e.g. "AI (17): 13 is not a month". */
    record Rejected(String raw, String reason) implements ScanParse {}
}
