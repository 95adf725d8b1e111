package io.packcheck.hub.print;

import java.util.Locale;

/**
 * Draws a barcode as SVG: one {@code rect} per run of dark modules in a viewBox measured in modules, sized in
 * millimetres, with crisp edges, so a printer puts every bar edge where the symbology wants it.
 */
public final class BarcodeSvg {

    private BarcodeSvg() {}

    /** An inline {@code <svg>} element; {@code moduleMm} is the printed module (X) width, e.g. 0.33. */
    public static String svg(Barcode barcode, double moduleMm) {
        if (!(moduleMm >= 0.1 && moduleMm <= 5)) {
            throw new IllegalArgumentException("module width must be 0.1 to 5 mm, got " + moduleMm);
        }
        Barcode.Kind kind = barcode.kind();
        int quiet = kind.quietZoneModules();
        int symbolHeight = barcode.barHeightModules();
        int width = barcode.widthWithQuietZone();
        int height = kind.linear()
                ? symbolHeight + (kind.humanReadable() ? BarcodePng.TEXT_HEIGHT_MODULES : 0)
                : symbolHeight + 2 * quiet;
        int top = kind.linear() ? 0 : quiet;
        var svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"barcode\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height)
                .append("\" width=\"").append(mm(width * moduleMm))
                .append("\" height=\"").append(mm(height * moduleMm))
                .append("\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"")
                .append(Html.escape(barcode.content()))
                .append("\" data-content=\"").append(Html.escape(barcode.content()))
                .append("\" data-symbology=\"").append(kind.name())
                .append("\">");
        svg.append("<rect class=\"bg\" x=\"0\" y=\"0\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" fill=\"#fff\"/>");
        svg.append("<g fill=\"#000\">");
        int columns = barcode.modules().getWidth();
        int rows = barcode.modules().getHeight();
        int runHeight = kind.linear() ? symbolHeight : 1;
        for (int y = 0; y < rows; y++) {
            int x = 0;
            while (x < columns) {
                if (!barcode.dark(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < columns && barcode.dark(x, y)) {
                    x++;
                }
                svg.append("<rect x=\"").append(quiet + start).append("\" y=\"").append(top + y)
                        .append("\" width=\"").append(x - start).append("\" height=\"").append(runHeight)
                        .append("\"/>");
            }
        }
        svg.append("</g>");
        if (kind.humanReadable()) {
            svg.append("<text x=\"").append(width / 2.0).append("\" y=\"")
                    .append(symbolHeight + BarcodePng.TEXT_HEIGHT_MODULES - 3)
                    .append("\" font-family=\"DejaVu Sans Mono, Consolas, monospace\" font-size=\"8\"")
                    .append(" text-anchor=\"middle\" fill=\"#000\">")
                    .append(Html.escape(barcode.content()))
                    .append("</text>");
        }
        svg.append("</svg>");
        return svg.toString();
    }

    private static String mm(double value) {
        return String.format(Locale.ROOT, "%.2fmm", value);
    }
}
