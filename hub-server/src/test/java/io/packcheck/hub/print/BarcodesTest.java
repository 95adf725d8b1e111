package io.packcheck.hub.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BarcodeFormat;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BarcodesTest {

    private static final String ENROLMENT_TEXT =
            "PCK-ENROL:1:PACK-07:q8Zr2Lx0_vN-4tYbWc1mKe7a:aHR0cHM6Ly9odWIuZXhhbXBsZS5jb206ODQ0My9wYWNrY2hlY2s";

    private static boolean whiteColumns(BufferedImage image, int fromX, int toX, int fromY, int toY) {
        for (int x = fromX; x < toX; x++) {
            for (int y = fromY; y < toY; y++) {
                if ((image.getRGB(x, y) & 0xff) < 128) {
                    return false;
                }
            }
        }
        return true;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ORD-10023", "0123456789012", "PCK-P-ab12", "PCK-R-DAMAGED", "a<b>&\"c' x", "lower case 42 !#%"})
    void aCode128PngReadsBackAsItsContent(String content) {
        var barcode = Barcodes.code128("order id", content);

        var image = Scanned.png(BarcodePng.png(barcode, 3));

        assertThat(Scanned.decode(image, BarcodeFormat.CODE_128)).isEqualTo(content);
    }

    @Test
    void aQrPngReadsBackAsItsContent() {
        var barcode = Barcodes.qr("enrolment code", ENROLMENT_TEXT);

        var image = Scanned.png(BarcodePng.png(barcode, 4));

        assertThat(Scanned.decode(image, BarcodeFormat.QR_CODE)).isEqualTo(ENROLMENT_TEXT);
    }

    @Test
    void aCode128PngKeepsTenBlankModulesEachSideAndStartsWithABar() {
        var barcode = Barcodes.code128("order id", "ORD-1");
        int ppm = 2;

        var image = Scanned.png(BarcodePng.png(barcode, ppm));

        int barHeight = barcode.barHeightModules() * ppm;
        assertThat(image.getWidth()).isEqualTo((barcode.modules().getWidth() + 20) * ppm);
        assertThat(whiteColumns(image, 0, 10 * ppm, 0, image.getHeight())).isTrue();
        assertThat(whiteColumns(image, image.getWidth() - 10 * ppm, image.getWidth(), 0, image.getHeight())).isTrue();
        assertThat(whiteColumns(image, 10 * ppm, 10 * ppm + 1, 0, barHeight)).isFalse();
    }

    @Test
    void aCode128PngCarriesItsTextUnderTheBars() {
        var barcode = Barcodes.code128("order id", "ORD-1");
        int ppm = 2;

        var image = Scanned.png(BarcodePng.png(barcode, ppm));

        int barsEnd = barcode.barHeightModules() * ppm;
        assertThat(image.getHeight()).isEqualTo(barsEnd + BarcodePng.TEXT_HEIGHT_MODULES * ppm);
        assertThat(whiteColumns(image, 0, image.getWidth(), barsEnd, image.getHeight())).isFalse();
    }

    @Test
    void aQrPngKeepsFourBlankModulesAllRound() {
        var barcode = Barcodes.qr("enrolment code", ENROLMENT_TEXT);
        int ppm = 3;
        int side = barcode.modules().getWidth();

        var image = Scanned.png(BarcodePng.png(barcode, ppm));

        assertThat(image.getWidth()).isEqualTo((side + 8) * ppm).isEqualTo(image.getHeight());
        assertThat(whiteColumns(image, 0, 4 * ppm, 0, image.getHeight())).isTrue();
        assertThat(whiteColumns(image, 0, image.getWidth(), 0, 4 * ppm)).isTrue();
        // the finder pattern's corner is the first module inside the quiet zone
        assertThat(whiteColumns(image, 4 * ppm, 4 * ppm + 1, 4 * ppm, 4 * ppm + 1)).isFalse();
    }

    @Test
    void theBarsOfALinearCodeAreAtLeastFifteenPercentOfItsWidth() {
        var longCode = Barcodes.code128("order id", "X".repeat(40));

        assertThat(longCode.barHeightModules()).isGreaterThanOrEqualTo((int) (0.15 * longCode.widthWithQuietZone()));
        assertThat(Barcodes.code128("order id", "A").barHeightModules()).isEqualTo(40);
    }

    @Test
    void refusesTextAScannerCouldNotSendBackNamingTheField() {
        assertThatThrownBy(() -> Barcodes.code128("order id", "ORD-\u00e91"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("order id 'ORD-\u00e91' has character U+00E9 at position 5; barcodes carry printable ASCII only");
        assertThatThrownBy(() -> Barcodes.code128("order id", "A\tB"))
                .hasMessageContaining("U+0009 at position 2");
        assertThatThrownBy(() -> Barcodes.qr("enrolment code", "PCK-\n"))
                .hasMessageContaining("enrolment code 'PCK-\n' has character U+000A");
    }

    @Test
    void refusesEmptyAndOverlongText() {
        assertThatThrownBy(() -> Barcodes.code128("order id", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("order id is empty; there is nothing to print as a barcode");
        assertThatThrownBy(() -> Barcodes.code128("order id", "1".repeat(49)))
                .hasMessage("order id has 49 characters; at most 48 fit in a printed barcode");
        assertThatThrownBy(() -> Barcodes.qr("enrolment code", "x".repeat(1001)))
                .hasMessage("enrolment code has 1001 characters; at most 1000 fit in a printed barcode");
    }

    @Test
    void refusesAPixelSizeOutsideWhatPrintsWell() {
        var barcode = Barcodes.code128("order id", "ORD-1");

        assertThatThrownBy(() -> BarcodePng.png(barcode, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pixels per module must be 1 to 20, got 0");
    }

    @Test
    void aBarcodeCannotBeChangedThroughItsModules() {
        var barcode = Barcodes.code128("order id", "ORD-1");

        barcode.modules().flip(0, 0);

        assertThat(barcode.dark(0, 0)).isTrue();
    }
}
