package io.packcheck.simulator.process;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A scanner cable made by socat: a pseudo-terminal pair whose station end the agent opens as its serial
 * port, while the simulator writes scans into the scanner end, byte for byte as a scanner sends them.
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

    /** Starts socat with the two ends as symlinks in {@code dir}; fails with a clear message without socat. */
    public static SocatPty start(Path dir) {
        Path stationEnd = dir.resolve("scanner-station");
        Path scannerEnd = dir.resolve("scanner-device");
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(stationEnd);
            Files.deleteIfExists(scannerEnd);
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare " + dir + " for the scanner pty: " + e.getMessage(), e);
        }
        ProcessBuilder builder = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + stationEnd,
                "pty,raw,echo=0,link=" + scannerEnd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p;
        try {
            p = Children.start(builder, "socat");
        } catch (IllegalStateException e) {
            throw new IllegalStateException("the simulated scanners need socat on the PATH (apt-get install socat): "
                    + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(stationEnd) && Files.exists(scannerEnd))) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                Children.kill(p);
                throw new IllegalStateException("socat did not create " + stationEnd + " and " + scannerEnd);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        return new SocatPty(stationEnd, scannerEnd, p);
    }

    /** The path the station agent opens with {@code --scanner}. */
    public Path stationEnd() {
        return stationEnd;
    }

    /** Writes one scan as a scanner in CR-suffix mode sends it (Latin-1, GS as byte 0x1D). */
    public synchronized void send(String raw) throws IOException {
        if (scanner == null) {
            scanner = new FileOutputStream(scannerEnd.toFile());
        }
        scanner.write((raw + "\r").getBytes(StandardCharsets.ISO_8859_1));
        scanner.flush();
    }

    @Override
    public synchronized void close() {
        try {
            if (scanner != null) {
                scanner.close();
            }
        } catch (IOException ignored) {
            // the pty goes away with socat anyway
        }
        Children.stop(process, 2000);
    }
}
