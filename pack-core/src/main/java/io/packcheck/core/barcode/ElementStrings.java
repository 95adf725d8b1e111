package io.packcheck.core.barcode;

import io.packcheck.core.barcode.ApplicationIdentifier.Component;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads GS1 element strings, as scanned (AIs run together, GS after a variable-length field) or
 * as typed in brackets ({@code (01)09501101530003(17)140704(10)AB-123}), checking every field
 * against {@link ApplicationIdentifiers}.
 */
public final class ElementStrings {

    /** ASCII GS: how FNC1 arrives after a variable-length field. */
    public static final char GS = '\u001D';

    private final Clock clock;

    public ElementStrings(Clock clock) {
        this.clock = clock;
    }

    /** Reads GS-separated element strings; leading GS characters (a transmitted FNC1) are skipped. */
    public Result parse(String data) {
        Map<String, String> ai = new LinkedHashMap<>();
        int n = data.length();
        int pos = 0;
        LocalDate[] today = new LocalDate[1];
        while (pos < n) {
            if (data.charAt(pos) == GS) {
                pos++;
                continue;
            }
            ApplicationIdentifier def = ApplicationIdentifiers.at(data, pos);
            if (def == null) {
                return new Result.Invalid(unknownAi(data, pos));
            }
            int start = pos + def.ai().length();
            int end;
            if (def.fixedLength()) {
                // Fixed-length fields are cut by length even when GS1 wants a GS after them (e.g. 7003):
                // some printers leave it out, and the length is unambiguous.
                end = start + def.maxLength();
                int gs = indexOfGs(data, start, Math.min(end, n));
                if (gs >= 0 || end > n) {
                    int got = (gs >= 0 ? gs : n) - start;
                    return new Result.Invalid("AI (" + def.ai() + "): " + got + " characters, expected " + def.maxLength());
                }
            } else {
                int gs = indexOfGs(data, start, n);
                end = gs < 0 ? n : gs;
            }
            String value = data.substring(start, end);
            Optional<String> problem = add(ai, def, value, today);
            if (problem.isPresent()) {
                return new Result.Invalid(problem.get());
            }
            pos = end;
        }
        if (ai.isEmpty()) {
            return new Result.Invalid("no GS1 element string in the data");
        }
        return new Result.Valid(ai, elementString(ai));
    }

    /** Checks one element and adds it; the problem when it is invalid or repeats an AI with another value. */
    private Optional<String> add(Map<String, String> ai, ApplicationIdentifier def, String value, LocalDate[] today) {
        String problem = check(def, value, today);
        if (problem != null) {
            return Optional.of(problem);
        }
        String previous = ai.putIfAbsent(def.ai(), value);
        if (previous != null && !previous.equals(value)) {
            return Optional.of("AI (" + def.ai() + ") appears twice with different values: " + previous + " and " + value);
        }
        return Optional.empty();
    }

    /** Reads the bracketed form typed by people: {@code (AI)value(AI)value...}. */
    public Result parseBracketed(String text) {
        Map<String, String> ai = new LinkedHashMap<>();
        LocalDate[] today = new LocalDate[1];
        int n = text.length();
        int pos = 0;
        if (n == 0 || text.charAt(0) != '(') {
            return new Result.Invalid("bracketed GS1 data must start with '(', e.g. (01)09501101530003");
        }
        while (pos < n) {
            int close = text.indexOf(')', pos);
            ApplicationIdentifier def = close < 0 ? null : bracketedAi(text, pos, close);
            if (def == null) {
                String shown = close < 0 ? text.substring(pos) : text.substring(pos, close + 1);
                return new Result.Invalid("'" + shown + "' at position " + (pos + 1) + " is not a known GS1 application identifier");
            }
            int start = close + 1;
            int end = nextBracketedAi(text, start);
            String value = text.substring(start, end);
            int unknown = digitsInBrackets(text, start, end);
            if (unknown >= 0) {
                return new Result.Invalid("'" + text.substring(unknown, text.indexOf(')', unknown) + 1) + "' at position "
                        + (unknown + 1) + " is not a known GS1 application identifier");
            }
            if (value.length() != def.maxLength() && def.fixedLength()) {
                return new Result.Invalid("AI (" + def.ai() + "): " + value.length() + " characters, expected " + def.maxLength());
            }
            Optional<String> problem = add(ai, def, value, today);
            if (problem.isPresent()) {
                return new Result.Invalid(problem.get());
            }
            pos = end;
        }
        return new Result.Valid(ai, elementString(ai));
    }

    /** The date in a YYMMDD AI value, DD=00 resolved to the month's last day, century per GS1 window. */
    public LocalDate date(String yymmdd) {
        return Gs1Date.read(yymmdd, 0, true, LocalDate.now(clock)).date().orElseThrow(
                () -> new IllegalArgumentException("not a GS1 date: " + yymmdd));
    }

