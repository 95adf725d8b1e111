package io.packcheck.station.scale.emulator;

import io.packcheck.station.scale.ScaleProtocol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scale played on the far end of a pseudo-terminal pair (socat {@code pty,raw,echo=0} on both ends): the station
 * opens one end as its scale port, the emulator answers on the other. {@link #unplug()} closes the far end, which
 * makes socat exit and the station see its port hang up, as when the scale's cable is pulled.
 *
 * <p>The far end is a {@link FileChannel}: closing it wakes a read blocked on it, which a plain stream would not.
 */
public abstract class ScaleEmulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScaleEmulator.class);

    protected final EmulatedLoad load;
    private final FileChannel port;
    private final Thread thread;
    private volatile boolean unplugged;

    protected ScaleEmulator(Path farEnd, EmulatedLoad load, String name) {
        this.load = load;
        try {
            this.port = FileChannel.open(farEnd, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the emulated scale's end " + farEnd, e);
        }
        this.thread = new Thread(this::runQuietly, "scale-emulator " + name + " " + farEnd);
        this.thread.setDaemon(true);
    }

    /**
     * Starts the emulator for {@code protocol} on {@code farEnd}.
     *
     * @param checksum for {@link ScaleProtocol#TOLEDO_CONTINUOUS}: end each frame with a checksum byte
     */
    public static ScaleEmulator start(ScaleProtocol protocol, Path farEnd, EmulatedLoad load, boolean checksum) {
        ScaleEmulator emulator = switch (protocol) {
            case MT_SICS -> new MtSicsEmulator(farEnd, load);
            case TOLEDO_CONTINUOUS -> new ToledoContinuousEmulator(farEnd, load, checksum);
            case NCI -> new NciEmulator(farEnd, load);
        };
        emulator.thread.start();
        return emulator;
    }

    public EmulatedLoad load() {
        return load;
    }

    /** Pulls the cable: closes the far end; the emulator answers no more. */
    public void unplug() {
        unplugged = true;
        try {
            port.close();
        } catch (IOException e) {
            log.debug("closing the emulated scale's end: {}", e.toString());
        }
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        unplug();
    }

    /** Answers or streams until unplugged. */
    protected abstract void run() throws IOException, InterruptedException;

    /** Reads what the station sent, blocking until something comes; -1 once unplugged. */
    protected int read(ByteBuffer into) throws IOException {
        return port.read(into);
    }

    protected void write(String latin1) throws IOException {
        write(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    protected void write(byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            port.write(b);
        }
    }

    protected boolean unplugged() {
        return unplugged;
    }

    private void runQuietly() {
        try {
            run();
        } catch (ClosedChannelException e) {
            // unplugged
        } catch (IOException e) {
            if (!unplugged) {
                log.warn("emulated scale stopped: {}", e.toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
