package io.packcheck.hub.print;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/** Test side: reads rendered barcodes back the way a scanner would, with zxing's readers. */
public final class Scanned {

    private static final Pattern SVG = Pattern.compile("<svg\\b[^>]*class=\"barcode\".*?</svg>", Pattern.DOTALL);
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern DARK_GROUP = Pattern.compile("<g fill=\"#000\">(.*?)</g>", Pattern.DOTALL);
    private static final Pattern RECT = Pattern.compile(
            "<rect x=\"(\\d+)\" y=\"(\\d+)\" width=\"(\\d+)\" height=\"(\\d+)\"/>");

    private Scanned() {}

    public static BufferedImage png(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes exactly one barcode of the format, failing the test when zxing finds none. */
    public static String decode(BufferedImage image, BarcodeFormat format) {
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        try {
            Result result = new MultiFormatReader().decode(bitmap, Map.of(
                    DecodeHintType.POSSIBLE_FORMATS, List.of(format),
                    DecodeHintType.TRY_HARDER, Boolean.TRUE));
            return result.getText();
        } catch (NotFoundException e) {
            throw new AssertionError("zxing found no " + format + " in the image", e);
        }
    }

    /** Every barcode zxing finds in a larger image, such as a screenshot of a whole page. */
    static List<String> decodeAll(BufferedImage image) {
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        try {
            Result[] results = new GenericMultipleBarcodeReader(new MultiFormatReader()).decodeMultiple(bitmap, Map.of(
                    DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.CODE_128, BarcodeFormat.QR_CODE),
                    DecodeHintType.TRY_HARDER, Boolean.TRUE));
            return Arrays.stream(results).map(Result::getText).toList();
        } catch (NotFoundException e) {
            return List.of();
        }
    }

    /** The inline barcode SVGs of a page, in document order. */
    static List<String> svgs(String html) {
        var found = new ArrayList<String>();
        Matcher m = SVG.matcher(html);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /** The dark-module grid an SVG draws, one cell per viewBox unit, from its rects alone. */
    static boolean[][] grid(String svg) {
        Matcher box = VIEW_BOX.matcher(svg);
        if (!box.find()) {
            throw new AssertionError("SVG has no viewBox in modules: " + svg);
        }
        int width = Integer.parseInt(box.group(1));
        int height = Integer.parseInt(box.group(2));
        boolean[][] cells = new boolean[height][width];
        Matcher group = DARK_GROUP.matcher(svg);
        if (!group.find()) {
            throw new AssertionError("SVG has no group of dark modules");
        }
        Matcher rect = RECT.matcher(group.group(1));
        while (rect.find()) {
            int x = Integer.parseInt(rect.group(1));
            int y = Integer.parseInt(rect.group(2));
            int w = Integer.parseInt(rect.group(3));
            int h = Integer.parseInt(rect.group(4));
            for (int row = y; row < y + h; row++) {
                for (int col = x; col < x + w; col++) {
                    if (cells[row][col]) {
                        throw new AssertionError("two rects overlap at " + col + "," + row);
                    }
                    cells[row][col] = true;
                }
            }
        }
        return cells;
    }

    /** Rasterises an SVG's rects at a whole number of pixels per module, as a printer would place them. */
    static BufferedImage raster(String svg, int pixelsPerModule) {
        boolean[][] cells = grid(svg);
        var image = new BufferedImage(cells[0].length * pixelsPerModule, cells.length * pixelsPerModule,
                BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        for (int y = 0; y < cells.length; y++) {
            for (int x = 0; x < cells[y].length; x++) {
                if (cells[y][x]) {
                    g.fillRect(x * pixelsPerModule, y * pixelsPerModule, pixelsPerModule, pixelsPerModule);
                }
            }
        }
        g.dispose();
        return image;
    }

    /** Every barcode of a page, decoded from its SVG rects. */
    public static List<String> barcodesOf(String html) {
        return svgs(html).stream()
                .map(svg -> decode(raster(svg, 3),
                        svg.contains("data-symbology=\"QR\"") ? BarcodeFormat.QR_CODE : BarcodeFormat.CODE_128))
                .toList();
    }
}