    private static ApplicationIdentifier bracketedAi(String text, int open, int close) {
        int len = close - open - 1;
        if (len < 2 || len > 4) {
            return null;
        }
        ApplicationIdentifier def = ApplicationIdentifiers.at(text, open + 1);
        return def != null && def.ai().length() == len ? def : null;
    }

    // "(26)" inside a value is far more likely a mistyped AI than data
    private static int digitsInBrackets(String text, int from, int to) {
        for (int i = text.indexOf('(', from); i >= 0 && i < to; i = text.indexOf('(', i + 1)) {
            int close = text.indexOf(')', i);
            if (close > i + 2 && close <= i + 5 && close < to && Gtin.allDigits(text.subSequence(i + 1, close))) {
                return i;
            }
        }
        return -1;
    }

    // A value may itself contain '(' (CSET 82 allows it), so only "(known AI)" ends it.
    private static int nextBracketedAi(String text, int from) {
        int i = text.indexOf('(', from);
        while (i >= 0) {
            int close = text.indexOf(')', i);
            if (close > 0 && bracketedAi(text, i, close) != null) {
                return i;
            }
            i = text.indexOf('(', i + 1);
        }
        return text.length();
    }

    private String check(ApplicationIdentifier def, String value, LocalDate[] today) {
        String ai = def.ai();
        int len = value.length();
        if (len == 0) {
            return "AI (" + ai + "): no data";
        }
        if (len < def.minLength() || len > def.maxLength()) {
            String allowed = def.fixedLength() ? "expected " + def.maxLength()
                    : "expected " + def.minLength() + " to " + def.maxLength();
            String hint = len > def.maxLength() ? " (is a GS separator missing?)" : "";
            return "AI (" + ai + "): " + len + " characters, " + allowed + hint;
        }
        int pos = 0;
        for (Component c : def.components()) {
            if (pos == len && c.optional()) {
                break;
            }
            int end = c.fixed() ? pos + c.max() : len;
            for (int i = pos; i < end; i++) {
                char ch = value.charAt(i);
                if (!c.charset().allows(ch)) {
                    return "AI (" + ai + "): character " + (i + 1) + " " + shown(ch) + " is not allowed ("
                            + c.charset().label() + ")";
                }
            }
            for (String linter : c.linters()) {
                String problem = lint(linter, value, pos, end, today);
                if (problem != null) {
                    return "AI (" + ai + "): " + problem;
                }
            }
            pos = end;
        }
        return null;
    }

    private String lint(String linter, String value, int from, int to, LocalDate[] today) {
        switch (linter) {
            case "csum" -> {
                int expected = Gtin.checkDigit(value.subSequence(from, to - 1));
                int actual = value.charAt(to - 1) - '0';
                return expected == actual ? null : "check digit " + actual + ", expected " + expected;
            }
            case "yymmd0", "yymmdd" -> {
                if (today[0] == null) {
                    today[0] = LocalDate.now(clock);
                }
                return Gs1Date.read(value, from, linter.equals("yymmd0"), today[0]).problem();
            }
            case "hhmm" -> {
                int hh = Gs1Date.two(value, from);
                int mm = Gs1Date.two(value, from + 2);
                if (hh > 23) {
                    return Gs1Date.twoDigits(hh) + " is not an hour";
                }
                return mm > 59 ? Gs1Date.twoDigits(mm) + " is not a minute" : null;
            }
            case "zero" -> {
                return value.charAt(from) == '0' ? null : "the first digit must be 0, got " + value.charAt(from);
            }
            default -> throw new IllegalStateException("AI table names an unknown check: " + linter);
        }
    }

    private static String unknownAi(String data, int pos) {
        String start = data.substring(pos, Math.min(data.length(), pos + 4));
        int gs = start.indexOf(GS);
        if (gs >= 0) {
            start = start.substring(0, gs);
        }
        return "no GS1 application identifier starts with '" + start + "' (at position " + (pos + 1) + ")";
    }

    private static String shown(char c) {
        return c < 32 || c > 126 ? String.format("(0x%02X)", (int) c) : "'" + c + "'";
    }

    private static int indexOfGs(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == GS) {
                return i;
            }
        }
        return -1;
    }

    /** The GS-separated element string: a GS after every field that is not predefined-length, but the last. */
    private static String elementString(Map<String, String> ai) {
        StringBuilder sb = new StringBuilder(64);
        int i = 0;
        for (var e : ai.entrySet()) {
            sb.append(e.getKey()).append(e.getValue());
            if (++i < ai.size() && !ApplicationIdentifiers.byAi(e.getKey()).orElseThrow().predefinedLength()) {
                sb.append(GS);
            }
        }
        return sb.toString();
    }

    /** The outcome of reading element strings. */
    public sealed interface Result {
        /** Every field read and checked; {@code ai} in scan order, {@code elementString} GS-separated. */
        record Valid(Map<String, String> ai, String elementString) implements Result {}

        record Invalid(String reason) implements Result {}
    }
}
