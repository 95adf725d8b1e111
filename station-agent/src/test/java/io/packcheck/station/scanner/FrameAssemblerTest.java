package io.packcheck.station.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameAssemblerTest {

    private final FrameAssembler lines = new FrameAssembler(Framing.lines());

    private static List<Frame> feed(FrameAssembler assembler, String... pieces) {
        List<Frame> out = new ArrayList<>();
        long t = 0;
        for (String p : pieces) {
            byte[] b = p.getBytes(StandardCharsets.ISO_8859_1);
            out.addAll(assembler.accept(b, b.length, ++t));
        }
        return out;
    }

    private static List<String> raws(List<Frame> frames) {
        return frames.stream().map(f -> f instanceof Frame.Data d ? d.raw() : "GARBLED:" + ((Frame.Garbled) f).reason()).toList();
    }

    @Test
    void joinsAScanSplitAcrossReadsAtEveryPosition() {
        String scan = "]E05901234123457\r";
        for (int cut = 1; cut < scan.length(); cut++) {
            FrameAssembler assembler = new FrameAssembler(Framing.lines());

            List<Frame> frames = feed(assembler, scan.substring(0, cut), scan.substring(cut));

            assertThat(raws(frames)).as("cut at %d", cut).containsExactly("]E05901234123457");
        }
    }

    @Test
    void splitsMergedScansAndDropsTheEmptyLineOfCrLf() {
        List<Frame> frames = feed(lines, "A\r\nB\rC\n\n");

        assertThat(raws(frames)).containsExactly("A", "B", "C");
    }

    @Test
    void stampsAFrameWithTheTimeOfTheReadThatCompletedIt() {
        List<Frame> frames = feed(lines, "12", "34\r");

        assertThat(frames.get(0).receivedNanos()).isEqualTo(2);
    }

    @Test
    void keepsGroupSeparatorRecordSeparatorAndEotOfGs1AndIso15434Data() {
        List<Frame> frames = feed(lines, "[)>\u001e06\u001d1PABC\u001e\u0004\r");

        assertThat(raws(frames)).containsExactly("[)>\u001e06\u001d1PABC\u001e\u0004");
    }

    @Test
    void flagsNulAndDelAsGarbled() {
        List<Frame> frames = feed(lines, "12\u00003\r", "9\u007f\r");

        assertThat(raws(frames)).containsExactly("GARBLED:control byte 0x00 at position 2",
                "GARBLED:control byte 0x7F at position 1");
    }

    @Test
    void capsAnOverLongRunAndIgnoresItsTailUpToTheNextTerminator() {
        List<Frame> frames = feed(lines, "9".repeat(4096), "99999", "tail\rOK\r");

        assertThat(raws(frames)).containsExactly("GARBLED:more than 4096 bytes without a terminator", "OK");
    }

    @Test
    void stripsPrefixAndSuffixOnlyWhereTheyAre() {
        FrameAssembler assembler = new FrameAssembler(new Framing(Framing.Terminator.CRLF, Duration.ofMillis(50),
                "@@".getBytes(StandardCharsets.ISO_8859_1), "#".getBytes(StandardCharsets.ISO_8859_1), 4096));

        List<Frame> frames = feed(assembler, "@@123#\r\n", "456\r\n");

        assertThat(raws(frames)).containsExactly("123", "456");
    }

    @Test
    void endsAFrameOnSilenceWithGapFraming() {
        FrameAssembler assembler = new FrameAssembler(new Framing(Framing.Terminator.NONE, Duration.ofMillis(30),
                new byte[0], new byte[0], 4096));

        List<Frame> during = feed(assembler, "590123", "4123457");
        Frame atSilence = assembler.silence(99).orElseThrow();

        assertThat(during).isEmpty();
        assertThat(atSilence).isEqualTo(new Frame.Data("5901234123457", 99));
        assertThat(assembler.silence(100)).isEmpty();
    }

    @Test
    void previewsGarbageReadably() {
        String preview = FrameAssembler.preview("AB\u0007".repeat(20).getBytes(StandardCharsets.ISO_8859_1));

        assertThat(preview).startsWith("AB<0x07>AB<0x07>").endsWith("...");
    }
}
