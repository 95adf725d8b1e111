package io.packcheck.core.barcode;

import io.packcheck.core.barcode.ApplicationIdentifier.Charset;
import io.packcheck.core.barcode.ApplicationIdentifier.Component;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The table of GS1 Application Identifiers the station understands; the element string parser
 * is driven by it alone. Entries use the notation of the GS1 Barcode Syntax Dictionary
 * (github.com/gs1/gs1-syntax-dictionary): {@code *} marks a predefined-length AI (no GS after it),
 * {@code N} digits, {@code X} CSET 82, {@code Y} CSET 39, {@code N6} exactly six, {@code X..20} one
 * to twenty, {@code [..]} an optional last part, {@code ,csum ,yymmd0 ,yymmdd ,hhmm ,zero} checks,
 * {@code dec} a decimal AI whose last digit is the number of decimal places.
 */
public final class ApplicationIdentifiers {

    private static final String TABLE = """
            00        * N18,csum                 # SSCC
            01        * N14,csum                 # GTIN
            02        * N14,csum                 # CONTENT
            03        * N14,csum                 # MTO GTIN
            10          X..20                    # BATCH/LOT
            11        * N6,yymmd0                # PROD DATE
            12        * N6,yymmd0                # DUE DATE
            13        * N6,yymmd0                # PACK DATE
            15        * N6,yymmd0                # BEST BEFORE or BEST BY
            16        * N6,yymmd0                # SELL BY
            17        * N6,yymmd0                # USE BY or EXPIRY
            20        * N2                       # VARIANT
            21          X..20                    # SERIAL
            22          X..20                    # CPV
            240         X..30                    # ADDITIONAL ID
            241         X..30                    # CUST. PART No.
            242         N..6                     # MTO VARIANT
            250         X..30                    # SECONDARY SERIAL
            251         X..30                    # REF. TO SOURCE
            30          N..8                     # VAR. COUNT
            3100-3105 * N6 dec                   # NET WEIGHT (kg)
            3110-3115 * N6 dec                   # LENGTH (m)
            3120-3125 * N6 dec                   # WIDTH (m)
            3130-3135 * N6 dec                   # HEIGHT (m)
            3140-3145 * N6 dec                   # AREA (m2)
            3150-3155 * N6 dec                   # NET VOLUME (l)
            3160-3165 * N6 dec                   # NET VOLUME (m3)
            3200-3205 * N6 dec                   # NET WEIGHT (lb)
            3210-3215 * N6 dec                   # LENGTH (in)
            3220-3225 * N6 dec                   # LENGTH (ft)
            3230-3235 * N6 dec                   # LENGTH (yd)
            3240-3245 * N6 dec                   # WIDTH (in)
            3250-3255 * N6 dec                   # WIDTH (ft)
            3260-3265 * N6 dec                   # WIDTH (yd)
            3270-3275 * N6 dec                   # HEIGHT (in)
            3280-3285 * N6 dec                   # HEIGHT (ft)
            3290-3295 * N6 dec                   # HEIGHT (yd)
            3300-3305 * N6 dec                   # GROSS WEIGHT (kg)
            3310-3315 * N6 dec                   # LENGTH (m), log
            3320-3325 * N6 dec                   # WIDTH (m), log
            3330-3335 * N6 dec                   # HEIGHT (m), log
            3340-3345 * N6 dec                   # AREA (m2), log
            3350-3355 * N6 dec                   # VOLUME (l), log
            3360-3365 * N6 dec                   # VOLUME (m3), log
            3370-3375 * N6 dec                   # KG PER m2
            3400-3405 * N6 dec                   # GROSS WEIGHT (lb)
            3410-3415 * N6 dec                   # LENGTH (in), log
            3420-3425 * N6 dec                   # LENGTH (ft), log
            3430-3435 * N6 dec                   # LENGTH (yd), log
            3440-3445 * N6 dec                   # WIDTH (in), log
            3450-3455 * N6 dec                   # WIDTH (ft), log
            3460-3465 * N6 dec                   # WIDTH (yd), log
            3470-3475 * N6 dec                   # HEIGHT (in), log
            3480-3485 * N6 dec                   # HEIGHT (ft), log
            3490-3495 * N6 dec                   # HEIGHT (yd), log
            3500-3505 * N6 dec                   # AREA (in2)
            3510-3515 * N6 dec                   # AREA (ft2)
            3520-3525 * N6 dec                   # AREA (yd2)
            3530-3535 * N6 dec                   # AREA (in2), log
            3540-3545 * N6 dec                   # AREA (ft2), log
            3550-3555 * N6 dec                   # AREA (yd2), log
            3560-3565 * N6 dec                   # NET WEIGHT (t oz)
            3570-3575 * N6 dec                   # NET VOLUME (oz)
            3600-3605 * N6 dec                   # NET VOLUME (qt)
            3610-3615 * N6 dec                   # NET VOLUME (gal.)
            3620-3625 * N6 dec                   # VOLUME (qt), log
            3630-3635 * N6 dec                   # VOLUME (gal.), log
            3640-3645 * N6 dec                   # VOLUME (in3)
            3650-3655 * N6 dec                   # VOLUME (ft3)
            3660-3665 * N6 dec                   # VOLUME (yd3)
            3670-3675 * N6 dec                   # VOLUME (in3), log
            3680-3685 * N6 dec                   # VOLUME (ft3), log
            3690-3695 * N6 dec                   # VOLUME (yd3), log
            37          N..8                     # COUNT
            3900-3909   N..15 dec                # AMOUNT
            3910-3919   N3 N..15 dec             # AMOUNT
            3920-3929   N..15 dec                # PRICE
            3930-3939   N3 N..15 dec             # PRICE
            400         X..30                    # ORDER NUMBER
            401         X..30                    # GINC
            402         N17,csum                 # GSIN
            403         X..30                    # ROUTE
            410       * N13,csum                 # SHIP TO LOC
            411       * N13,csum                 # BILL TO
            412       * N13,csum                 # PURCHASE FROM
            413       * N13,csum                 # SHIP FOR LOC
            414       * N13,csum                 # LOC No.
            415       * N13,csum                 # PAY TO
            416       * N13,csum                 # PROD/SERV LOC
            417       * N13,csum                 # PARTY
            420         X..20                    # SHIP TO POST
            421         N3 X..9                  # SHIP TO POST
            422         N3                       # ORIGIN
            7003        N6,yymmdd N4,hhmm        # EXPIRY TIME
            8003        N1,zero N13,csum [X..16] # GRAI
            8004        X..30                    # GIAI
            8010        Y..30                    # CPID
            8020        X..25                    # REF No.
            90          X..30                    # INTERNAL
            91-99       X..90                    # INTERNAL
            """;

