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
    CANCEL_DURING_PACKING
}
