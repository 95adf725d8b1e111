package io.packcheck.hub.http;

/** An error answered as {@code {"error":{"code","field","message"}}} with the given HTTP status. */
public final class ApiError extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;

    public ApiError(int status, String code, String field, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public static ApiError badRequest(String field, String message) {
        return new ApiError(400, "bad_request", field, message);
    }

    /** A number that is not whole or outside its field's range, or a time outside the sane range. */
    public static ApiError outOfRange(String field, String message) {
        return new ApiError(400, "out_of_range", field, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
