package io.packcheck.station.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.station.StationMain;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ParseCommandTest {

    private record Run(int exitCode, List<JsonObject> lines, String stdout, String stderr) {}

    /** Runs {@code station-agent <args>} in-process, as the jar's main would, with stdin from {@code input}. */
    private static Run run(byte[] input, String... args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == ParseCommand.class) {
                    return type.cast(new ParseCommand(new ByteArrayInputStream(input)));
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        var out = new StringWriter();
        var err = new StringWriter();
        var cli = new CommandLine(new StationMain(), factory);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute(args);

        List<JsonObject> lines = out.toString().lines().map(JsonObject::new).toList();
        return new Run(exit, lines, out.toString(), err.toString());
    }

    private static byte[] latin1(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Test
    void printsOneJsonObjectPerScanLine() {
        var input = latin1("]E04006381333931\r\n" + "]C10109501101530003171407041" + "0AB-123\n" + "]C0PCK-CLEAR\n");

        var run = run(input, "parse", "--today", "2026-11-22");

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).hasSize(3);
        assertThat(run.lines().get(0)).isEqualTo(new JsonObject()
                .put("valid", true).put("symbology", "EAN-13").put("gtin", "04006381333931")
                .put("ai", new JsonObject()).put("expiry", null).put("error", null)
                .put("data", "4006381333931").put("addOn", null).put("label", null).put("raw", "]E04006381333931"));
        assertThat(run.lines().get(1).getString("symbology")).isEqualTo("GS1-128");
        assertThat(run.lines().get(1).getString("expiry")).isEqualTo("2014-07-04");
        assertThat(run.lines().get(1).getJsonObject("ai")).isEqualTo(new JsonObject()
                .put("01", "09501101530003").put("17", "140704").put("10", "AB-123"));
        assertThat(run.lines().get(2).getString("symbology")).isEqualTo("CODE-128");
        assertThat(run.lines().get(2).getString("gtin")).isNull();
    }

    @Test
    void reportsARejectedScanWithItsReason() {
        var run = run(latin1("]C1010950110153000317131301\n"), "parse", "--today", "2026-11-22");

        var line = run.lines().get(0);
        assertThat(line.getBoolean("valid")).isFalse();
        assertThat(line.getString("error")).isEqualTo("AI (17): 13 is not a month");
        assertThat(line.getJsonObject("ai")).isEqualTo(new JsonObject());
        assertThat(line.containsKey("gtin")).isTrue();
        assertThat(line.getString("gtin")).isNull();
    }

    @Test
    void readsGsBytesAndLatin1AsTheScannerSendsThem() {
        byte[] input = {']', 'C', '1', '1', '0', 'L', (byte) 0xC4, 0x1D, '2', '1', 'S', '1', '\n'};

        var run = run(input, "parse", "--today", "2026-11-22");

        var line = run.lines().get(0);
        assertThat(line.getString("error")).isEqualTo("AI (10): character 2 (0xC4) is not allowed (GS1 CSET 82)");
        assertThat(line.getString("raw")).isEqualTo("]C110L\u00C4\u001D21S1");
    }

    @Test
    void todayDecidesTheCenturyOfGs1Dates() {
        var input = latin1("]C1010950110153000317750101\n");

        var in2026 = run(input, "parse", "--today", "2026-11-22");
        var in2024 = run(input, "parse", "--today", "2024-01-01");

        assertThat(in2026.lines().get(0).getString("expiry")).isEqualTo("2075-01-01");
        assertThat(in2024.lines().get(0).getString("expiry")).isEqualTo("1975-01-01");
    }

    @Test
    void answersTheLastLineEvenWithoutANewline() {
        var run = run(latin1("96385074\n\n5901234123457"), "parse");

        assertThat(run.lines()).extracting(j -> j.getString("symbology")).containsExactly("EAN-8", null, "EAN-13");
        assertThat(run.lines().get(1).getString("error")).isEqualTo("empty scan");
    }

    @Test
    void decodesCode39FullAsciiOnRequest() {
        var run = run(latin1("]A0T+O+T+E-7\n"), "parse", "--code39-full-ascii");

        assertThat(run.lines().get(0).getString("data")).isEqualTo("Tote-7");
    }

    @Test
    void namesTheCarrierAndTrackingNumberOfAShippingLabel() {
        var input = latin1("]C01Z999AA10123456784\n" + "]C142078745\u001D9400111206206406260787\n"
                + "1001921334250001000300779017972697\n" + "]C100106141411234567897\n" + "]C01Z999AA10123456785\n");

        var run = run(input, "parse");

        assertThat(run.lines()).extracting(j -> j.getJsonObject("label")).containsExactly(
                new JsonObject().put("carrier", "UPS").put("trackingNumber", "1Z999AA10123456784"),
                new JsonObject().put("carrier", "USPS").put("trackingNumber", "9400111206206406260787"),
                new JsonObject().put("carrier", "FEDEX").put("trackingNumber", "779017972697"),
                new JsonObject().put("carrier", "SSCC").put("trackingNumber", "106141411234567897"),
                null);
        assertThat(run.lines().get(4).containsKey("label")).isTrue();
    }

    @Test
    void aRejectedScanHasNoLabel() {
        var run = run(latin1("]C100106141411234567898\n"), "parse");

        assertThat(run.lines().get(0).getBoolean("valid")).isFalse();
        assertThat(run.lines().get(0).containsKey("label")).isTrue();
        assertThat(run.lines().get(0).getValue("label")).isNull();
    }

    @Test
    void recognisesSiteLabelsWithTheLabelPattern() {
        var input = latin1("TBA123456789012\n");

        var without = run(input, "parse");
        var with = run(input, "parse", "--label-pattern", "TBA[0-9]{12}");

        assertThat(without.lines().get(0).getValue("label")).isNull();
        assertThat(with.lines().get(0).getJsonObject("label"))
                .isEqualTo(new JsonObject().put("carrier", "SITE").put("trackingNumber", "TBA123456789012"));
    }

    @Test
    void refusesALabelPatternThatIsNotARegex() {
        var run = run(new byte[0], "parse", "--label-pattern", "TBA[0-9");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("--label-pattern").contains("'TBA[0-9' is not a Java regex");
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void refusesATodayThatIsNotADate() {
        var run = run(new byte[0], "parse", "--today", "2026-13-01");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("--today").contains("'2026-13-01' is not a date (expected YYYY-MM-DD)");
        assertThat(run.stdout()).isEmpty();
    }
}
