package io.packcheck.station.store;

/** The station's database could not do what was asked; the message says what and on which file. */
public final class StoreException extends RuntimeException {

    /** What kind of failure it is, so that it is reported as what it is (a full disk is not a damaged file). */
    public enum Fault {
        /** The file is damaged (SQLITE_CORRUPT, SQLITE_NOTADB, or an integrity check that found problems). */
        DAMAGED,
        /** The disk under the data directory is full (SQLITE_FULL, ENOSPC). */
        DISK_FULL,
        /** Reading or writing the file failed, and an integrity check found the file sound. */
        IO_ERROR,
        /** Anything else: a locked file, a bad statement. */
        OTHER
    }

    private final Fault fault;

    public StoreException(String message, Throwable cause) {
        this(message, cause, Fault.OTHER);
    }

    public StoreException(String message) {
        this(message, null, Fault.OTHER);
    }

    public StoreException(String message, Throwable cause, Fault fault) {
        super(message, cause);
        this.fault = fault;
    }

    public Fault fault() {
        return fault;
    }

    /** What the packer screen says when a scan could not be saved because of this. */
    public String packerNotice() {
        return switch (fault) {
            case DISK_FULL -> "The station's disk is full: scans cannot be saved - call your supervisor";
            case DAMAGED -> "The station's database is damaged: scans cannot be saved - call your supervisor";
            case IO_ERROR, OTHER -> "The station could not save the last scan - scan it again; if this repeats,"
                    + " call your supervisor";
        };
    }
}
