package io.packcheck.simulator.plan;

import io.packcheck.core.verify.Verdict;
import java.util.List;
import java.util.Optional;

/** One thing the simulated packer or ops does while an order is packed. */
public sealed interface Step {

    /** A step the station answers with a verdict the simulator checks: a scan, or the scale's reading of a parcel. */
    sealed interface Answered extends Step permits Scan, Weighed {

        /** The scan as the scanner sent it; for a weighing, the scan that closed the parcel (its events carry it). */
        String raw();

        /** The verdict the rules must give; empty when the simulator accepts any (a retried login). */
        Optional<Verdict> expected();

        /** The packing error this step makes on purpose. */
        Optional<Injection> injected();

        /** Plain words for the tally and failure messages. */
        String what();

        /** Whether the station judges it as an item scan, as the hub's figures count scans. */
        default boolean itemScan() {
            return false;
        }

        /** Whether it should put an item in the box (the station must answer green). */
        default boolean correctItem() {
            return false;
        }
    }

    /**
     * A scan, with the verdict the station must give it.
     *
     * @param raw      the bytes the scanner sends (AIM prefix, GS as 0x1D), without the terminator
     * @param expected the verdict the rules must give; empty when the simulator accepts any (a retried login)
     * @param injected the packing error this scan makes on purpose
     * @param what     plain words for the tally and failure messages
     */
    record Scan(String raw, Optional<Verdict> expected, Optional<Injection> injected, String what) implements Answered {

        public static Scan expect(String raw, Verdict expected, String what) {
            return new Scan(raw, Optional.of(expected), Optional.empty(), what);
        }

        public static Scan inject(String raw, Verdict expected, Injection injection, String what) {
            return new Scan(raw, Optional.of(expected), Optional.of(injection), what);
        }

        /**
         * Whether the station judges this scan as an item (a match or a mismatch), as the hub's figures count
         * scans; order opens, commands, badges and shipping labels are not item scans.
         */
        @Override
        public boolean itemScan() {
            return correctItem() || expected.filter(v -> v.isMismatch() && v != Verdict.LABEL_MISMATCH
                    || v == Verdict.UNKNOWN_CODE || v == Verdict.UNREADABLE).isPresent();
        }

        /** Whether this scan should put an item in the box (the station must answer green). */
        @Override
        public boolean correctItem() {
            return expected.filter(v -> v == Verdict.MATCH || v == Verdict.LINE_COMPLETE || v == Verdict.ORDER_COMPLETE)
                    .isPresent();
        }
    }

    /**
     * The scale's reading of a closed parcel, and the verdict it must bring. Not a scan: the station weighs on its
     * own once a scan closed the parcel, and records the answer under that scan.
     *
     * @param raw      the scan that closed the parcel (or the parcel's closing scan a CLEAR weighs again)
     * @param error    the weight error the packer made on purpose, when {@code injected} is a weight error
     * @param ifCaught what the packer does when the station refuses the weight (fix the box, CLEAR, weigh again)
     */
    record Weighed(String raw, Optional<Verdict> expected, Optional<Injection> injected, String what,
            Optional<WeightError> error, List<Step> ifCaught) implements Answered {

        public Weighed {
            ifCaught = List.copyOf(ifCaught);
        }

        public static Weighed expect(String raw, Verdict expected, String what) {
            return new Weighed(raw, Optional.of(expected), Optional.empty(), what, Optional.empty(), List.of());
        }
    }

    /**
     * A weight error made on purpose.
     *
     * @param grams       how much heavier (positive) or lighter the parcel is than what its scans say
     * @param parcelGrams what the station expects the parcel to weigh (items' catalogue weights plus the box scanned)
     */
    record WeightError(double grams, double parcelGrams) {

        /** The error as a share of the parcel's expected weight. */
        public double share() {
            return Math.abs(grams) / parcelGrams;
        }

        /** Whether the goal requires the station to catch it: at least 10% of the parcel. */
        public boolean required() {
            return share() >= 0.10;
        }
    }

    /** The packer changes what is on the scale: it now carries {@code grams} (the scale adds its own noise). */
    record Load(double grams, String what) implements Step {}

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
