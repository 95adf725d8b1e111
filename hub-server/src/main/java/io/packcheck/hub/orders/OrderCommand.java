package io.packcheck.hub.orders;

/** What ops may do to an order besides replacing it. */
public enum OrderCommand {
    CANCEL,
    HOLD,
    RELEASE
}
