package io.packcheck.core.barcode;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the characters a scanner sent into a {@link Scan}, or a reason a technician understands.
 *
 * <p>With an AIM symbology identifier ({@code ]cm}) the identifier decides. Without one the data
 * decides: bracketed text {@code (01)...} and data holding or starting with GS are GS1 element
 * strings; 8, 12, 13 or 14 digits are a GTIN (8 digits failing the EAN-8 check but passing as
 * UPC-E are a UPC-E); data starting with AI 00, 01 or 02 that reads completely as GS1 element
 * strings is GS1; anything else is plain data (symbology UNKNOWN). Command codes ({@code PCK-...}),
 * order ids, totes and badges are plain data: the verification rules interpret them.
 */
public final class ScanParser {

    private static final char GS = ElementStrings.GS;
    private static final Map<String, String> NO_AI = Map.of();

    private final Options options;
    private final ElementStrings gs1;

    public ScanParser(Clock clock) {
        this(clock, Options.DEFAULTS);
    }

    public ScanParser(Clock clock, Options options) {
        this.options = options;
        this.gs1 = new ElementStrings(clock);
    }

    /**
     * How the station's scanner is set up.
     *
     * @param code39FullAscii decode Code 39 Full ASCII pairs ({@code +A} is 'a') when the scanner has not;
     *                        without an AIM id only data made of Code 39 characters is decoded, and left
     *                        as it is when it holds a pair that is not Full ASCII
     */
    public record Options(boolean code39FullAscii) {
        public static final Options DEFAULTS = new Options(false);
    }

