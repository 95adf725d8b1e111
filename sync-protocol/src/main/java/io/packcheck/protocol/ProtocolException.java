package io.packcheck.protocol;

/** A body that does not follow the wire format; names the offending field (a JSON path such as {@code lines[2].quantity}). */
public final class ProtocolException extends RuntimeException {

    private final String field;

    public ProtocolException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The field's path and the problem in one line, e.g. {@code lines[0].quantity: quantity must be a whole number}. */
    public String describe() {
        return field.isEmpty() ? getMessage() : field + ": " + getMessage();
    }

    /** The same problem, seen from one level up (e.g. inside {@code events[3]}). */
    public ProtocolException under(String prefix) {
        return new ProtocolException(field.isEmpty() ? prefix : prefix + "." + field, getMessage());
    }
}
