package io.packcheck.core.label;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.barcode.Scan;
import io.packcheck.core.barcode.ScanParse;
import io.packcheck.core.barcode.ScanParser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShippingLabelsTest {

    private static final ScanParser PARSER =
            new ScanParser(Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC));

    private static Scan scan(String raw) {
        return ((ScanParse.Parsed) PARSER.parse(raw)).scan();
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
        // spaces, dashes, case
        "1z 999 aa1 01 2345 6784           | 1Z999AA10123456784",
        "7790-1797-2697                    | 779017972697",
        "so-1001                           | SO1001",
        // an SSCC with its AI, in brackets, spaced as printed under the barcode
        "00106141411234567897              | 106141411234567897",
        "(00)106141411234567897            | 106141411234567897",
        "(00) 1 0614141 123456789 7        | 106141411234567897",
        "00 3404 3383 6442 6365 97         | 340433836442636597",
        // an IMpb with its routing part (420 + ZIP or ZIP+4), typed out or bracketed
        "420 78745 9400 1112 0620 6406 2607 87 | 9400111206206406260787",
        "(420)78745(94)00111206206406260787    | 9400111206206406260787",
        "4201002334249200190132607600833457    | 9200190132607600833457",
        // FedEx barcodes listed instead of the number printed under them
        "9611020987654312345672                | 987654312345672",
        "1001921334250001000300779017972697    | 779017972697",
        // tracking numbers stay as they are
        "9400111206206406260787            | 9400111206206406260787",
        "340433836442636597                | 340433836442636597",
        "JJD1410302937991                  | JJD1410302937991",
    })
    void normalisesAListedLabelToItsKey(String listed, String key) {
        assertThat(ShippingLabels.normalise(listed)).isEqualTo(key);
    }

    @Test
    void keepsAListedNumberWhoseCheckDigitIsWrongAsItIs() {
        assertThat(ShippingLabels.normalise("00106141411234567898")).isEqualTo("00106141411234567898");
        assertThat(ShippingLabels.normalise("420 78745 9400 1112 0620 6406 2607 88"))
                .isEqualTo("420787459400111206206406260788");
    }

    @Test
    void normalisesNothingToNothing() {
        assertThat(ShippingLabels.normalise(" - ")).isEmpty();
    }

    @Test
    void aScannedLabelMatchesTheSameLabelAsTheOrderSystemListsIt() {
        var labels = ShippingLabels.standard();

        var impb = labels.recognise(scan("]C142078745\u001D9400111206206406260787")).orElseThrow();
        var sscc = labels.recognise(scan("]C100106141411234567897")).orElseThrow();

        assertThat(ShippingLabels.normalise("420 78745 9400 1112 0620 6406 2607 87")).isEqualTo(impb.trackingNumber());
        assertThat(ShippingLabels.normalise("(00)106141411234567897")).isEqualTo(sscc.trackingNumber());
    }

    @Test
    void keepsTheRawScanOnTheLabel() {
        var label = ShippingLabels.standard().recognise(scan("]C01Z999AA10123456784"));

        assertThat(label).contains(new ShippingLabel(Carrier.UPS, "1Z999AA10123456784", "]C01Z999AA10123456784"));
    }

    @Test
    void takesTheSitePatternsFirstGroupAsTheTrackingNumber() {
        var labels = new ShippingLabels(Optional.of(Pattern.compile("ROUTE/([0-9]{8})/[A-Z]+")));

        var label = labels.recognise(scan("]C0ROUTE/12345678/NORTH"));

        assertThat(label).contains(new ShippingLabel(Carrier.SITE, "12345678", "]C0ROUTE/12345678/NORTH"));
    }

    @Test
    void takesTheWholeMatchWhenTheSitePatternsGroupDidNotTakePart() {
        var labels = new ShippingLabels(Optional.of(Pattern.compile("(?:(X)-)?PKG[0-9]{6}")));

        assertThat(labels.recognise(scan("PKG123456")).map(ShippingLabel::trackingNumber)).contains("PKG123456");
        assertThat(labels.recognise(scan("X-PKG123456")).map(ShippingLabel::trackingNumber)).contains("X");
    }

    @Test
    void aStandardRecogniserKnowsNoSiteLabels() {
        assertThat(ShippingLabels.standard().recognise(scan("TBA123456789012"))).isEmpty();
    }

    @Test
    void tellsAnItfIdentcodeFromACode128FedExNumber() {
        // 428001369716 passes DHL's Identcode check; in Code 128 it is read as a FedEx Express number and fails
        var labels = ShippingLabels.standard();

        assertThat(labels.recognise(scan("]I0428001369716")).map(ShippingLabel::carrier)).contains(Carrier.DHL);
        assertThat(labels.recognise(scan("]C0428001369716"))).isEmpty();
    }

    @Test
    void namesEachCarrierInThePackersWords() {
        assertThat(Carrier.FEDEX.words()).isEqualTo("FedEx");
        assertThat(Carrier.SITE.words()).isEqualTo("site");
    }
}
