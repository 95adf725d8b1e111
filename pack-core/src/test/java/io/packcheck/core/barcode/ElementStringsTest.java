package io.packcheck.core.barcode;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ElementStringsTest {

    private static final String GS = "\u001D";
    private final ElementStrings gs1 = new ElementStrings(
            Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));

    private String invalid(ElementStrings.Result result) {
        assertThat(result).isInstanceOf(ElementStrings.Result.Invalid.class);
        return ((ElementStrings.Result.Invalid) result).reason();
    }

    private ElementStrings.Result.Valid valid(ElementStrings.Result result) {
        assertThat(result).isInstanceOf(ElementStrings.Result.Valid.class);
        return (ElementStrings.Result.Valid) result;
    }

    @Test
    void dayZeroMeansTheLastDayOfTheMonth() {
        assertThat(gs1.date("280200")).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(gs1.date("270200")).isEqualTo(LocalDate.of(2027, 2, 28));
    }

    @Test
    void dayZeroIsRefusedWhereTheAiNeedsARealDay() {
        var reason = invalid(gs1.parse("7003" + "2612001230"));

        assertThat(reason).isEqualTo("AI (7003): day 00 is not allowed here");
    }

    @Test
    void checksTheTimeInAi7003() {
        var reason = invalid(gs1.parse("7003" + "2612312460"));

        assertThat(reason).isEqualTo("AI (7003): 24 is not an hour");
    }

    @Test
    void checksTheMinutesInAi7003() {
        var reason = invalid(gs1.parse("7003" + "2612312360"));

        assertThat(reason).isEqualTo("AI (7003): 60 is not a minute");
    }

    @Test
    void cutsFixedLengthAisThatShouldHaveAGsEvenWithoutOne() {
        var result = valid(gs1.parse("7003" + "2612311230" + "0109501101530003"));

        assertThat(result.ai()).containsEntry("7003", "2612311230").containsEntry("01", "09501101530003");
    }

    @Test
    void reportsAFixedLengthFieldCutShortByGs() {
        var reason = invalid(gs1.parse("01095011015" + GS + "10A"));

        assertThat(reason).isEqualTo("AI (01): 9 characters, expected 14");
    }

    @ParameterizedTest(name = "AI ({0}) {1}")
    @CsvSource({
        "410, 0614141000005",
        "414, 0614141000005",
        "417, 0614141000005",
    })
    void checksTheCheckDigitOfLocationNumbers(String ai, String gln) {
        var good = gs1.parse(ai + gln);
        var bad = gs1.parse(ai + gln.substring(0, 12) + "9");

        assertThat(good).isInstanceOf(ElementStrings.Result.Valid.class);
        assertThat(invalid(bad)).isEqualTo("AI (" + ai + "): check digit 9, expected 5");
    }

    @Test
    void readsGraiWithItsFillerZeroAndOptionalSerial() {
        var withSerial = valid(gs1.parse("8003" + "0" + "0614141000005" + "RTI-77"));
        var reason = invalid(gs1.parse("8003" + "1" + "0614141000005"));

        assertThat(withSerial.ai()).containsEntry("8003", "00614141000005RTI-77");
        assertThat(reason).isEqualTo("AI (8003): the first digit must be 0, got 1");
    }

    @Test
    void checksCset39() {
        var reason = invalid(gs1.parse("8010" + "CP-1a"));

        assertThat(reason).isEqualTo("AI (8010): character 5 'a' is not allowed (GS1 CSET 39)");
        assertThat(gs1.parse("8010" + "CP#1/A")).isInstanceOf(ElementStrings.Result.Valid.class);
    }

    @Test
    void rejectsLettersInANumericAi() {
        var reason = invalid(gs1.parse("30" + "12A"));

        assertThat(reason).isEqualTo("AI (30): character 3 'A' is not allowed (digits)");
    }

    @Test
    void readsTheCountryPrefixOfAi421() {
        var result = valid(gs1.parse("421" + "276" + "10115"));
        var reason = invalid(gs1.parse("421" + "27"));

        assertThat(result.ai()).containsEntry("421", "27610115");
        assertThat(reason).isEqualTo("AI (421): 2 characters, expected 4 to 12");
    }

    @Test
    void givesDecimalAisTheirDecimalPoint() {
        var result = valid(gs1.parse("0109501101530003" + "3103" + "001250" + "3922" + "1999"));

        assertThat(ApplicationIdentifiers.byAi("3103").orElseThrow().decimalValue(result.ai().get("3103")))
                .isEqualTo(new BigDecimal("1.250"));
        assertThat(ApplicationIdentifiers.byAi("3922").orElseThrow().decimalValue(result.ai().get("3922")))
                .isEqualTo(new BigDecimal("19.99"));
        assertThat(ApplicationIdentifiers.byAi("3932").orElseThrow().decimalValue("978" + "1999"))
                .isEqualTo(new BigDecimal("19.99"));
    }

    @Test
    void refusesADecimalPositionGs1DoesNotDefine() {
        var reason = invalid(gs1.parse("3106" + "001250"));

        assertThat(reason).isEqualTo("no GS1 application identifier starts with '3106' (at position 1)");
    }

    @Test
    void rejectsTheSameAiTwiceWithDifferentValues() {
        var reason = invalid(gs1.parse("10A" + GS + "10B"));

        assertThat(reason).isEqualTo("AI (10) appears twice with different values: A and B");
    }

    @Test
    void rebuildsTheElementStringWithGsOnlyWhereNeeded() {
        var result = valid(gs1.parseBracketed("(10)L1(17)270300(21)S9(01)09501101530003"));

        assertThat(result.elementString()).isEqualTo("10L1" + GS + "1727030021S9" + GS + "0109501101530003");
    }

    @Test
    void bracketedValuesMayContainParentheses() {
        var result = valid(gs1.parseBracketed("(10)A(B)C(21)X"));

        assertThat(result.ai()).containsEntry("10", "A(B)C").containsEntry("21", "X");
    }

    @Test
    void rejectsAnUnknownBracketedAi() {
        var reason = invalid(gs1.parseBracketed("(01)09501101530003(26)X"));

        assertThat(reason).isEqualTo("'(26)' at position 19 is not a known GS1 application identifier");
    }

    @Test
    void rejectsAWrongLengthInTheBracketedForm() {
        var reason = invalid(gs1.parseBracketed("(01)0950110153000"));

        assertThat(reason).isEqualTo("AI (01): 13 characters, expected 14");
    }

    @Test
    void coversEveryAiTheIssueAsksFor() {
        String[] required = {"00", "01", "02", "03", "10", "11", "12", "13", "15", "16", "17", "20", "21", "22",
            "240", "241", "242", "250", "251", "30", "3100", "3695", "37", "400", "401", "402", "403", "410", "411",
            "412", "413", "414", "415", "416", "417", "420", "421", "7003", "8003", "8004", "8020", "90", "91", "99"};

        for (String ai : required) {
            assertThat(ApplicationIdentifiers.byAi(ai)).as("AI " + ai).isPresent();
        }
        assertThat(ApplicationIdentifiers.byAi("17").orElseThrow().predefinedLength()).isTrue();
        assertThat(ApplicationIdentifiers.byAi("10").orElseThrow().maxLength()).isEqualTo(20);
        assertThat(ApplicationIdentifiers.byAi("402").orElseThrow().predefinedLength()).isFalse();
    }

    // Format and length of each AI the issue names, from the GS1 General Specifications AI table (section 3.2)
    // and the GS1 Barcode Syntax Dictionary; "fixed" is the predefined-length list (no FNC1 after the field).
    @ParameterizedTest(name = "AI ({0}): {1}, {2} to {3} characters")
    @CsvSource({
        "00,   fixed,    18, 18", "01,   fixed,    14, 14", "02,   fixed,    14, 14", "03,   fixed,    14, 14",
        "10,   variable,  1, 20", "11,   fixed,     6,  6", "12,   fixed,     6,  6", "13,   fixed,     6,  6",
        "15,   fixed,     6,  6", "16,   fixed,     6,  6", "17,   fixed,     6,  6", "20,   fixed,     2,  2",
        "21,   variable,  1, 20", "22,   variable,  1, 20", "240,  variable,  1, 30", "241,  variable,  1, 30",
        "242,  variable,  1,  6", "250,  variable,  1, 30", "251,  variable,  1, 30", "30,   variable,  1,  8",
        "3100, fixed,     6,  6", "3105, fixed,     6,  6", "3303, fixed,     6,  6", "3695, fixed,     6,  6",
        "37,   variable,  1,  8", "400,  variable,  1, 30", "401,  variable,  1, 30", "402,  variable, 17, 17",
        "403,  variable,  1, 30", "410,  fixed,    13, 13", "411,  fixed,    13, 13", "412,  fixed,    13, 13",
        "413,  fixed,    13, 13", "414,  fixed,    13, 13", "415,  fixed,    13, 13", "416,  fixed,    13, 13",
        "417,  fixed,    13, 13", "420,  variable,  1, 20", "421,  variable,  4, 12", "7003, variable, 10, 10",
        "8003, variable, 14, 30", "8004, variable,  1, 30", "8020, variable,  1, 25", "90,   variable,  1, 30",
        "91,   variable,  1, 90", "95,   variable,  1, 90", "99,   variable,  1, 90",
    })
    void definesEachAiTheIssueNamesWithItsGs1Length(String ai, String kind, int min, int max) {
        var def = ApplicationIdentifiers.byAi(ai).orElseThrow();

        assertThat(def.predefinedLength()).as("predefined length").isEqualTo(kind.equals("fixed"));
        assertThat(def.minLength()).as("min length").isEqualTo(min);
        assertThat(def.maxLength()).as("max length").isEqualTo(max);
    }

    @Test
    void everyMeasureAiFrom310nTo369nIsSixDigitsWithItsLastDigitAsDecimals() {
        var measures = ApplicationIdentifiers.all().stream()
                .filter(d -> d.ai().length() == 4 && d.ai().compareTo("3100") >= 0 && d.ai().compareTo("3699") <= 0)
                .toList();

        // 310n-316n, 320n-329n, 330n-337n, 340n-349n, 350n-357n, 360n-369n, n = 0 to 5
        assertThat(measures).hasSize(53 * 6);
        assertThat(measures).allSatisfy(d -> {
            assertThat(d.predefinedLength()).as(d.ai()).isTrue();
            assertThat(d.fixedLength()).as(d.ai()).isTrue();
            assertThat(d.maxLength()).as(d.ai()).isEqualTo(6);
            assertThat(d.decimals()).as(d.ai()).isEqualTo(d.ai().charAt(3) - '0');
        });
    }

    @Test
    void onlyAisInGs1sPredefinedLengthListAreReadWithoutASeparator() {
        // GS1 General Specifications figure 7.8.5-2: the first two digits of every predefined-length AI
        var predefined = java.util.Set.of("00", "01", "02", "03", "04", "11", "12", "13", "14", "15", "16", "17",
                "18", "19", "20", "23", "31", "32", "33", "34", "35", "36", "41");

        assertThat(ApplicationIdentifiers.all()).allSatisfy(d -> assertThat(d.predefinedLength())
                .as("AI (%s) predefined length", d.ai()).isEqualTo(predefined.contains(d.ai().substring(0, 2))));
    }
}
