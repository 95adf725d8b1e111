package io.packcheck.hub.print;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Draws a barcode as a black-on-white PNG with whole pixels per module, so no bar is blurred by scaling. */
public final class BarcodePng {

    /** Text under a linear code, in modules. */
    static final int TEXT_HEIGHT_MODULES = 12;

    private BarcodePng() {}

    /** PNG bytes; {@code pixelsPerModule} of 3 or more prints well at 300 dpi. */
    public static byte[] png(Barcode barcode, int pixelsPerModule) {
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image(barcode, pixelsPerModule), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a PNG to memory failed", e);
        }
        return out.toByteArray();
    }

    /** The image itself, for callers that compose it further. */
    public static BufferedImage image(Barcode barcode, int pixelsPerModule) {
        if (pixelsPerModule < 1 || pixelsPerModule > 20) {
            throw new IllegalArgumentException("pixels per module must be 1 to 20, got " + pixelsPerModule);
        }
        Barcode.Kind kind = barcode.kind();
        int quiet = kind.quietZoneModules();
        int symbolHeight = barcode.barHeightModules();
        int widthModules = barcode.widthWithQuietZone();
        int heightModules = kind.linear()
                ? symbolHeight + (kind.humanReadable() ? TEXT_HEIGHT_MODULES : 0)
                : symbolHeight + 2 * quiet;
        int top = kind.linear() ? 0 : quiet;
        var image = new BufferedImage(widthModules * pixelsPerModule, heightModules * pixelsPerModule,
                BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.BLACK);
            int columns = barcode.modules().getWidth();
            int rows = barcode.modules().getHeight();
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < columns; x++) {
                    if (barcode.dark(x, y)) {
                        int height = kind.linear() ? symbolHeight : 1;
                        g.fillRect((quiet + x) * pixelsPerModule, (top + y) * pixelsPerModule,
                                pixelsPerModule, height * pixelsPerModule);
                    }
                }
            }
            if (kind.humanReadable()) {
                drawText(g, barcode.content(), image.getWidth(), symbolHeight * pixelsPerModule,
                        TEXT_HEIGHT_MODULES * pixelsPerModule);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void drawText(Graphics2D g, String text, int width, int top, int height) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, Math.max(8, height * 2 / 3)));
        FontMetrics metrics = g.getFontMetrics();
        int x = Math.max(0, (width - metrics.stringWidth(text)) / 2);
        g.drawString(text, x, top + (height + metrics.getAscent() - metrics.getDescent()) / 2);
    }
}
