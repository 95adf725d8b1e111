package io.packcheck.hub.reports;

import java.util.List;

/** RFC 4180 CSV: CRLF line ends; a field with a comma, quote, CR or LF is quoted with its quotes doubled. */
public final class Csv {

    private Csv() {}

    static void line(StringBuilder out, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(values.get(i)));
        }
        out.append("\r\n");
    }

    /**
     * One field. Text starting with = + - @ (or a tab or CR) gets a leading apostrophe: SKUs, reasons and user
     * names come from stations and users, and a spreadsheet would run such a cell as a formula.
     */
    public static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
