package io.packcheck.station.scanner;

import org.awaitility.core.ConditionTimeoutException;
import java.time.Duration;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.fail;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A pseudo-terminal pair made by socat: the station opens {@link #stationEnd()}, the test plays the
 * scanner on {@link #scannerEnd()}. Killing it is unplugging the scanner. Fails, never skips, without socat.
 */
public final class SocatPty implements AutoCloseable {

    private final Path stationEnd;
    private final Path scannerEnd;
    private final Process process;
    private OutputStream scanner;

    private SocatPty(Path stationEnd, Path scannerEnd, Process process) {
        this.stationEnd = stationEnd;
        this.scannerEnd = scannerEnd;
        this.process = process;
    }

    public static SocatPty start(Path dir) {
        return start(dir.resolve("station"), dir.resolve("scanner"));
    }

    public static SocatPty start(Path stationEnd, Path scannerEnd) {
        Process p;
        try {
            p = new ProcessBuilder("socat", "-d", "-d",
                    "pty,raw,echo=0,link=" + stationEnd, "pty,raw,echo=0,link=" + scannerEnd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            return fail("these tests need socat on the PATH (apt-get install socat): " + e.getMessage());
        }
        try {
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                    .until(() -> !p.isAlive() || (Files.exists(stationEnd) && Files.exists(scannerEnd)));
        } catch (ConditionTimeoutException e) {
            // reported below, with the paths
        }
        if (!(Files.exists(stationEnd) && Files.exists(scannerEnd))) {
            p.destroyForcibly();
            return fail("socat did not create " + stationEnd + " and " + scannerEnd);
        }
        return new SocatPty(stationEnd, scannerEnd, p);
    }

    public String stationEnd() {
        return stationEnd.toString();
    }

    public Path scannerEnd() {
        return scannerEnd;
    }

    /** Sends bytes as the scanner would. */
    public void send(byte[] bytes) throws IOException {
        if (scanner == null) {
            scanner = new FileOutputStream(scannerEnd.toFile());
        }
        scanner.write(bytes);
        scanner.flush();
    }

    public void send(String latin1) throws IOException {
        send(latin1.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    public InputStream scannerInput() throws IOException {
        return new FileInputStream(scannerEnd.toFile());
    }

    /** Unplugs the scanner: socat exits and both pty ends go away. */
    @Override
    public void close() throws InterruptedException {
        try {
            if (scanner != null) {
                scanner.close();
            }
        } catch (IOException ignored) {
            // the pty is going away anyway
        }
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
