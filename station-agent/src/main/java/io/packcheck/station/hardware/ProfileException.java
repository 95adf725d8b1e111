package io.packcheck.station.hardware;

/** A hardware profile that cannot be used; the message names the file and the field. */
public final class ProfileException extends RuntimeException {

    private final String file;
    private final String field;

    public ProfileException(String file, String field, String problem) {
        super(file + ": " + field + ": " + problem);
        this.file = file;
        this.field = field;
    }

    public String file() {
        return file;
    }

    public String field() {
        return field;
    }
}
