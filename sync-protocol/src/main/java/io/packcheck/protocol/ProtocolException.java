package io.packcheck.protocol;

/** A body that does not follow the wire format; names the offending field (a JSON path such as {@code lines[2].quantity}). */
public final class ProtocolException extends RuntimeException {

    /** What is wrong with the field, so that a server can answer with the status that fits. */
    public enum Problem {
        /** Missing, of the wrong type, or not a value the field takes. */
        INVALID,
        /** A number that is not a whole number or lies outside the field's range, or a time outside the sane range. */
        OUT_OF_RANGE
    }

    private final String field;
    private final Problem problem;

    public ProtocolException(String field, String message) {
        this(field, message, Problem.INVALID);
    }

    public ProtocolException(String field, String message, Problem problem) {
        super(message);
        this.field = field;
        this.problem = problem;
    }

    public static ProtocolException outOfRange(String field, String message) {
        return new ProtocolException(field, message, Problem.OUT_OF_RANGE);
    }

    public String field() {
        return field;
    }

    public Problem problem() {
        return problem;
    }

    /** The field's path and the problem in one line, e.g. {@code lines[0].quantity: quantity must be a whole number}. */
    public String describe() {
        return field.isEmpty() ? getMessage() : field + ": " + getMessage();
    }

    /** The same problem, seen from one level up (e.g. inside {@code events[3]}). */
    public ProtocolException under(String prefix) {
        return new ProtocolException(field.isEmpty() ? prefix : prefix + "." + field, getMessage(), problem);
    }
}
