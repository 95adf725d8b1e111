package io.packcheck.station.store;

/** The station's database could not do what was asked; the message says what and on which file. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
