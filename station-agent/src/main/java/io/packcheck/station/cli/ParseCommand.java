package io.packcheck.station.cli;

import io.packcheck.core.barcode.Gtin;
import io.packcheck.core.barcode.Scan;
import io.packcheck.core.barcode.ScanParse;
import io.packcheck.core.barcode.ScanParser;
import io.packcheck.core.label.ShippingLabel;
import io.packcheck.core.label.ShippingLabels;
import io.vertx.core.json.JsonObject;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parse}: shows a technician what the station makes of each scan read from standard input. */
@Command(
        name = "parse",
        mixinStandardHelpOptions = true,
        description = {
            "Reads raw scans from standard input, one per line (bytes as the scanner sends them: AIM prefix",
            "if any, GS as byte 0x1D; a trailing CR is dropped), and prints one JSON object per line:",
            "valid, symbology, gtin, ai, expiry, error, data, addOn, label (carrier and tracking number",
            "of a shipping label, or null)."
        })
public final class ParseCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--today", paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
            description = "Date to read GS1 dates against (century window); default: the system clock.")
    private LocalDate today;

    @Option(names = "--code39-full-ascii",
            description = "Decode Code 39 Full ASCII pairs (+A is 'a') when the scanner does not.")
    private boolean code39FullAscii;

    @Option(names = "--label-pattern", paramLabel = "REGEX", converter = PatternConverter.class,
            description = "The site's labelPattern: a Java regex for other carriers' labels, matched against the whole "
                    + "scan data; group 1, if any, is the tracking number.")
    private Pattern labelPattern;

    private final InputStream in;

    public ParseCommand() {
        this(System.in);
    }

    /** For tests and embedding: reads scans from {@code in} instead of standard input. */
    public ParseCommand(InputStream in) {
        this.in = in;
    }

    @Override
    public Integer call() throws IOException {
        Clock clock = today == null
                ? Clock.systemDefaultZone()
                : Clock.fixed(today.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
        ScanParser parser = new ScanParser(clock, new ScanParser.Options(code39FullAscii));
        ShippingLabels labels = new ShippingLabels(Optional.ofNullable(labelPattern));
        PrintWriter out = spec.commandLine().getOut();
        // Byte by byte so a live scanner piped in gets an answer per scan, not at end of input.
        InputStream input = new BufferedInputStream(in);
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        int b;
        while ((b = input.read()) != -1) {
            if (b == '\n') {
                emit(parser, labels, line, out);
            } else {
                line.write(b);
            }
        }
        if (line.size() > 0) {
            emit(parser, labels, line, out);
        }
        out.flush();
        return 0;
    }

    private static void emit(ScanParser parser, ShippingLabels labels, ByteArrayOutputStream line, PrintWriter out) {
        String raw = line.toString(StandardCharsets.ISO_8859_1);
        line.reset();
        if (raw.endsWith("\r")) {
            raw = raw.substring(0, raw.length() - 1);
        }
        out.println(toJson(parser.parse(raw), labels).encode());
        out.flush();
    }

    /** The JSON line for one result, in the form the README's {@code parse} section describes. */
    static JsonObject toJson(ScanParse result, ShippingLabels labels) {
        JsonObject json = new JsonObject();
        if (result instanceof ScanParse.Parsed parsed) {
            Scan scan = parsed.scan();
            JsonObject ai = new JsonObject();
            scan.ai().forEach(ai::put);
            json.put("valid", true)
                    .put("symbology", scan.symbology().label())
                    .put("gtin", scan.gtin().map(Gtin::digits).orElse(null))
                    .put("ai", ai)
                    .put("expiry", scan.expiry().map(LocalDate::toString).orElse(null))
                    .put("error", null)
                    .put("data", scan.data())
                    .put("addOn", scan.addOn().orElse(null))
                    .put("label", labels.recognise(scan).map(ParseCommand::labelJson).orElse(null));
        } else {
            ScanParse.Rejected rejected = (ScanParse.Rejected) result;
            json.put("valid", false)
                    .put("symbology", null)
                    .put("gtin", null)
                    .put("ai", new JsonObject())
                    .put("expiry", null)
                    .put("error", rejected.reason())
                    .put("data", null)
                    .put("addOn", null)
                    .put("label", null);
        }
        return json.put("raw", result.raw());
    }

    private static JsonObject labelJson(ShippingLabel label) {
        return new JsonObject().put("carrier", label.carrier().name()).put("trackingNumber", label.trackingNumber());
    }

    static final class PatternConverter implements CommandLine.ITypeConverter<Pattern> {
        @Override
        public Pattern convert(String value) {
            try {
                return Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw new CommandLine.TypeConversionException(
                        "'" + value + "' is not a Java regex: " + e.getDescription() + " at index " + e.getIndex());
            }
        }
    }

    static final class DateConverter implements CommandLine.ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a date (expected YYYY-MM-DD)");
            }
        }
    }
}