    private static final ApplicationIdentifier[] BY_TWO = new ApplicationIdentifier[100];
    private static final ApplicationIdentifier[] BY_THREE = new ApplicationIdentifier[1000];
    private static final ApplicationIdentifier[] BY_FOUR = new ApplicationIdentifier[10000];
    private static final Map<String, ApplicationIdentifier> ALL = new LinkedHashMap<>();

    static {
        for (String line : TABLE.split("\n")) {
            if (!line.isBlank()) {
                define(line);
            }
        }
    }

    private ApplicationIdentifiers() {}

    /** The definition of this exact AI, e.g. {@code "17"} or {@code "3103"}. */
    public static Optional<ApplicationIdentifier> byAi(String ai) {
        return Optional.ofNullable(ALL.get(ai));
    }

    /** Every defined AI, in table order. */
    public static Collection<ApplicationIdentifier> all() {
        return Collections.unmodifiableCollection(ALL.values());
    }

    /**
     * The AI that starts at {@code pos}, found by its digits alone (GS1 AIs are prefix-free),
     * or null when the text there starts no known AI. Allocation-free for the scan hot path.
     */
    static ApplicationIdentifier at(CharSequence s, int pos) {
        int n = s.length();
        int value = 0;
        for (int len = 1; len <= 4 && pos + len <= n; len++) {
            char c = s.charAt(pos + len - 1);
            if (c < '0' || c > '9') {
                return null;
            }
            value = value * 10 + (c - '0');
            ApplicationIdentifier found = switch (len) {
                case 2 -> BY_TWO[value];
                case 3 -> BY_THREE[value];
                case 4 -> BY_FOUR[value];
                default -> null;
            };
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static void define(String line) {
        int hash = line.indexOf('#');
        String title = line.substring(hash + 1).trim();
        List<String> words = new ArrayList<>(List.of(line.substring(0, hash).trim().split("\\s+")));
        String range = words.remove(0);
        boolean predefined = words.remove("*");
        boolean decimal = words.remove("dec");
        List<Component> components = new ArrayList<>();
        for (String word : words) {
            components.add(component(word));
        }
        String from = range;
        String to = range;
        int dash = range.indexOf('-');
        if (dash > 0) {
            from = range.substring(0, dash);
            to = range.substring(dash + 1);
        }
        for (int v = Integer.parseInt(from); v <= Integer.parseInt(to); v++) {
            String ai = String.format("%0" + from.length() + "d", v);
            var def = new ApplicationIdentifier(ai, title, predefined, components, decimal ? v % 10 : -1);
            if (at(ai, 0) != null || ALL.containsKey(ai)) {
                throw new IllegalStateException("AI table: " + ai + " overlaps another AI");
            }
            ALL.put(ai, def);
            switch (ai.length()) {
                case 2 -> BY_TWO[v] = def;
                case 3 -> BY_THREE[v] = def;
                case 4 -> BY_FOUR[v] = def;
                default -> throw new IllegalStateException("AI table: " + ai + " is not 2 to 4 digits");
            }
        }
    }

    private static Component component(String word) {
        boolean optional = word.startsWith("[");
        String[] parts = word.replace("[", "").replace("]", "").split(",");
        String type = parts[0];
        Charset charset = switch (type.charAt(0)) {
            case 'N' -> Charset.NUMERIC;
            case 'X' -> Charset.CSET_82;
            case 'Y' -> Charset.CSET_39;
            default -> throw new IllegalStateException("AI table: unknown type in " + word);
        };
        int min;
        int max;
        if (type.startsWith("..", 1)) {
            min = 1;
            max = Integer.parseInt(type.substring(3));
        } else {
            min = Integer.parseInt(type.substring(1));
            max = min;
        }
        return new Component(charset, min, max, optional, List.of(parts).subList(1, parts.length));
    }
}
