package io.packcheck.hub.storage;

/** The thing asked for does not exist (HTTP 404). */
public final class Missing extends RuntimeException {

    private final String field;

    public Missing(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
