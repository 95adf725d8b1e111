package io.packcheck.hub.storage;

/** A change refused because of the state it would apply to (HTTP 409). */
public final class Conflict extends RuntimeException {

    private final String code;
    private final String field;

    public Conflict(String code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
