package io.packcheck.station.scale.emulator;

import io.packcheck.station.scale.ScaleProtocol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An emulated scale with its own serial port: socat makes a pseudo-terminal pair, the station's end at the path
 * asked for (a symlink, like {@code /dev/serial/by-id/...}) and the scale's end next to it, where a
 * {@link ScaleEmulator} answers. {@link #unplug()} ends socat, so the station's port hangs up as when a USB scale is
 * pulled out; plugging in again is a new {@link #plugIn}. Needs socat on the PATH.
 */
public final class EmulatedScalePort implements AutoCloseable {

    private static final long APPEAR_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Path stationEnd;
    private final Process socat;
    private final ScaleEmulator emulator;

    private EmulatedScalePort(Path stationEnd, Process socat, ScaleEmulator emulator) {
        this.stationEnd = stationEnd;
        this.socat = socat;
        this.emulator = emulator;
    }

    /**
     * Creates the port at {@code stationEnd} and starts the scale on its far end.
     *
     * @throws IllegalStateException when socat is missing or does not make the pair
     */
    public static EmulatedScalePort plugIn(Path stationEnd, ScaleProtocol protocol, EmulatedLoad load, boolean checksum) {
        Path farEnd = stationEnd.resolveSibling(stationEnd.getFileName() + ".scale-end");
        Process socat;
        try {
            // ignoreeof: socat would otherwise end when the station closes its end (an agent restart), unplugging the scale
            socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,ignoreeof,link=" + stationEnd,
                    "pty,raw,echo=0,link=" + farEnd)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException("the scale emulator needs socat on the PATH (apt-get install socat): "
                    + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + APPEAR_NANOS;
        while (!(Files.exists(stationEnd) && Files.exists(farEnd))) {
            if (!socat.isAlive() || System.nanoTime() - deadline > 0) {
                socat.destroyForcibly();
                throw new IllegalStateException("socat did not create " + stationEnd + " and " + farEnd);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        try {
            return new EmulatedScalePort(stationEnd, socat, ScaleEmulator.start(protocol, farEnd, load, checksum));
        } catch (UncheckedIOException e) {
            socat.destroyForcibly();
            throw e;
        }
    }

    /** The path the station opens as its scale port. */
    public Path stationEnd() {
        return stationEnd;
    }

    public EmulatedLoad load() {
        return emulator.load();
    }

    /** Pulls the scale's cable: the emulator stops and the station's port hangs up and disappears. */
    public void unplug() {
        emulator.unplug();
        socat.destroy();
        try {
            if (!socat.waitFor(5, TimeUnit.SECONDS)) {
                socat.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        unplug();
    }
}
