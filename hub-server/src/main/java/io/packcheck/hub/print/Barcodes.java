package io.packcheck.hub.print;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/** Encodes text as Code 128 or QR with zxing, refusing text a station could not read back as printed. */
public final class Barcodes {

    /** Longer Code 128 symbols no longer fit across a pack slip at a scannable module width. */
    public static final int MAX_CODE_128_LENGTH = 48;
    public static final int MAX_QR_LENGTH = 1000;

    private Barcodes() {}

    /** A Code 128 symbol; the what names the field in the error, e.g. "order id". */
    public static Barcode code128(String what, String content) {
        checkPrintableAscii(what, content, MAX_CODE_128_LENGTH);
        boolean[] bars = new Code128Writer().encode(content);
        BitMatrix row = new BitMatrix(bars.length, 1);
        for (int x = 0; x < bars.length; x++) {
            if (bars[x]) {
                row.set(x, 0);
            }
        }
        return new Barcode(Barcode.Kind.CODE_128, content, row);
    }

    /** A QR symbol at error correction level M, which survives a crease or a smudge on a printed sheet. */
    public static Barcode qr(String what, String content) {
        checkPrintableAscii(what, content, MAX_QR_LENGTH);
        try {
            // no CHARACTER_SET hint: ASCII in byte mode needs no ECI header, which some scanners pass on as text
            BitMatrix matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
            return new Barcode(Barcode.Kind.QR, content, matrix);
        } catch (WriterException e) {
            throw new IllegalArgumentException(what + " cannot be encoded as QR: " + e.getMessage(), e);
        }
    }

    // Scanners in their default setup send ASCII reliably; anything else depends on code pages per model.
    private static void checkPrintableAscii(String what, String content, int maxLength) {
        if (content == null || content.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty; there is nothing to print as a barcode");
        }
        if (content.length() > maxLength) {
            throw new IllegalArgumentException(what + " has " + content.length() + " characters; at most "
                    + maxLength + " fit in a printed barcode");
        }
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException(String.format(
                        "%s '%s' has character U+%04X at position %d; barcodes carry printable ASCII only",
                        what, content, (int) c, i + 1));
            }
        }
    }
}
