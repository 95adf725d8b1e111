package io.packcheck.protocol;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Typed reads from a JSON object that fail with a {@link ProtocolException} naming the field. */
public final class JsonFields {

    /** Ids, SKUs, badge and alias codes: they are scanned and printed, so printable ASCII without spaces. */
    public static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/+$%-]{0,63}");

    private JsonFields() {}

    public static String requireKey(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new ProtocolException(field, field + " is required");
        }
        if (!KEY.matcher(value).matches()) {
            throw new ProtocolException(field, field + " '" + value
                    + "' must be 1-64 characters: letters, digits and . _ : / + $ % - (not starting with a symbol)");
        }
        return value;
    }

    public static String requireString(JsonObject json, String field, int maxLength) {
        return optionalString(json, field, maxLength)
                .orElseThrow(() -> new ProtocolException(field, field + " is required"));
    }

    public static Optional<String> optionalString(JsonObject json, String field, int maxLength) {
        Object value = json.getValue(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String s)) {
            throw new ProtocolException(field, field + " must be a string");
        }
        if (s.length() > maxLength) {
            throw new ProtocolException(field, field + " is longer than " + maxLength + " characters");
        }
        return Optional.of(s);
    }

    public static boolean optionalBoolean(JsonObject json, String field, boolean otherwise) {
        Object value = json.getValue(field);
        if (value == null) {
            return otherwise;
        }
        if (!(value instanceof Boolean b)) {
            throw new ProtocolException(field, field + " must be true or false");
        }
        return b;
    }

    public static long requireLong(JsonObject json, String field, long min, long max) {
        return optionalLong(json, field, min, max).orElseThrow(() -> new ProtocolException(field, field + " is required"));
    }

    public static Optional<Long> optionalLong(JsonObject json, String field, long min, long max) {
        Object value = json.getValue(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                || Double.isInfinite(n.doubleValue())) {
            throw new ProtocolException(field, field + " must be a whole number");
        }
        long v = n.longValue();
        if (v < min || v > max) {
            throw new ProtocolException(field, field + " must be between " + min + " and " + max + ", got " + v);
        }
        return Optional.of(v);
    }

    public static int optionalInt(JsonObject json, String field, int min, int max, int otherwise) {
        return optionalLong(json, field, min, max).map(Long::intValue).orElse(otherwise);
    }

    public static Optional<Instant> optionalInstant(JsonObject json, String field) {
        return optionalString(json, field, 40).map(s -> {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                throw new ProtocolException(field, field + " '" + s + "' is not an ISO-8601 instant such as 2026-11-22T16:00:00Z");
            }
        });
    }

    public static JsonArray optionalArray(JsonObject json, String field) {
        Object value = json.getValue(field);
        if (value == null) {
            return new JsonArray();
        }
        if (!(value instanceof JsonArray a)) {
            throw new ProtocolException(field, field + " must be an array");
        }
        return a;
    }

    public static JsonObject objectAt(JsonArray array, int index, String field) {
        Object value = array.getValue(index);
        if (!(value instanceof JsonObject o)) {
            throw new ProtocolException(field + "[" + index + "]", field + "[" + index + "] must be an object");
        }
        return o;
    }

    public static <E extends Enum<E>> E requireEnum(JsonObject json, String field, Class<E> type) {
        String s = requireString(json, field, 40);
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(field, field + " '" + s + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
