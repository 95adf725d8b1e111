package io.packcheck.station.scale;

import java.util.Locale;
import java.util.Optional;

/** A unit a scale reports its weight in, with its exact factor to grams. */
public enum WeightUnit {
    MG(0.001, "mg"),
    G(1, "g"),
    KG(1000, "kg"),
    /** The international avoirdupois pound, exactly 453.59237 g. */
    LB(453.59237, "lb"),
    /** One sixteenth of a pound. */
    OZ(453.59237 / 16, "oz");

    private final double grams;
    private final String symbol;

    WeightUnit(double grams, String symbol) {
        this.grams = grams;
        this.symbol = symbol;
    }

    /** {@code amount} of this unit in grams, rounded to the microgram so that 1.234 kg is 1234 g, not 1233.9999999999998. */
    public double toGrams(double amount) {
        return Math.round(amount * grams * 1e6) / 1e6;
    }

    public double fromGrams(double amount) {
        return amount / grams;
    }

    public String symbol() {
        return symbol;
    }

    /** The unit a scale writes as {@code text} ("g", "kg", "lb", "lbs", "oz", any case). */
    public static Optional<WeightUnit> parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "mg" -> Optional.of(MG);
            case "g" -> Optional.of(G);
            case "kg" -> Optional.of(KG);
            case "lb", "lbs" -> Optional.of(LB);
            case "oz" -> Optional.of(OZ);
            default -> Optional.empty();
        };
    }
}
