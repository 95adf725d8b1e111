package io.packcheck.core.barcode;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScanParserTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private static final String GS = "\u001D";

    private final ScanParser parser = new ScanParser(TODAY);

    private Scan parsed(String raw) {
        ScanParse result = parser.parse(raw);
        assertThat(result).isInstanceOf(ScanParse.Parsed.class);
        return ((ScanParse.Parsed) result).scan();
    }

    private String rejection(ScanParser p, String raw) {
        ScanParse result = p.parse(raw);
        assertThat(result).isInstanceOf(ScanParse.Rejected.class);
        return ((ScanParse.Rejected) result).reason();
    }

    private String rejection(String raw) {
        return rejection(parser, raw);
    }

    @Test
    void readsAnEan13WithItsAimIdentifier() {
        var scan = parsed("]E04006381333931");

        assertThat(scan.symbology()).isEqualTo(Symbology.EAN_13);
        assertThat(scan.gtin()).contains(new Gtin("04006381333931"));
        assertThat(scan.data()).isEqualTo("4006381333931");
        assertThat(scan.ai()).isEmpty();
    }

    @Test
    void rejectsAWrongEanCheckDigitNamingTheExpectedOne() {
        var reason = rejection("]E04006381333932");

        assertThat(reason).isEqualTo("EAN-13 4006381333932: check digit 2, expected 1");
    }

    @Test
    void callsAThirteenDigitPacketWithLeadingZeroUpcA() {
        var scan = parsed("]E00036000291452");

        assertThat(scan.symbology()).isEqualTo(Symbology.UPC_A);
        assertThat(scan.gtin()).contains(new Gtin("00036000291452"));
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
        "96385074, EAN_8, 00000096385074",
        "036000291452, UPC_A, 00036000291452",
        "5901234123457, EAN_13, 05901234123457",
        "10614141000415, GTIN_14, 10614141000415",
    })
    void infersTheGtinFormFromTheDigitCountWithoutAim(String raw, Symbology symbology, String gtin) {
        var scan = parsed(raw);

        assertThat(scan.symbology()).isEqualTo(symbology);
        assertThat(scan.gtin()).contains(new Gtin(gtin));
    }

    @Test
    void eightDigitsFailingEan8ButValidAsUpcEAreAUpcE() {
        var scan = parsed("04252614");

        assertThat(scan.symbology()).isEqualTo(Symbology.UPC_E);
        assertThat(scan.gtin()).contains(new Gtin("00042100005264"));
    }

    @Test
    void eightDigitsValidAsBothAreAnEan8WithoutAimButAUpcEUnderE0() {
        var withoutAim = parsed("01234565");
        var withAim = parsed("]E001234565");

        assertThat(withoutAim.symbology()).isEqualTo(Symbology.EAN_8);
        assertThat(withAim.symbology()).isEqualTo(Symbology.UPC_E);
        assertThat(withAim.gtin()).contains(new Gtin("00012345000065"));
    }

    @Test
    void eightDigitsValidAsNeitherAreRejectedWithBothReasons() {
        var reason = rejection("12345678");

        assertThat(reason).isEqualTo("EAN-8 12345678: check digit 8, expected 0; "
                + "not a UPC-E either (UPC-E 12345678 has check digit 8, expected 0)");
    }

    @Test
    void anE4PacketIsAnEan8Only() {
        var reason = rejection("]E404252614");

        assertThat(reason).isEqualTo("EAN-8 04252614: check digit 4, expected " + Gtin.checkDigit("0425261"));
    }

    @Test
    void readsAnEanWithAFiveDigitAddOnSentAsSecondAimPacket() {
        var scan = parsed("]E09780306406157]E290000");

        assertThat(scan.symbology()).isEqualTo(Symbology.EAN_13);
        assertThat(scan.gtin()).contains(new Gtin("09780306406157"));
        assertThat(scan.addOn()).contains("90000");
        assertThat(scan.data()).isEqualTo("9780306406157");
    }

    @Test
    void readsATwoDigitAddOnInACombinedE3Packet() {
        var scan = parsed("]E3590123412345712");

        assertThat(scan.gtin()).contains(new Gtin("05901234123457"));
        assertThat(scan.addOn()).contains("12");
    }

    @Test
    void rejectsAnAddOnWithTheWrongNumberOfDigits() {
        var reason = rejection("]E05901234123457]E21234");

        assertThat(reason).isEqualTo("add-on ]E2 must be 5 digits, got '1234'");
    }

    @Test
    void rejectsAnAddOnWithoutItsMainSymbol() {
        var reason = rejection("]E112");

        assertThat(reason).isEqualTo("an EAN/UPC add-on (]E1) without its main symbol");
    }

    @Test
    void readsGs1128WithGtinExpiryAndLot() {
        var scan = parsed("]C10109501101530003171407041" + "0AB-123");

        assertThat(scan.symbology()).isEqualTo(Symbology.GS1_128);
        assertThat(scan.gtin()).contains(new Gtin("09501101530003"));
        assertThat(scan.expiry()).contains(LocalDate.of(2014, 7, 4));
        assertThat(scan.lot()).contains("AB-123");
        assertThat(scan.ai()).containsExactly(
                Map.entry("01", "09501101530003"), Map.entry("17", "140704"), Map.entry("10", "AB-123"));
    }

    @Test
    void splitsVariableLengthFieldsOnGs() {
        var scan = parsed("]d2" + "0109501101530003" + "10LOT7" + GS + "21SN0042" + GS + "17270300");

        assertThat(scan.symbology()).isEqualTo(Symbology.GS1_DATAMATRIX);
        assertThat(scan.lot()).contains("LOT7");
        assertThat(scan.serial()).contains("SN0042");
        assertThat(scan.expiry()).contains(LocalDate.of(2027, 3, 31));
    }

    @Test
    void takesTheGtinFromAi02WhenThereIsNoAi01() {
        var scan = parsed("]C1" + "00106141411234567897" + "0209501101530003" + "3712");

        assertThat(scan.gtin()).contains(new Gtin("09501101530003"));
        assertThat(scan.ai()).containsEntry("00", "106141411234567897").containsEntry("37", "12");
    }

    @Test
    void rejectsAMonthThatDoesNotExist() {
        var reason = rejection("]C10109501101530003171313" + "01");

        assertThat(reason).isEqualTo("AI (17): 13 is not a month");
    }

    @Test
    void rejectsADayTheMonthDoesNotHave() {
        var reason = rejection("]C1" + "0109501101530003" + "17270230");

        assertThat(reason).isEqualTo("AI (17): 30 is not a day of 2027-02");
    }

    @Test
    void rejectsAWrongGtinCheckDigitInsideGs1Data() {
        var reason = rejection("]C1" + "0109501101530004");

        assertThat(reason).isEqualTo("AI (01): check digit 4, expected 3");
    }

    @Test
    void rejectsATooLongVariableFieldHintingAtAMissingGs() {
        var reason = rejection("]C1" + "10" + "ABCDEFGHIJKLMNOPQRSTU");

        assertThat(reason).isEqualTo("AI (10): 21 characters, expected 1 to 20 (is a GS separator missing?)");
    }

    @Test
    void rejectsACharacterOutsideCset82() {
        var reason = rejection("]C1" + "21AB#1");

        assertThat(reason).isEqualTo("AI (21): character 3 '#' is not allowed (GS1 CSET 82)");
    }

    @Test
    void rejectsAnUnknownApplicationIdentifier() {
        var reason = rejection("]C1" + "0109501101530003" + "2612");

        assertThat(reason).isEqualTo("no GS1 application identifier starts with '2612' (at position 17)");
    }

    @Test
    void readsTheBracketedFormTypedByAPerson() {
        var scan = parsed("(01)09501101530003(17)140704(10)AB-123");

        assertThat(scan.symbology()).isEqualTo(Symbology.GS1_128);
        assertThat(scan.gtin()).contains(new Gtin("09501101530003"));
        assertThat(scan.data()).isEqualTo("01095011015300031714070410AB-123");
    }

    @Test
    void readsGs1WithoutAimWhenItStartsWithAGtinAndReadsCompletely() {
        var scan = parsed("0109501101530003" + "10AB-123" + GS + "21X1");

        assertThat(scan.symbology()).isEqualTo(Symbology.GS1_128);
        assertThat(scan.serial()).contains("X1");
    }

    @Test
    void keepsCode128DataPlainForTheRulesToInterpret() {
        var scan = parsed("]C0PCK-CLEAR");

        assertThat(scan.symbology()).isEqualTo(Symbology.CODE_128);
        assertThat(scan.data()).isEqualTo("PCK-CLEAR");
        assertThat(scan.gtin()).isEmpty();
        assertThat(scan.ai()).isEmpty();
    }

    @Test
    void keepsAllDigitOrderIdsUnderC0AsPlainData() {
        var scan = parsed("]C04006381333932");

        assertThat(scan.symbology()).isEqualTo(Symbology.CODE_128);
        assertThat(scan.gtin()).isEmpty();
    }

    @Test
    void plainDataWithoutAimHasUnknownSymbology() {
        var scan = parsed("SO-100234");

        assertThat(scan.symbology()).isEqualTo(Symbology.UNKNOWN);
        assertThat(scan.data()).isEqualTo("SO-100234");
    }

    @Test
    void decodesCode39FullAsciiWhenConfigured() {
        var fullAscii = new ScanParser(TODAY, new ScanParser.Options(true));

        var scan = ((ScanParse.Parsed) fullAscii.parse("]A0T+O+T+E-7")).scan();

        assertThat(scan.symbology()).isEqualTo(Symbology.CODE_39);
        assertThat(scan.data()).isEqualTo("Tote-7");
    }

    @Test
    void leavesCode39AloneWhenTheReaderAlreadyDecodedFullAscii() {
        var fullAscii = new ScanParser(TODAY, new ScanParser.Options(true));

        var scan = ((ScanParse.Parsed) fullAscii.parse("]A4A+B")).scan();

        assertThat(scan.data()).isEqualTo("A+B");
    }

    @Test
    void rejectsAnInvalidFullAsciiPairUnderACode39Identifier() {
        var fullAscii = new ScanParser(TODAY, new ScanParser.Options(true));

        var reason = rejection(fullAscii, "]A0AB/5");

        assertThat(reason).isEqualTo("Code 39 Full ASCII: '/5' at position 3 is not a Full ASCII pair");
    }

    @Test
    void dropsATransmittedCode39CheckCharacter() {
        var scan = parsed("]A1ORDER42X");

        assertThat(scan.data()).isEqualTo("ORDER42");
    }

    @Test
    void readsItf14AsAGtin14() {
        var scan = parsed("]I010614141000415");

        assertThat(scan.symbology()).isEqualTo(Symbology.GTIN_14);
        assertThat(scan.gtin()).contains(new Gtin("10614141000415"));
    }

    @Test
    void mapsGs1QrAndDataBarIdentifiers() {
        assertThat(parsed("]Q3" + "0109501101530003").symbology()).isEqualTo(Symbology.GS1_QR);
        assertThat(parsed("]e0" + "0109501101530003").symbology()).isEqualTo(Symbology.GS1_DATABAR);
        assertThat(parsed("]Q1https://example.com/o/1").symbology()).isEqualTo(Symbology.QR);
        assertThat(parsed("]d1TOTE-9").symbology()).isEqualTo(Symbology.DATAMATRIX);
    }

    @Test
    void rejectsAnEmptyScanAndAnAimIdWithoutData() {
        assertThat(rejection("")).isEqualTo("empty scan");
        assertThat(rejection("]C0")).isEqualTo("no data after the AIM symbology identifier ]C0");
    }

    @Test
    void rejectsGsInDataThatIsNotGs1() {
        var reason = rejection("AB" + GS + "CD");

        assertThat(reason).isEqualTo("no GS1 application identifier starts with 'AB' (at position 1)");
    }

    @Test
    void keepsTheRawScanInTheResult() {
        var raw = "]C1" + "0109501101530003";

        assertThat(parser.parse(raw).raw()).isEqualTo(raw);
        assertThat(parser.parse("]E04006381333932").raw()).isEqualTo("]E04006381333932");
    }

    @Test
    void resolvesTheExpiryCenturyAgainstTheInjectedClock() {
        var in2095 = new ScanParser(Clock.fixed(Instant.parse("2095-01-01T00:00:00Z"), ZoneOffset.UTC));

        var scan = ((ScanParse.Parsed) in2095.parse("]C1" + "0109501101530003" + "17140704")).scan();

        assertThat(scan.expiry()).isEqualTo(Optional.of(LocalDate.of(2114, 7, 4)));
    }
}
