package io.packcheck.simulator.plan;

import io.packcheck.core.verify.Verdict;
import java.util.Optional;

/** One thing the simulated packer or ops does while an order is packed. */
public sealed interface Step {

    /**
     * A scan, with the verdict the station must give it.
     *
     * @param raw      the bytes the scanner sends (AIM prefix, GS as 0x1D), without the terminator
     * @param expected the verdict the rules must give; empty when the simulator accepts any (a retried login)
     * @param injected the packing error this scan makes on purpose
     * @param what     plain words for the tally and failure messages
     */
    record Scan(String raw, Optional<Verdict> expected, Optional<Injection> injected, String what) implements Step {

        public static Scan expect(String raw, Verdict expected, String what) {
            return new Scan(raw, Optional.of(expected), Optional.empty(), what);
        }

        public static Scan inject(String raw, Verdict expected, Injection injection, String what) {
            return new Scan(raw, Optional.of(expected), Optional.of(injection), what);
        }

        /**
         * Whether the station judges this scan as an item (a match or a mismatch), as the hub's figures count
         * scans; order opens, commands and badges are not item scans.
         */
        public boolean itemScan() {
            return correctItem() || expected.filter(v -> v.isMismatch() || v == Verdict.UNKNOWN_CODE
                    || v == Verdict.UNREADABLE).isPresent();
        }

        /** Whether this scan should put an item in the box (the station must answer green). */
        public boolean correctItem() {
            return expected.filter(v -> v == Verdict.MATCH || v == Verdict.LINE_COMPLETE || v == Verdict.ORDER_COMPLETE)
                    .isPresent();
        }
    }

    /** Ops cancels the order through the hub's API while it is open at the station. */
    record CancelAtHub(String orderId) implements Step {}

    /**
     * Another station scans this order's slip while it is being packed here; it must refuse to open it.
     *
     * @param slip the order slip as the other station's scanner sends it
     */
    record OpenAtAnotherStation(String orderId, String slip) implements Step {}

    /** Ops puts a new item carrying a barcode that {@code owner} already has; the hub must answer 409. */
    record PutItemWithTakenBarcode(String newSku, String barcode, String owner) implements Step {}
}
