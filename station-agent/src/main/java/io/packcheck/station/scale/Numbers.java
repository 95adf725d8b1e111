package io.packcheck.station.scale;

import java.util.Optional;
import java.util.regex.Pattern;

/** Decimal numbers as scales print them: an optional sign, digits, at most one decimal point. */
final class Numbers {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private Numbers() {
    }

    static Optional<Double> decimal(String text) {
        String t = text.trim();
        return DECIMAL.matcher(t).matches() ? Optional.of(Double.parseDouble(t)) : Optional.empty();
    }
}
