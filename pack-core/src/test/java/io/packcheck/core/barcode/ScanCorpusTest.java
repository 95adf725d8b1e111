package io.packcheck.core.barcode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every example under src/test/resources/scans (format in the README there). */
class ScanCorpusTest {

    record Example(String where, LocalDate today, ScanParser.Options options, String raw, Map<String, String> expected) {
        @Override
        public String toString() {
            return where + " " + raw.replace("\u001D", "<GS>");
        }
    }

    static Stream<Arguments> examples() throws IOException, URISyntaxException {
        Path root = Path.of(Objects.requireNonNull(ScanCorpusTest.class.getResource("/scans")).toURI());
        List<Example> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
                all.addAll(read(root.relativize(file).toString(), Files.readAllLines(file, StandardCharsets.UTF_8)));
            }
        }
        assertThat(all).hasSizeGreaterThanOrEqualTo(60);
        return all.stream().map(Arguments::of);
    }

    private static List<Example> read(String name, List<String> lines) {
        List<Example> examples = new ArrayList<>();
        LocalDate today = LocalDate.of(2026, 11, 22);
        ScanParser.Options options = ScanParser.Options.DEFAULTS;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("# today:")) {
                today = LocalDate.parse(line.substring(8).trim());
            } else if (line.startsWith("# options:")) {
                options = new ScanParser.Options(line.contains("code39-full-ascii"));
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t");
            Map<String, String> expected = new LinkedHashMap<>();
            for (int c = 1; c < columns.length; c++) {
                int eq = columns[c].indexOf('=');
                expected.put(columns[c].substring(0, eq), columns[c].substring(eq + 1));
            }
            examples.add(new Example(name + ":" + (i + 1), today, options, CorpusBytes.unescape(columns[0]), expected));
        }
        return examples;
    }


    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void parsesAsTheCorpusSays(Example example) {
        var clock = Clock.fixed(example.today().atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        var parser = new ScanParser(clock, example.options());
        var expected = example.expected();

        ScanParse result = parser.parse(example.raw());

        if (expected.containsKey("rejected")) {
            assertThat(result).isEqualTo(new ScanParse.Rejected(example.raw(), expected.get("rejected")));
            return;
        }
        assertThat(result).as("%s", result).isInstanceOf(ScanParse.Parsed.class);
        Scan scan = ((ScanParse.Parsed) result).scan();
        assertThat(scan.symbology().label()).isEqualTo(expected.get("symbology"));
        assertThat(scan.gtin().map(Gtin::digits)).isEqualTo(Optional.ofNullable(expected.get("gtin")));
        assertThat(scan.expiry().map(LocalDate::toString)).isEqualTo(Optional.ofNullable(expected.get("expiry")));
        assertThat(scan.addOn()).isEqualTo(Optional.ofNullable(expected.get("addon")));
        Map<String, String> ai = new LinkedHashMap<>();
        expected.forEach((k, v) -> {
            if (k.startsWith("ai(")) {
                ai.put(k.substring(3, k.length() - 1), v);
            }
        });
        assertThat(scan.ai()).containsExactlyEntriesOf(ai);
        if (expected.containsKey("data")) {
            assertThat(scan.data()).isEqualTo(CorpusBytes.unescape(expected.get("data")));
        }
        assertThat(scan.raw()).isEqualTo(example.raw());
    }
}
