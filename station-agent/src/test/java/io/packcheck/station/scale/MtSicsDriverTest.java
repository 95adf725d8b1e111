package io.packcheck.station.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MtSicsDriverTest {

    private final MtSicsDriver driver = new MtSicsDriver();

    private List<Reading> feed(String text) {
        return driver.accept(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void asksForAStableWeightWithSAndCrLf() {
        assertThat(driver.nextRequest()).hasValueSatisfying(r -> assertThat(new String(r, StandardCharsets.US_ASCII)).isEqualTo("S\r\n"));
    }

    @ParameterizedTest
    @CsvSource({
        "'S S     123.4 g',   123.4",
        "'S S      1.234 kg', 1234",
        "'S S     -0.5 g',    -0.5",
        "'S S      2.50 lb',  1133.980925",
        "'S S      3.0 oz',   85.048569",
        "'S S   1500 mg',     1.5",
    })
    void readsAStableWeightInAnyUnitAsGrams(String line, double grams) {
        assertThat(feed(line + "\r\n")).containsExactly(new Reading.Stable(grams));
    }

    @Test
    void joinsAnAnswerArrivingInPieces() {
        assertThat(feed("S S    ")).isEmpty();
        assertThat(feed(" 12.0 g\r")).isEmpty();

        assertThat(feed("\n")).containsExactly(new Reading.Stable(12.0));
    }

    @Test
    void afterBusyAsksForTheImmediateWeightAndThenForAStableOneAgain() {
        assertThat(feed("S I\r\n")).containsExactly(new Reading.Moving(Optional.empty()));

        assertThat(new String(driver.nextRequest().orElseThrow(), StandardCharsets.US_ASCII)).isEqualTo("SI\r\n");
        assertThat(feed("S D     118.2 g\r\n")).containsExactly(new Reading.Moving(Optional.of(118.2)));
        assertThat(new String(driver.nextRequest().orElseThrow(), StandardCharsets.US_ASCII)).isEqualTo("S\r\n");
    }

    @Test
    void reportsOverloadAndUnderloadInPlainWords() {
        assertThat(feed("S +\r\nS -\r\n")).containsExactly(new Reading.Fault("the scale is overloaded: take the weight off"),
                new Reading.Fault("the scale reads below zero: clear it and press ZERO"));
    }

    @ParameterizedTest
    @CsvSource({"ES, set its interface to MT-SICS", "ET, transmission error", "EL, logical error"})
    void reportsCommandErrors(String answer, String reason) {
        assertThat(feed(answer + "\r\n")).singleElement().isInstanceOfSatisfying(Reading.Fault.class,
                f -> assertThat(f.reason()).contains(reason));
    }

    @ParameterizedTest
    @ValueSource(strings = {"S S 12,5 g", "S S", "S S 12.5", "S S 12.5 stone", "S Q 1 g", "\u0000\u00ff\u0013"})
    void answersThatCannotBeReadAreAFaultNeverAnException(String line) {
        assertThat(feed(line + "\r\n")).containsExactly(new Reading.Fault(Trouble.UNREADABLE));
    }

    @Test
    void ignoresAnswersToOtherCommands() {
        assertThat(feed("I4 A \"B123456789\"\r\n\r\n")).isEmpty();
    }

    @Test
    void dropsAnOverlongLineAndReadsTheNextOne() {
        assertThat(feed("x".repeat(500))).isEmpty();

        assertThat(feed("yyy\r\nS S 5.0 g\r\n")).containsExactly(new Reading.Stable(5.0));
    }

    private String request() {
        return new String(driver.nextRequest().orElseThrow(), StandardCharsets.US_ASCII);
    }

    @Test
    void aWeighingWithNothingUnansweredSendsNothingFirst() {
        request();
        feed("S S 1.0 g\r\n");

        assertThat(driver.startWeighing()).isEmpty();
    }

    @Test
    void aWeighingAfterAnUnansweredRequestCancelsItAndSkipsItsLateAnswer() {
        request();

        assertThat(driver.startWeighing()).hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.US_ASCII)).isEqualTo("@\r\n"));
        assertThat(request()).isEqualTo("S\r\n");
        assertThat(feed("S S     100.0 g\r\n")).isEmpty();
        assertThat(feed("I4 A \"0123456789\"\r\n")).isEmpty();
        assertThat(feed("S S     200.0 g\r\n")).containsExactly(new Reading.Stable(200.0));
    }

    @Test
    void stopsSkippingWhenTheBalanceNeverAnswersTheCancel() {
        request();
        driver.startWeighing();
        request();
        assertThat(feed("S S 1.0 g\r\n")).isEmpty();

        request();

        assertThat(feed("S S 2.0 g\r\n")).containsExactly(new Reading.Stable(2.0));
    }

    @Test
    void forgetsAHalfAnswerOnReset() {
        feed("S S   99");
        driver.reset();

        assertThat(feed("S S 1.0 g\r\n")).containsExactly(new Reading.Stable(1.0));
    }
}
