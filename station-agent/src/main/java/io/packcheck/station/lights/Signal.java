package io.packcheck.station.lights;

import io.packcheck.core.verify.Verdict;

/** What the station tells the packer with the tower after a scan or an action. */
public enum Signal {
    /** A scan counted: flash green and beep, every time. */
    ACCEPTED,
    /** The last line of the order is packed. */
    ORDER_COMPLETE,
    /** Wrong item, too many, expired...: red and buzzer until cleared. */
    MISMATCH,
    /** A readable code that is not in the catalog. */
    UNKNOWN,
    /** Noise, control bytes or an over-long read from the scanner. */
    UNREADABLE,
    /** A scan that cannot be used now (no order open, command not allowed). */
    REFUSED,
    /** The packer cleared a mismatch. */
    CLEARED,
    /** Nothing to show. */
    IDLE;

    /** The signal for a verdict of the verification rules. */
    public static Signal of(Verdict verdict) {
        return switch (verdict) {
            case ORDER_OPENED, MATCH, LINE_COMPLETE, COMMAND_ACCEPTED, LABEL_SCANNED, PARCEL_CLOSED -> ACCEPTED;
            case ORDER_COMPLETE -> ORDER_COMPLETE;
            case WRONG_ITEM, OVER_QUANTITY, EXPIRED, SHELF_LIFE_TOO_SHORT, DUPLICATE_SERIAL, LOT_REQUIRED,
                    SERIAL_REQUIRED, LOCKED, ORDER_BLOCKED, LABEL_MISMATCH, WEIGHT_MISMATCH -> MISMATCH;
            case UNKNOWN_CODE -> UNKNOWN;
            case UNREADABLE -> UNREADABLE;
            // a unit waiting for its date, lot or serial is not counted, and nothing is locked: amber
            case NO_ORDER_OPEN, COMMAND_REFUSED, DATA_REQUIRED, ORDER_CLAIMED_ELSEWHERE, LABEL_REQUIRED, SCALE_NOT_READY -> REFUSED;
            // the scale answers within its settle timeout; the verdict that follows signals
            case WEIGHING -> IDLE;
        };
    }

    /** The key used in light profiles. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
