package io.packcheck.hub.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BarcodeFormat;
import org.junit.jupiter.api.Test;

class BarcodeSvgTest {

    private static final String ENROLMENT_TEXT =
            "PCK-ENROL:1:PACK-07:q8Zr2Lx0_vN-4tYbWc1mKe7a:aHR0cHM6Ly9odWIuZXhhbXBsZS5jb206ODQ0My9wYWNrY2hlY2s";

    @Test
    void qrRectsCoverExactlyTheDarkModulesInsideTheQuietZone() {
        var barcode = Barcodes.qr("enrolment code", ENROLMENT_TEXT);
        var modules = barcode.modules();

        var grid = Scanned.grid(BarcodeSvg.svg(barcode, 1.0));

        assertThat(grid.length).isEqualTo(modules.getHeight() + 8);
        assertThat(grid[0].length).isEqualTo(modules.getWidth() + 8);
        for (int y = 0; y < grid.length; y++) {
            for (int x = 0; x < grid[y].length; x++) {
                boolean inside = x >= 4 && y >= 4 && x < modules.getWidth() + 4 && y < modules.getHeight() + 4;
                boolean expected = inside && modules.get(x - 4, y - 4);
                assertThat(grid[y][x]).as("module %d,%d", x, y).isEqualTo(expected);
            }
        }
    }

    @Test
    void code128BarsMatchTheModulePatternOnEveryBarRow() {
        var barcode = Barcodes.code128("order id", "ORD-10023");
        var modules = barcode.modules();

        var grid = Scanned.grid(BarcodeSvg.svg(barcode, 0.33));

        assertThat(grid[0].length).isEqualTo(modules.getWidth() + 20);
        for (int y = 0; y < grid.length; y++) {
            for (int x = 0; x < grid[y].length; x++) {
                boolean bar = y < barcode.barHeightModules() && x >= 10 && x < modules.getWidth() + 10
                        && modules.get(x - 10, 0);
                assertThat(grid[y][x]).as("module %d,%d", x, y).isEqualTo(bar);
            }
        }
    }

    @Test
    void bothKindsReadBackAfterRasterisingTheRects() {
        var code128 = BarcodeSvg.svg(Barcodes.code128("command", "PCK-CLEAR"), 0.33);
        var qr = BarcodeSvg.svg(Barcodes.qr("enrolment code", ENROLMENT_TEXT), 1.0);

        assertThat(Scanned.decode(Scanned.raster(code128, 2), BarcodeFormat.CODE_128)).isEqualTo("PCK-CLEAR");
        assertThat(Scanned.decode(Scanned.raster(qr, 2), BarcodeFormat.QR_CODE)).isEqualTo(ENROLMENT_TEXT);
    }

    @Test
    void isSizedInMillimetresFromTheModuleWidth() {
        var barcode = Barcodes.qr("enrolment code", "PCK-TEST");
        int side = barcode.modules().getWidth() + 8;

        var svg = BarcodeSvg.svg(barcode, 0.5);

        assertThat(svg).contains(String.format(java.util.Locale.ROOT, "width=\"%.2fmm\" height=\"%.2fmm\"",
                side * 0.5, side * 0.5));
        assertThat(svg).contains("shape-rendering=\"crispEdges\"");
    }

    @Test
    void printsTheTextUnderACode128EscapedForMarkup() {
        var svg = BarcodeSvg.svg(Barcodes.code128("order id", "A<&>\"B"), 0.33);

        assertThat(svg).contains(">A&lt;&amp;&gt;&quot;B</text>");
        assertThat(svg).doesNotContain("A<&>");
    }

    @Test
    void aQrHasNoTextUnderIt() {
        var svg = BarcodeSvg.svg(Barcodes.qr("enrolment code", "PCK-TEST"), 1.0);

        assertThat(svg).doesNotContain("<text");
    }

    @Test
    void refusesAModuleWidthNoPrinterCanHonour() {
        var barcode = Barcodes.code128("order id", "ORD-1");

        assertThatThrownBy(() -> BarcodeSvg.svg(barcode, 0.05))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("module width must be 0.1 to 5 mm, got 0.05");
    }
}
