package io.packcheck.core.verify;

/** The station's answer to one scan. */
public enum Verdict {
    /** An order was opened by scanning its id, pack slip or tote. */
    ORDER_OPENED,
    MATCH,
    LINE_COMPLETE,
    ORDER_COMPLETE,
    WRONG_ITEM,
    OVER_QUANTITY,
    UNKNOWN_CODE,
    UNREADABLE,
    EXPIRED,
    SHELF_LIFE_TOO_SHORT,
    DUPLICATE_SERIAL,
    /** No longer given: a unit without its lot now waits for it ({@link #DATA_REQUIRED}); kept to read older events. */
    LOT_REQUIRED,
    /** No longer given: a unit without its serial now waits for it ({@link #DATA_REQUIRED}); kept to read older events. */
    SERIAL_REQUIRED,
    /**
     * A dated, lot-tracked or serialised unit was scanned without that data: it is not counted (and the order
     * cannot complete) until the code carrying it is scanned. Amber, not a mismatch: nothing is locked.
     */
    DATA_REQUIRED,
    ORDER_BLOCKED,
    NO_ORDER_OPEN,
    /** A scan while the session is locked by an earlier mismatch. */
    LOCKED,
    /** A command barcode was carried out (CLEAR, UNDO, SHORT, CANCEL_SESSION, badge scans). */
    COMMAND_ACCEPTED,
    /** A command barcode that is not allowed now, e.g. an override without a supervisor badge. */
    COMMAND_REFUSED,
    /** The order is being packed at another station: it was not opened here and nothing counts. */
    ORDER_CLAIMED_ELSEWHERE,
    /** A shipping label of the open order was scanned for a parcel before its items (label first). */
    LABEL_SCANNED,
    /** A parcel was closed: labelled and weighed where required. */
    PARCEL_CLOSED,
    /** Every unit of a parcel is in: the station is reading the scale before it closes the parcel. */
    WEIGHING,
    /** The parcel cannot close without its shipping label: scan it. Amber, nothing locked. */
    LABEL_REQUIRED,
    /** The scale did not settle or did not answer: the parcel stays open. Amber, nothing locked. */
    SCALE_NOT_READY,
    /** Another order's label, or a label not listed on this order. */
    LABEL_MISMATCH,
    /** The parcel weighs more or less than its items and box, beyond the tolerance. */
    WEIGHT_MISMATCH;

    /** A mismatch locks the session until CLEAR or a supervisor override. */
    public boolean isMismatch() {
        return switch (this) {
            case WRONG_ITEM, OVER_QUANTITY, EXPIRED, SHELF_LIFE_TOO_SHORT, DUPLICATE_SERIAL,
                    LOT_REQUIRED, SERIAL_REQUIRED, LABEL_MISMATCH, WEIGHT_MISMATCH -> true;
            default -> false;
        };
    }
}
