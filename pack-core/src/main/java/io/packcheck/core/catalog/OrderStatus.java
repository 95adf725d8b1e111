package io.packcheck.core.catalog;

/** Where an order stands, as the hub reports it. */
public enum OrderStatus {
    OPEN,
    IN_PROGRESS,
    VERIFIED,
    EXCEPTION,
    ON_HOLD,
    CANCELLED;

    /** Cancelled and held orders must not be packed. */
    public boolean blocksPacking() {
        return this == ON_HOLD || this == CANCELLED;
    }
}
