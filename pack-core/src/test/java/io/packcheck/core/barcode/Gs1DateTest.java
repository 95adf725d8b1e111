package io.packcheck.core.barcode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Gs1DateTest {

    @ParameterizedTest(name = "YY {0} in {1} is {2}")
    @CsvSource({
        "26, 2026, 2026",
        "76, 2026, 2076",  // 50 ahead: still this century
        "77, 2026, 1977",  // 51 ahead: previous century
        "77, 2027, 2077",
        "10, 2060, 2110",  // 50 behind: next century
        "11, 2060, 2011",  // 49 behind: this century
        "99, 2000, 1999",
        "00, 1999, 2000",
    })
    void picksTheCenturyWithTheGs1SlidingWindow(int yy, int currentYear, int expected) {
        int year = Gs1Date.fullYear(yy, currentYear);

        assertThat(year).isEqualTo(expected);
    }
}
