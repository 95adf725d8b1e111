package io.packcheck.station.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NciDriverTest {

    private final NciDriver driver = new NciDriver();

    private List<Reading> feed(String text) {
        return driver.accept(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String answer(String weight, String status) {
        return "\n" + weight + "\r\n" + status + "\r\u0003";
    }

    @Test
    void asksWithWAndCr() {
        assertThat(new String(driver.nextRequest().orElseThrow(), StandardCharsets.US_ASCII)).isEqualTo("W\r");
    }

    @ParameterizedTest
    @CsvSource({
        "'  1.25lb',    566.990463",
        "'  0.570kg',   570",
        "'  12.5oz',    354.369039",
        "' 1250g ',     1250",
        "' -0.40lb',    -181.436948",
        "'2lb 3.5oz',   1006.408071",
    })
    void readsAStableWeightInAnyUnitAsGrams(String weight, double grams) {
        assertThat(feed(answer(weight, "00"))).singleElement().isInstanceOfSatisfying(Reading.Stable.class,
                s -> assertThat(s.grams()).isCloseTo(grams, org.assertj.core.data.Offset.offset(1e-5)));
    }

    @Test
    void theMotionBitMakesAMovingReadingWithItsWeight() {
        assertThat(feed(answer("  1.00lb", "10"))).containsExactly(new Reading.Moving(Optional.of(453.59237)));
    }

    @Test
    void joinsAnAnswerArrivingByteByByte() {
        String a = answer("  0.500kg", "20");
        for (int i = 0; i < a.length() - 1; i++) {
            assertThat(feed(a.substring(i, i + 1))).isEmpty();
        }

        assertThat(feed("\u0003")).containsExactly(new Reading.Stable(500));
    }

    @Test
    void readsOverAndUnderCapacityFromTheStatusOrTheWeightField() {
        assertThat(feed(answer("^^^^^^lb", "02"))).containsExactly(new Reading.Fault(Trouble.OVERLOADED));
        assertThat(feed(answer("^^^^^^lb", "00"))).containsExactly(new Reading.Fault(Trouble.OVERLOADED));
        assertThat(feed(answer("______lb", "01"))).containsExactly(new Reading.Fault(Trouble.UNDERLOADED));
        assertThat(feed(answer("- - - -lb", "00"))).containsExactly(new Reading.Fault(Trouble.NOT_ZEROED));
    }

    @Test
    void namesDeviceErrors() {
        assertThat(feed(answer("  0.00lb", "48"))).singleElement().isInstanceOfSatisfying(Reading.Fault.class,
                f -> assertThat(f.reason()).contains("RAM error").contains("faulty calibration"));
    }

    @Test
    void readsAThirdStatusByteWhenTheSecondSaysOne() {
        assertThat(feed(answer("  1.00kg", "0p0"))).containsExactly(new Reading.Stable(1000));
        assertThat(feed(answer("  1.00kg", "0p8"))).containsExactly(new Reading.Fault(Trouble.NOT_ZEROED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n?\r\u0003", "\r?\n"})
    void theUnrecognisedAnswerSaysToSetTheProtocol(String text) {
        assertThat(feed(text)).singleElement().isInstanceOfSatisfying(Reading.Fault.class,
                f -> assertThat(f.reason()).contains("NCI protocol"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n1.25 stones\r\n00\r\u0003", "\n1.25lb\r\nAB\r\u0003", "\n1.25lb\r\n0\r\u0003",
        "\nabc\r\n00\r\u0003", "\u00ff\u0013\u0000\u0003", "\na\r\nb\r\nc\r\n00\r\u0003", "\n1.2.5lb\r\n00\r\u0003"})
    void answersThatCannotBeReadAreAFaultNeverAnException(String text) {
        assertThat(feed(text)).containsExactly(new Reading.Fault(Trouble.UNREADABLE));
    }

    @Test
    void dropsAnAnswerThatNeverEndsAndReadsTheNextOne() {
        assertThat(feed("z".repeat(300))).isEmpty();
        driver.reset();

        assertThat(feed(answer("  2.000kg", "00"))).containsExactly(new Reading.Stable(2000));
    }
}
