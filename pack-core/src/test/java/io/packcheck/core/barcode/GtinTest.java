package io.packcheck.core.barcode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GtinTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // GS1 General Specifications examples and well-known published codes
        "96385074, 00000096385074",
        "036000291452, 00036000291452",
        "4006381333931, 04006381333931",
        "5901234123457, 05901234123457",
        "10614141000415, 10614141000415",
    })
    void normalisesEveryLengthToGtin14(String code, String gtin14) {
        var result = Gtin.parse(code);

        assertThat(result).isEqualTo(new Gtin.Result.Valid(new Gtin(gtin14)));
    }

    @Test
    void rejectsAWrongCheckDigitNamingTheExpectedOne() {
        var result = Gtin.parse("4006381333932");

        assertThat(result).isEqualTo(new Gtin.Result.Invalid("GTIN 4006381333932 has check digit 2, expected 1"));
    }

    @ParameterizedTest(name = "UPC-E {0} expands to UPC-A {1}")
    @CsvSource({
        // one per expansion case (last data digit 0-2, 3, 4, 5-9), number systems 0 and 1
        "01234505, 012000003455",
        "04252614, 042100005264",
        "01234531, 012300000451",
        "01234543, 012340000053",
        "01234558, 012345000058",
        "11234502, 112000003452",
        "11234511, 112100003451",
        "11234520, 112200003450",
        "11234538, 112300000458",
        "11234540, 112340000050",
        "11234555, 112345000055",
        "11234593, 112345000093",
    })
    void expandsUpcEToItsUpcA(String upce, String upca) {
        var result = Gtin.fromUpcE(upce);

        assertThat(result).isInstanceOf(Gtin.Result.Valid.class);
        assertThat(((Gtin.Result.Valid) result).gtin().digits()).isEqualTo("00" + upca);
    }

    @Test
    void upcECheckDigitIsTheExpandedUpcAs() {
        assertThat(Gtin.fromUpcE("01234506")).isInstanceOf(Gtin.Result.Invalid.class);
        assertThat(Gtin.fromUpcE("11234505")).isEqualTo(new Gtin.Result.Invalid("UPC-E 11234505 has check digit 5, expected 2"));
    }

    @ParameterizedTest(name = "number system {0}")
    @CsvSource({"2", "3", "5", "9"})
    void upcEHasOnlyNumberSystemsZeroAndOne(String ns) {
        var result = Gtin.fromUpcE(ns + "1234505");

        assertThat(result).isEqualTo(new Gtin.Result.Invalid(
                "UPC-E '" + ns + "1234505' has number system " + ns + "; only 0 and 1 exist"));
    }

    @Test
    void checkDigitsOfTheGs1GeneralSpecificationsExample() {
        // GS1 General Specifications, check digit calculation (figure 7.9.1-2): GTIN-13 629104150021 -> 3,
        // SSCC 37610425002123456 -> 9
        assertThat(Gtin.checkDigit("629104150021")).isEqualTo(3);
        assertThat(Gtin.checkDigit("37610425002123456")).isEqualTo(9);
    }

    @Test
    void aCatalogCodeOfEightDigitsFailingEan8IsReadAsUpcE() {
        assertThat(Gtin.tryParse("04252614")).contains(new Gtin("00042100005264"));
        assertThat(Gtin.tryParse("96385074")).contains(new Gtin("00000096385074"));
        assertThat(Gtin.tryParse("12345678")).isEmpty();
        assertThat(Gtin.tryParse("SKU-1")).isEmpty();
    }
}