    /** Parses one scan: ISO-8859-1 characters, AIM prefix if any, GS as U+001D, terminator stripped. */
    public ScanParse parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return new ScanParse.Rejected(raw == null ? "" : raw, "empty scan");
        }
        return raw.charAt(0) == ']' ? withAim(raw) : withoutAim(raw);
    }

    private ScanParse withAim(String raw) {
        if (raw.length() < 3 || !isLetter(raw.charAt(1)) || !isLetterOrDigit(raw.charAt(2))) {
            return reject(raw, "'" + raw.substring(0, Math.min(3, raw.length()))
                    + "' is not an AIM symbology identifier (expected ] then a letter and a modifier)");
        }
        char code = raw.charAt(1);
        char modifier = raw.charAt(2);
        String data = raw.substring(3);
        if (data.isEmpty()) {
            return reject(raw, "no data after the AIM symbology identifier " + raw);
        }
        return switch (code) {
            case 'E' -> eanUpc(raw, modifier, data);
            case 'C' -> modifier == '1' ? gs1(raw, Symbology.GS1_128, data) : plain(raw, Symbology.CODE_128, data);
            case 'A' -> code39(raw, modifier, data);
            case 'I' -> itf(raw, data);
            case 'e' -> gs1(raw, Symbology.GS1_DATABAR, data);
            case 'd' -> modifier == '2' || modifier == '5'
                    ? gs1(raw, Symbology.GS1_DATAMATRIX, data) : plain(raw, Symbology.DATAMATRIX, data);
            case 'Q' -> modifier == '3' || modifier == '4'
                    ? gs1(raw, Symbology.GS1_QR, data) : plain(raw, Symbology.QR, data);
            case 'L' -> plain(raw, Symbology.PDF417, data);
            case 'z' -> plain(raw, Symbology.AZTEC, data);
            default -> plain(raw, Symbology.UNKNOWN, data);
        };
    }

    private ScanParse withoutAim(String raw) {
        char first = raw.charAt(0);
        if (first == '(') {
            return gs1Result(raw, Symbology.GS1_128, gs1.parseBracketed(raw));
        }
        if (first == GS) {
            return gs1(raw, Symbology.GS1_128, raw);
        }
        int n = raw.length();
        if (Gtin.allDigits(raw) && (n == 8 || n == 12 || n == 13 || n == 14)) {
            return gtin(raw, raw, n == 8 ? GtinForm.EAN8_OR_UPCE : GtinForm.ANY, Optional.empty());
        }
        if (looksLikeGs1Key(raw) && gs1.parse(raw) instanceof ElementStrings.Result.Valid v) {
            return gs1Scan(raw, Symbology.GS1_128, v);
        }
        if (raw.indexOf(GS) >= 0) {
            // GS never appears in order, tote or badge codes: this is GS1 data or a damaged scan.
            return gs1(raw, Symbology.GS1_128, raw);
        }
        if (options.code39FullAscii() && Code39.isCode39Text(raw)
                && Code39.decodeFullAscii(raw) instanceof Code39.Result.Decoded d) {
            return plain(raw, Symbology.UNKNOWN, d.text());
        }
        return plain(raw, Symbology.UNKNOWN, raw);
    }

    // AI 00, 01 or 02 followed by its full digit count: too specific to be an order id by chance.
    private static boolean looksLikeGs1Key(String s) {
        if (s.length() < 16 || s.charAt(0) != '0') {
            return false;
        }
        char second = s.charAt(1);
        int keyLength = second == '0' ? 18 : second == '1' || second == '2' ? 14 : -1;
        if (keyLength < 0 || s.length() < 2 + keyLength) {
            return false;
        }
        return Gtin.allDigits(s.subSequence(2, 2 + keyLength));
    }

    private ScanParse eanUpc(String raw, char modifier, String data) {
        switch (modifier) {
            case '0', '4' -> {
                int second = data.indexOf("]E");
                String main = second < 0 ? data : data.substring(0, second);
                Optional<String> addOn = Optional.empty();
                if (second >= 0) {
                    String packet = data.substring(second);
                    String digits = packet.length() > 3 ? packet.substring(3) : "";
                    char m = packet.length() > 2 ? packet.charAt(2) : '?';
                    int expected = m == '1' ? 2 : m == '2' ? 5 : -1;
                    if (expected < 0) {
                        return reject(raw, "'" + packet.substring(0, Math.min(3, packet.length()))
                                + "' after the EAN/UPC data is not an add-on identifier (]E1 or ]E2)");
                    }
                    if (digits.length() != expected || !Gtin.allDigits(digits)) {
                        return reject(raw, "add-on ]E" + m + " must be " + expected + " digits, got '" + digits + "'");
                    }
                    addOn = Optional.of(digits);
                }
                return gtin(raw, main, modifier == '4' ? GtinForm.EAN8 : GtinForm.EAN13_PACKET, addOn);
            }
            case '3' -> {
                int n = data.length();
                int mainLength = n == 15 || n == 18 ? 13 : n == 10 || n == 13 ? 8 : -1;
                if (mainLength < 0 || !Gtin.allDigits(data)) {
                    return reject(raw, "]E3 carries 13 or 8 digits plus a 2 or 5 digit add-on, got '" + data + "'");
                }
                GtinForm form = mainLength == 13 ? GtinForm.EAN13_PACKET : GtinForm.EAN8;
                return gtin(raw, data.substring(0, mainLength), form, Optional.of(data.substring(mainLength)));
            }
            case '1', '2' -> {
                return reject(raw, "an EAN/UPC add-on (]E" + modifier + ") without its main symbol");
            }
            default -> {
                return reject(raw, "]E" + modifier + " is not an EAN/UPC symbology identifier");
            }
        }
    }

    private ScanParse itf(String raw, String data) {
        if (data.length() == 14 && Gtin.allDigits(data)) {
            return gtin(raw, data, GtinForm.ANY, Optional.empty());
        }
        return plain(raw, Symbology.ITF, data);
    }

    private ScanParse code39(String raw, char modifier, String data) {
        boolean checkCharacterSent = modifier == '1' || modifier == '5';
        boolean readerDecodedFullAscii = modifier == '4' || modifier == '5' || modifier == '7';
        String text = data;
        if (checkCharacterSent) {
            if (data.length() < 2) {
                return reject(raw, "Code 39 (]A" + modifier + ") holds only its check character");
            }
            // the reader verified the mod 43 check character; it is not part of the code
            text = data.substring(0, data.length() - 1);
        }
        if (options.code39FullAscii() && !readerDecodedFullAscii) {
            Code39.Result decoded = Code39.decodeFullAscii(text);
            if (decoded instanceof Code39.Result.Invalid i) {
                return reject(raw, i.reason());
            }
            text = ((Code39.Result.Decoded) decoded).text();
        }
        return plain(raw, Symbology.CODE_39, text);
    }

    private ScanParse gs1(String raw, Symbology symbology, String data) {
        return gs1Result(raw, symbology, gs1.parse(data));
    }

    private ScanParse gs1Result(String raw, Symbology symbology, ElementStrings.Result result) {
        if (result instanceof ElementStrings.Result.Invalid i) {
            return reject(raw, i.reason());
        }
        return gs1Scan(raw, symbology, (ElementStrings.Result.Valid) result);
    }

    private ScanParse gs1Scan(String raw, Symbology symbology, ElementStrings.Result.Valid v) {
        Map<String, String> ai = v.ai();
        String key = ai.containsKey("01") ? ai.get("01") : ai.get("02");
        Optional<Gtin> gtin = key == null ? Optional.empty() : Optional.of(new Gtin(key));
        String expiry = ai.get("17");
        Optional<LocalDate> date = expiry == null ? Optional.empty() : Optional.of(gs1.date(expiry));
        return new ScanParse.Parsed(new Scan(raw, symbology, v.elementString(), gtin, ai, date, Optional.empty()));
    }

    private enum GtinForm { ANY, EAN8_OR_UPCE, EAN8, EAN13_PACKET }

    private ScanParse gtin(String raw, String digits, GtinForm form, Optional<String> addOn) {
        int n = digits.length();
        if (!Gtin.allDigits(digits)) {
            return reject(raw, "EAN/UPC data '" + digits + "' contains a character that is not a digit");
        }
        switch (form) {
            case EAN8 -> {
                if (n != 8) {
                    return reject(raw, "EAN-8 has 8 digits, got " + n + " (" + digits + ")");
                }
            }
            case EAN13_PACKET -> {
                // 13 digits per ISO/IEC 15420; some scanners send UPC-A as 12 and UPC-E unexpanded as 8
                if (n == 8) {
                    return upcE(raw, digits, addOn, null);
                }
                if (n != 12 && n != 13) {
                    return reject(raw, "an EAN/UPC packet (]E0) carries 13 digits, got " + n + " (" + digits + ")");
                }
            }
            case EAN8_OR_UPCE -> {
                if (!checkDigitMatches(digits)) {
                    String ean8Problem = "EAN-8 " + digits + ": " + checkDigitProblem(digits);
                    return upcE(raw, digits, addOn, ean8Problem);
                }
            }
            case ANY -> { }
        }
        Symbology symbology = switch (n) {
            case 8 -> Symbology.EAN_8;
            case 12 -> Symbology.UPC_A;
            case 13 -> digits.charAt(0) == '0' ? Symbology.UPC_A : Symbology.EAN_13;
            default -> Symbology.GTIN_14;
        };
        if (!checkDigitMatches(digits)) {
            return reject(raw, symbology.label() + " " + digits + ": " + checkDigitProblem(digits));
        }
        Gtin gtin = new Gtin("00000000000000".substring(n) + digits);
        return new ScanParse.Parsed(new Scan(raw, symbology, digits, Optional.of(gtin), NO_AI, Optional.empty(), addOn));
    }

    private ScanParse upcE(String raw, String digits, Optional<String> addOn, String ean8Problem) {
        Gtin.Result result = Gtin.fromUpcE(digits);
        if (result instanceof Gtin.Result.Invalid i) {
            return reject(raw, ean8Problem == null
                    ? i.reason() : ean8Problem + "; not a UPC-E either (" + i.reason() + ")");
        }
        Gtin gtin = ((Gtin.Result.Valid) result).gtin();
        return new ScanParse.Parsed(new Scan(raw, Symbology.UPC_E, digits, Optional.of(gtin), NO_AI, Optional.empty(), addOn));
    }

    private static boolean checkDigitMatches(String digits) {
        int n = digits.length();
        return Gtin.checkDigit(digits.subSequence(0, n - 1)) == digits.charAt(n - 1) - '0';
    }

    private static String checkDigitProblem(String digits) {
        int n = digits.length();
        return "check digit " + digits.charAt(n - 1) + ", expected " + Gtin.checkDigit(digits.subSequence(0, n - 1));
    }

    private static ScanParse plain(String raw, Symbology symbology, String data) {
        return new ScanParse.Parsed(new Scan(raw, symbology, data, Optional.empty(), NO_AI, Optional.empty(), Optional.empty()));
    }

    private static ScanParse reject(String raw, String reason) {
        return new ScanParse.Rejected(raw, reason);
    }

    private static boolean isLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isLetterOrDigit(char c) {
        return isLetter(c) || (c >= '0' && c <= '9');
    }
}
