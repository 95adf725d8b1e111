package io.packcheck.hub.print;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.enrol.Enrolment;
import io.packcheck.core.enrol.EnrolmentParse;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders each page in a real headless Chromium and reads the barcodes off the screenshot with zxing, so the
 * CSS and inline SVG are proven to lay out into scannable symbols. Screenshots stay under target/print.
 */
class ChromiumPrintTest {

    private static final Path OUT = Paths.get("target", "print");
    private static final String CHROMIUM = "/usr/bin/chromium";

    @TempDir
    static Path profiles;

    private final PrintPages pages = new PrintPages(Paper.A4, PrintPagesTest.CLOCK);

    @BeforeAll
    static void makeOutputFolder() throws IOException {
        Files.createDirectories(OUT);
    }

    /** Screenshot of an A4 page at 96 dpi times the scale factor, the way a 288 dpi printer would place it. */
    private static BufferedImage screenshot(String name, String html, int heightPx) throws Exception {
        Path page = OUT.resolve(name + ".html").toAbsolutePath();
        Path png = OUT.resolve(name + ".png").toAbsolutePath();
        Files.writeString(page, html, StandardCharsets.UTF_8);
        Files.deleteIfExists(png);
        var command = new ArrayList<>(List.of(CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--no-first-run", "--disable-extensions",
                "--user-data-dir=" + profiles.resolve(name).toAbsolutePath(),
                "--force-device-scale-factor=3", "--window-size=820," + heightPx,
                "--screenshot=" + png, page.toUri().toString()));
        Process chromium = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(OUT.resolve(name + ".chromium.log").toFile())
                .start();
        try {
            boolean done = chromium.waitFor(90, TimeUnit.SECONDS);
            assertThat(done).as("chromium finished within 90 s (see %s.chromium.log)", name).isTrue();
            assertThat(chromium.exitValue()).as("chromium exit code").isZero();
        } finally {
            chromium.descendants().forEach(ProcessHandle::destroyForcibly);
            chromium.destroyForcibly();
        }
        assertThat(png).exists();
        return ImageIO.read(png.toFile());
    }

    @Test
    void aPackSlipPrintedByChromiumScansAsItsOrderId() throws Exception {
        var html = pages.packSlip(PrintPagesTest.order("ORD-2026-10023"), PrintPagesTest.items());

        var image = screenshot("pack-slip", html, 600);

        assertThat(Scanned.decodeAll(image)).containsExactly("ORD-2026-10023");
    }

    @Test
    void theEnrolmentSheetPrintedByChromiumEnrolsTheStation() throws Exception {
        var html = pages.enrolmentSheet(PrintPagesTest.ENROLMENT, Optional.empty());

        var image = screenshot("enrolment", html, 800);

        var scanned = Scanned.decodeAll(image);
        assertThat(scanned).hasSize(1);
        assertThat(Enrolment.parse(scanned.get(0))).isEqualTo(new EnrolmentParse.Parsed(PrintPagesTest.ENROLMENT));
    }

    @Test
    void everyBadgeAndCommandPrintedByChromiumScans() throws Exception {
        var badges = screenshot("badges", pages.badges(PrintPagesTest.badges()), 500);
        var commands = screenshot("commands", pages.commandSheet(PrintPagesTest.COMMANDS), 1123);

        assertThat(Scanned.decodeAll(badges)).containsExactlyInAnyOrder("PCK-P-ann01", "PCK-S-bob02");
        assertThat(Scanned.decodeAll(commands))
                .containsExactlyInAnyOrderElementsOf(PrintPagesTest.COMMANDS.stream().map(CommandCode::code).toList());
    }
}
