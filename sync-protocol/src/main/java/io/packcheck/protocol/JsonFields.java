package io.packcheck.protocol;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** Typed reads from a JSON object that fail with a {@link ProtocolException} naming the field. */
public final class JsonFields {

    /** Ids, SKUs, badge and alias codes: they are scanned and printed, so printable ASCII without spaces. */
    public static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/+$%-]{0," + (Limits.MAX_ID - 1) + "}");

    private JsonFields() {}

    public static String requireKey(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new ProtocolException(field, field + " is required");
        }
        if (!KEY.matcher(value).matches()) {
            throw new ProtocolException(field, field + " '" + value
                    + "' must be 1-" + Limits.MAX_ID + " characters: letters, digits and . _ : / + $ % - (not starting with a symbol)");
        }
        return value;
    }

    public static String requireString(JsonObject json, String field, int maxLength) {
        return optionalString(json, field, maxLength)
                .orElseThrow(() -> new ProtocolException(field, field + " is required"));
    }

    /** A text of at most {@code maxLength} characters; control characters other than tab and line breaks are refused. */
    public static Optional<String> optionalString(JsonObject json, String field, int maxLength) {
        Optional<String> text = optionalText(json, field);
        text.ifPresent(s -> {
            if (s.length() > maxLength) {
                throw new ProtocolException(field, field + " is longer than " + maxLength + " characters");
            }
            refuseAt(field, s, Limits.forbiddenInText(s));
        });
        return text;
    }

    /** An id (order, SKU, packer badge...): at most {@link Limits#MAX_ID} characters, no control characters at all. */
    public static Optional<String> optionalId(JsonObject json, String field) {
        return optionalName(json, field, Limits.MAX_ID);
    }

    /** A short name such as a lot or an agent version: at most {@code maxLength} characters, no control characters. */
    public static Optional<String> optionalName(JsonObject json, String field, int maxLength) {
        Optional<String> id = optionalString(json, field, maxLength);
        id.ifPresent(s -> refuseAt(field, s, Limits.controlCharacterIn(s)));
        return id;
    }

    /** A string of any length and content, for texts the caller records under its own rule (e.g. {@link Limits#rawForRecord}). */
    public static Optional<String> optionalText(JsonObject json, String field) {
        Object value = json.getValue(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String s)) {
            throw new ProtocolException(field, field + " must be a string");
        }
        return Optional.of(s);
    }

    private static void refuseAt(String field, String value, OptionalInt at) {
        if (at.isPresent()) {
            throw new ProtocolException(field, field + " contains the control character "
                    + Limits.describe(value.charAt(at.getAsInt())) + " at position " + at.getAsInt());
        }
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

    /**
     * A whole number within {@code min..max}, read exactly: a number past the range of a long is refused,
     * never wrapped (JSON parsers hand those over as big integers or doubles), and so is a fraction.
     */
    public static Optional<Long> optionalLong(JsonObject json, String field, long min, long max) {
        Object value = json.getValue(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Number n)) {
            throw new ProtocolException(field, field + " must be a whole number");
        }
        BigDecimal exact = exactly(field, n);
        if (exact.signum() != 0 && exact.stripTrailingZeros().scale() > 0) {
            throw ProtocolException.outOfRange(field, field + " must be a whole number, got " + shortly(exact));
        }
        if (exact.compareTo(BigDecimal.valueOf(min)) < 0 || exact.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw ProtocolException.outOfRange(field, field + " must be between " + min + " and " + max + ", got " + shortly(exact));
        }
        return Optional.of(exact.longValueExact());
    }

    private static BigDecimal exactly(String field, Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return BigDecimal.valueOf(n.longValue());
        }
        if (n instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (n instanceof BigDecimal big) {
            return big;
        }
        double d = n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw ProtocolException.outOfRange(field, field + " must be a whole number, got a number too large to read");
        }
        return new BigDecimal(d);
    }

    // the number as a client would recognise it, without echoing a thousand digits back
    private static String shortly(BigDecimal n) {
        String text = n.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 || n.scale() > 6
                ? n.round(new java.math.MathContext(6)).toString()
                : n.toPlainString();
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    /** A number within {@code min..max} (fractions allowed), e.g. a weight in grams. */
    public static Optional<Double> optionalDouble(JsonObject json, String field, double min, double max) {
        Object value = json.getValue(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Number n)) {
            throw new ProtocolException(field, field + " must be a number");
        }
        BigDecimal exact = exactly(field, n);
        if (exact.compareTo(BigDecimal.valueOf(min)) < 0 || exact.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw ProtocolException.outOfRange(field, field + " must be between " + shortly(BigDecimal.valueOf(min)) + " and "
                    + shortly(BigDecimal.valueOf(max)) + ", got " + shortly(exact));
        }
        return Optional.of(exact.doubleValue());
    }

    public static int optionalInt(JsonObject json, String field, int min, int max, int otherwise) {
        return optionalLong(json, field, min, max).map(Long::intValue).orElse(otherwise);
    }

    /** An ISO-8601 instant between {@link Limits#EARLIEST} and {@link Limits#LATEST}. */
    public static Optional<Instant> optionalInstant(JsonObject json, String field) {
        return optionalName(json, field, 40).map(s -> {
            Instant at;
            try {
                at = Instant.parse(s);
            } catch (DateTimeParseException e) {
                throw new ProtocolException(field, field + " '" + s + "' is not an ISO-8601 instant such as 2026-11-22T16:00:00Z");
            }
            if (!Limits.isSaneInstant(at)) {
                throw ProtocolException.outOfRange(field, field + " " + s + " is outside "
                        + Limits.EARLIEST + " .. " + Limits.LATEST);
            }
            return at;
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
