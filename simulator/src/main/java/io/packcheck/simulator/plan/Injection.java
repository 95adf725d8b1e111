package io.packcheck.simulator.plan;

/** A packing error the simulator makes on purpose, to see the station catch it. */
public enum Injection {
    /** An item that is not on the order. */
    WRONG_ITEM,
    /** One unit more than the line asks for, while other lines are still open. */
    ONE_TOO_MANY,
    /** A lot-tracked unit whose GS1 expiry date (AI 17) is in the past. */
    EXPIRED_LOT,
    /** The same serial number (AI 21) scanned twice. */
    DUPLICATE_SERIAL,
    /** Ops cancels the order while it is being packed; the station must block it. */
    CANCEL_DURING_PACKING,
    /** After a wrong item, a stray code is scanned while the station is locked: the tower must stay red. */
    STRAY_SCAN_WHILE_LOCKED,
    /** A lot-tracked unit scanned by its plain EAN-13, without its expiry and lot: it must wait for its data. */
    DATED_WITHOUT_DATE,
    /** A serialised unit whose serial was already packed in an earlier order (a copied label). */
    REUSED_SERIAL,
    /** A second station scans an order another station is packing: it must not open there. */
    SECOND_STATION,
    /** Ops gives a new item a barcode another item already has: the hub must refuse it. */
    DUPLICATED_BARCODE,
    /** The label of another order (the next one off the printer) is scanned onto the parcel. */
    LABEL_SWAP,
    /** A unit goes into the box without a scan: the parcel is too heavy. */
    UNSCANNED_ITEM,
    /** A unit is scanned but stays on the bench: the parcel is too light. */
    LEFT_OUT,
    /** The packer scans one box type and packs into another of a different tare. */
    WRONG_BOX;

    /** Whether catching it also takes the tower showing red after the scan, not only the verdict. */
    public boolean mustEndRed() {
        return this == STRAY_SCAN_WHILE_LOCKED;
    }

    /** Whether the scale, not a scan, must catch it: the parcel weighs other than its scans say. */
    public boolean weightError() {
        return this == UNSCANNED_ITEM || this == LEFT_OUT || this == WRONG_BOX;
    }

    /** Whether it needs a hub that answers at once (claims are asked of the hub when an order opens). */
    public boolean needsHubUp() {
        return this == SECOND_STATION;
    }
}
