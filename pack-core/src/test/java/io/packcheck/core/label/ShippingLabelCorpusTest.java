package io.packcheck.core.label;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.barcode.CorpusBytes;
import io.packcheck.core.barcode.ScanParse;
import io.packcheck.core.barcode.ScanParser;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every example under src/test/resources/labels (format in the README there) through the real ScanParser. */
class ShippingLabelCorpusTest {

    private static final ScanParser PARSER =
            new ScanParser(Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC));

    record Example(String where, Optional<Pattern> sitePattern, String raw, String expected, String third) {
        @Override
        public String toString() {
            return where + " " + raw.replace("\u001D", "<GS>") + " -> " + expected + " " + third;
        }
    }

    static Stream<Example> examples() throws IOException, URISyntaxException {
        Path root = Path.of(Objects.requireNonNull(ShippingLabelCorpusTest.class.getResource("/labels")).toURI());
        List<Example> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
                all.addAll(read(file.getFileName().toString(), Files.readAllLines(file, StandardCharsets.UTF_8)));
            }
        }
        assertThat(all).hasSizeGreaterThanOrEqualTo(120);
        return all.stream();
    }

    private static List<Example> read(String name, List<String> lines) {
        List<Example> examples = new ArrayList<>();
        Optional<Pattern> site = Optional.empty();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("# site-pattern:")) {
                site = Optional.of(Pattern.compile(line.substring("# site-pattern:".length()).trim()));
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            assertThat(columns).as("%s:%d has raw, expected, tracking number or note", name, i + 1).hasSize(3);
            examples.add(new Example(name + ":" + (i + 1), site, CorpusBytes.unescape(columns[0]), columns[1], columns[2]));
        }
        return examples;
    }


    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void recognisesAsTheCorpusSays(Example example) {
        var labels = new ShippingLabels(example.sitePattern());

        ScanParse parsed = PARSER.parse(example.raw());

        if (example.expected().equals("rejected")) {
            assertThat(parsed).isInstanceOf(ScanParse.Rejected.class);
            return;
        }
        assertThat(parsed).as("%s", parsed).isInstanceOf(ScanParse.Parsed.class);
        Optional<ShippingLabel> label = labels.recognise(((ScanParse.Parsed) parsed).scan());
        if (example.expected().equals("none")) {
            assertThat(label).isEmpty();
            return;
        }
        assertThat(label).contains(new ShippingLabel(
                Carrier.valueOf(example.expected()), example.third(), example.raw()));
        assertThat(ShippingLabels.normalise(example.third())).isEqualTo(example.third());
    }
}
