package io.packcheck.station.scale;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WeightUnitTest {

    @ParameterizedTest
    @CsvSource({"g, 1, 1", "kg, 1.234, 1234", "KG, 2, 2000", "lb, 1, 453.59237", "lbs, 2, 907.18474",
        "oz, 16, 453.59237", "oz, 1, 28.349523", "mg, 500, 0.5"})
    void convertsToGrams(String symbol, double amount, double grams) {
        assertThat(WeightUnit.parse(symbol)).hasValueSatisfying(u -> assertThat(u.toGrams(amount)).isEqualTo(grams));
    }

    @ParameterizedTest
    @CsvSource({"st", "kgs", "pound"})
    void knowsOnlyTheUnitsScalesSend(String symbol) {
        assertThat(WeightUnit.parse(symbol)).isEmpty();
    }
}
