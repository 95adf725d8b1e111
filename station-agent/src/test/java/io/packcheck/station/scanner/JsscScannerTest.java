package io.packcheck.station.scanner;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsscScannerTest {

    @TempDir
    Path dir;

    private SocatPty pty;
    private JsscScanner scanner;
    private final RecordingListener listener = new RecordingListener();

    @BeforeEach
    void plugIn() {
        pty = SocatPty.start(dir);
    }

    @AfterEach
    void unplug() throws InterruptedException {
        if (scanner != null) {
            scanner.close();
        }
        pty.close();
    }

    private void startScanner(Framing framing) throws InterruptedException {
        scanner = new JsscScanner(pty.stationEnd(), SerialSettings.default9600(), framing,
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(200)));
        scanner.start(listener);
        listener.nextState(ScannerState.Connected.class);
    }

    @Test
    void readsScansEndedByCrLfOrCrLf() throws Exception {
        startScanner(Framing.lines());

        pty.send("4006381333931\r]E05901234123457\nABC-123\r\n");

        assertThat(List.of(listener.nextFrame(), listener.nextFrame(), listener.nextFrame()))
                .extracting(f -> ((Frame.Data) f).raw())
                .containsExactly("4006381333931", "]E05901234123457", "ABC-123");
        assertThat(listener.frames).isEmpty();
    }

    @Test
    void joinsOneScanWrittenInSeveralPieces() throws Exception {
        startScanner(Framing.lines());

        pty.send("]C1010");
        pty.send("95012345678903");
        pty.send("\r");

        assertThat(((Frame.Data) listener.nextFrame()).raw()).isEqualTo("]C101095012345678903");
    }

    @Test
    void keepsAimIdAndGroupSeparatorAndStripsConfiguredPrefixAndSuffix() throws Exception {
        startScanner(new Framing(Framing.Terminator.CR, Duration.ofMillis(50), new byte[] {0x02}, new byte[] {0x03},
                Framing.DEFAULT_MAX_LENGTH));

        pty.send("\u0002]d20109501234567890172612311012AB\u001d21XYZ\u0003\r");

        assertThat(((Frame.Data) listener.nextFrame()).raw())
                .isEqualTo("]d20109501234567890172612311012AB\u001d21XYZ");
    }

    @Test
    void reportsControlBytesAndOverLongInputAsGarbledAndKeepsReading() throws Exception {
        startScanner(Framing.lines());

        pty.send("AB\u0007C\r");
        pty.send("X".repeat(5000));
        pty.send("\r4006381333931\r");

        Frame bell = listener.nextFrame();
        Frame overLong = listener.nextFrame();
        Frame next = listener.nextFrame();
        assertThat(bell).isInstanceOfSatisfying(Frame.Garbled.class, g -> {
            assertThat(g.reason()).isEqualTo("control byte 0x07 at position 2");
            assertThat(g.rawPreview()).isEqualTo("AB<0x07>C");
        });
        assertThat(overLong).isInstanceOfSatisfying(Frame.Garbled.class,
                g -> assertThat(g.reason()).isEqualTo("more than 4096 bytes without a terminator"));
        assertThat(((Frame.Data) next).raw()).isEqualTo("4006381333931");
        assertThat(listener.frames).isEmpty();
    }

    @Test
    void endsAScanOnSilenceWhenTheScannerSendsNoTerminator() throws Exception {
        startScanner(new Framing(Framing.Terminator.NONE, Duration.ofMillis(40), new byte[0], new byte[0],
                Framing.DEFAULT_MAX_LENGTH));

        pty.send("5901234123457");

        assertThat(((Frame.Data) listener.nextFrame()).raw()).isEqualTo("5901234123457");
    }

    @Test
    void survivesTenThousandRandomFramesWithoutLosingOneOrLeakingThreads() throws Exception {
        int threadsBefore = Thread.activeCount();
        startScanner(Framing.lines());
        Random random = new Random(42);
        List<String> expected = new ArrayList<>();
        StringBuilder stream = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            boolean garbage = random.nextInt(20) == 0;
            String body = randomBody(random, garbage);
            expected.add(garbage ? null : body);
            stream.append(body).append(random.nextBoolean() ? "\r" : "\r\n");
        }
        byte[] bytes = stream.toString().getBytes(StandardCharsets.ISO_8859_1);

        for (int off = 0; off < bytes.length; ) {
            int n = Math.min(bytes.length - off, 1 + random.nextInt(700));
            pty.send(java.util.Arrays.copyOfRange(bytes, off, off + n));
            off += n;
        }

        for (String want : expected) {
            Frame f = listener.nextFrame();
            if (want == null) {
                assertThat(f).isInstanceOf(Frame.Garbled.class);
            } else {
                assertThat(f).isInstanceOfSatisfying(Frame.Data.class, d -> assertThat(d.raw()).isEqualTo(want));
            }
        }
        assertThat(listener.frames).isEmpty();
        scanner.close();
        scanner = null;
        pty.close();
        assertThat(threadCountSettlesAt(threadsBefore)).isLessThanOrEqualTo(threadsBefore);
    }

    @Test
    void goesOfflineWhenUnpluggedAndResumesWhenPluggedBackOnTheSamePath() throws Exception {
        startScanner(Framing.lines());
        pty.send("111\r");
        assertThat(((Frame.Data) listener.nextFrame()).raw()).isEqualTo("111");

        pty.close();
        ScannerState.Offline offline = listener.nextState(ScannerState.Offline.class);
        pty = SocatPty.start(dir);
        listener.nextState(ScannerState.Connected.class);
        pty.send("222\r");

        assertThat(offline.reason()).contains("disconnected");
        assertThat(((Frame.Data) listener.nextFrame()).raw()).isEqualTo("222");
        assertThat(scanner.state()).isInstanceOf(ScannerState.Connected.class);
    }

    @Test
    void waitsForAScannerThatIsNotPluggedInYet() throws Exception {
        Path later = dir.resolve("later");
        scanner = new JsscScanner(later.toString(), SerialSettings.default9600(), Framing.lines(),
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(100)));

        scanner.start(listener);
        ScannerState.Offline offline = listener.nextState(ScannerState.Offline.class);
        try (SocatPty second = SocatPty.start(later, dir.resolve("later-scanner"))) {
            listener.nextState(ScannerState.Connected.class);
            second.send("333\r");

            assertThat(offline.reason()).isEqualTo("no device at " + later);
            assertThat(((Frame.Data) listener.nextFrame()).raw()).isEqualTo("333");
            scanner.close();
        }
    }

    @Test
    void keepsReadingAfterTheListenerFailsOnOneScan() throws Exception {
        scanner = new JsscScanner(pty.stationEnd(), SerialSettings.default9600(), Framing.lines(),
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(200)));
        scanner.start(new ScanListener() {
            @Override
            public void onFrame(Frame frame) {
                if (frame instanceof Frame.Data d && d.raw().equals("BOOM")) {
                    throw new IllegalStateException("runtime bug on one scan");
                }
                listener.onFrame(frame);
            }

            @Override
            public void onStateChange(ScannerState state) {
                listener.onStateChange(state);
            }
        });
        listener.nextState(ScannerState.Connected.class);

        pty.send("BOOM\r");
        pty.send("AFTER\r");

        assertThat(((Frame.Data) listener.nextFrame()).raw()).isEqualTo("AFTER");
        assertThat(listener.states).isEmpty();
    }

    @Test
    void sendsHostCommandsToTheScanner() throws Exception {
        startScanner(Framing.lines());
        byte[] command = {0x16, 'M', 0x0D, 'B', 'E', 'P', '!'};
        CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = pty.scannerInput()) {
                byte[] got = new byte[command.length];
                int n = 0;
                // FileInputStream.readNBytes seeks, which a terminal refuses
                while (n < got.length) {
                    int r = in.read(got, n, got.length - n);
                    if (r < 0) {
                        break;
                    }
                    n += r;
                }
                return java.util.Arrays.copyOf(got, n);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        boolean sent = scanner.send(command);

        assertThat(sent).isTrue();
        assertThat(received.get(5, TimeUnit.SECONDS)).isEqualTo(command);
    }

    private static String randomBody(Random random, boolean garbage) {
        int length = 1 + random.nextInt(60);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int c = random.nextInt(10) == 0 ? 0x1D : 0x21 + random.nextInt(0x5E);
            sb.append((char) c);
        }
        if (garbage) {
            char[] noise = {0x00, 0x01, 0x07, 0x08, 0x09, 0x1B, 0x7F};
            sb.setCharAt(random.nextInt(length), noise[random.nextInt(noise.length)]);
        }
        return sb.toString();
    }

    private static int threadCountSettlesAt(int target) {
        await("threads back to " + target).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                .until(() -> Thread.activeCount() <= target);
        return Thread.activeCount();
    }
}
