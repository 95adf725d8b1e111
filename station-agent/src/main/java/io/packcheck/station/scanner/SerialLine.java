package io.packcheck.station.scanner;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jssc.SerialPort;
import jssc.SerialPortException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open serial device of this JVM with the one thread that reads it, shared by every scanner (or scale) that
 * is opened on that device in turn.
 *
 * <p>Why it outlives the scanner: the reader blocks in jssc's {@code readBytes(1)}, a native {@code poll(2)}
 * without timeout. Measured with jssc 2.10.2 on a socat pty: closing the port does not wake that poll, nor
 * do {@code setParams}, {@code purgePort}, {@code sendBreak} or {@code setFlowControlMode} before the close
 * (the poll only re-checks its descriptor and sleeps again). The parked poll then wakes on the next event
 * of the old device and polls the descriptor <em>number</em> again: when the JVM has since opened another
 * port (or the same device again) under that number, it reads that port's first byte (reproduced in
 * {@code JsscScannerReopenTest}). Waking it after the close through a second descriptor on the device
 * ({@code setParams} there ends it with EBADF within 4 ms) needs a second, non-exclusive open, which
 * TIOCEXCL refuses to a non-root agent, and still races with any other open in the JVM. So a descriptor
 * with a parked reader is never closed by another thread: a scanner that closes only detaches from its
 * line; a scanner opened later on the same device attaches to the same line; the reader itself closes the
 * port, after its read has returned, when bytes arrive with nobody attached. The only close from outside
 * is after an unplug, when the read no longer parks but spins on the hung-up device and sees the close at
 * its next poll, microseconds later; no port opens in this JVM until it has.
 */
public final class SerialLine {

    private static final Logger log = LoggerFactory.getLogger(SerialLine.class);

    /** How often the device is checked for an unplug, whether or not a scanner is attached. */
    static final Duration HEALTH_CHECK = Duration.ofMillis(250);
    /** A reader spinning on a hung-up device sees a close within microseconds; this only bounds a surprise. */
    private static final Duration READER_OUT_TIMEOUT = Duration.ofSeconds(1);

    /** Exception type of {@link #attach} while another scanner of this JVM reads the device. */
    public static final String IN_USE = "Port in use by another device reader of this agent";

    private static final Map<String, SerialLine> LINES = new HashMap<>();

    /** Receives what the line reads, on the reader thread, and the news that the device is gone. */
    public interface Sink {

        void bytes(byte[] chunk, long receivedNanos);

        void lost(String reason);
    }

    private final String device;
    private final SerialPort port;
    private final Thread reader;
    private final ScheduledExecutorService watch;
    private final Object lock = new Object();
    /** Counted down once the reader has left jssc's native read for good. */
    private final CountDownLatch readerOut = new CountDownLatch(1);
    private Sink sink;
    private boolean closed;

    private SerialLine(String device, SerialPort port) {
        this.device = device;
        this.port = port;
        this.reader = new Thread(this::readLoop, "scanner-reader " + device);
        this.reader.setDaemon(true);
        this.watch = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "scanner-line-watch " + device);
            t.setDaemon(true);
            return t;
        });
    }

    /** What opening a configured port gave: the line, or why not, in words for the log and the packer screen. */
    public sealed interface Opened {
        /** @param device the real path the port resolved to (a /dev/ttyACM0 behind a udev name) */
        record Attached(SerialLine line, String device) implements Opened {}

        record Failed(String reason) implements Opened {}
    }

    /**
     * Resolves {@code portPath} (a symlink such as a udev name) and attaches {@code sink} to its line.
     *
     * @param inUse what to say when another sink of this agent reads the port, e.g. "another scanner of this agent reads it"
     */
    public static Opened open(String portPath, SerialSettings settings, Sink sink, String inUse) {
        String device = portPath;
        try {
            device = Path.of(portPath).toRealPath().toString();
            return new Opened.Attached(attach(device, settings, sink), device);
        } catch (NoSuchFileException e) {
            return new Opened.Failed("no device at " + portPath);
        } catch (SerialPortException e) {
            String type = e.getExceptionType();
            if (SerialPortException.TYPE_PERMISSION_DENIED.equals(type)) {
                return new Opened.Failed("permission denied on " + device + " (add the agent's user to the dialout group)");
            }
            if (IN_USE.equals(type)) {
                return new Opened.Failed(device + " is busy (" + inUse + ")");
            }
            if (SerialPortException.TYPE_PORT_BUSY.equals(type)) {
                return new Opened.Failed(device + " is busy (another program has it open)");
            }
            return new Opened.Failed("cannot open " + device + ": " + type);
        } catch (IOException e) {
            return new Opened.Failed("cannot resolve " + portPath + ": " + e.getMessage());
        }
    }

    /**
     * Attaches {@code sink} to the open line of {@code device} (its real path), opening the device when no
     * line has it. Refused with exception type {@link #IN_USE} while another sink is attached.
     */
    public static SerialLine attach(String device, SerialSettings settings, Sink sink) throws SerialPortException {
        synchronized (LINES) {
            SerialLine line = LINES.get(device);
            // a device unplugged and plugged back within one health check comes back under the same name
            if (line != null && line.checkHealth()) {
                switch (line.tryAttach(sink)) {
                    case ATTACHED -> {
                        try {
                            line.configure(settings);
                        } catch (SerialPortException | RuntimeException e) {
                            line.detach(sink);
                            throw e;
                        }
                        return line;
                    }
                    case BUSY -> throw new SerialPortException(device, "attach", IN_USE);
                    case CLOSED -> LINES.remove(device, line);
                }
            } else if (line != null) {
                LINES.remove(device, line);
            }
            SerialPort port = new SerialPort(device);
            port.openPort();
            SerialLine opened = new SerialLine(device, port);
            try {
                opened.configure(settings);
            } catch (SerialPortException | RuntimeException e) {
                closeQuietly(port);
                opened.watch.shutdown();
                throw e;
            }
            opened.sink = sink;
            LINES.put(device, opened);
            opened.reader.start();
            opened.watch.scheduleWithFixedDelay(opened::checkHealth, HEALTH_CHECK.toNanos(), HEALTH_CHECK.toNanos(),
                    TimeUnit.NANOSECONDS);
            return opened;
        }
    }

    private enum Attach { ATTACHED, BUSY, CLOSED }

    private Attach tryAttach(Sink next) {
        synchronized (lock) {
            if (closed) {
                return Attach.CLOSED;
            }
            if (sink != null) {
                return Attach.BUSY;
            }
            sink = next;
            return Attach.ATTACHED;
        }
    }

    /**
     * Stops delivering to {@code from}; returns once a delivery to it in progress on the reader thread has
     * ended (or at once when called from that delivery). The port stays open for the reader, see the class
     * comment.
     */
    public void detach(Sink from) {
        synchronized (lock) {
            if (sink == from) {
                sink = null;
            }
        }
    }

    public String device() {
        return device;
    }

    public boolean write(byte[] bytes) throws SerialPortException {
        synchronized (lock) {
            return !closed && port.writeBytes(bytes);
        }
    }

    private void configure(SerialSettings settings) throws SerialPortException {
        if (!port.setParams(settings.baud(), settings.dataBits(), stopBits(settings), parity(settings))) {
            log.warn("{}: setParams({} {}{}{}) returned false; normal on a pseudo-terminal, reading anyway",
                    device, settings.baud(), settings.dataBits(), settings.parity().name().charAt(0), settings.stopBits());
        }
        if (!port.setFlowControlMode(flowMask(settings))) {
            log.warn("{}: flow control {} not applied", device, settings.flow());
        }
    }

    private void readLoop() {
        try {
            while (true) {
                // parks in native poll(2): 0% CPU while idle, wakes on the first byte
                byte[] first = port.readBytes(1);
                long nanos = System.nanoTime();
                synchronized (lock) {
                    if (closed) {
                        return;
                    }
                    byte[] chunk = drain(first);
                    if (sink == null) {
                        // nobody is attached and this thread is out of the native read: the one safe moment to close
                        closed = true;
                        closeQuietly(port);
                        log.info("{}: {} bytes arrived for a closed scanner; dropped them and closed the port",
                                device, chunk.length);
                        return;
                    }
                    sink.bytes(chunk, nanos);
                }
            }
        } catch (SerialPortException e) {
            fail(e.getExceptionType());
        } catch (RuntimeException e) {
            // jssc reports a descriptor closed under its read (after an unplug) as IllegalArgumentException("EBADF")
            fail(e.getMessage());
        } finally {
            readerOut.countDown();
            forget();
        }
    }

    private byte[] drain(byte[] first) throws SerialPortException {
        int more = port.getInputBufferBytesCount();
        if (more <= 0) {
            return first;
        }
        byte[] rest = port.readBytes(more);
        byte[] chunk = new byte[1 + rest.length];
        chunk[0] = first[0];
        System.arraycopy(rest, 0, chunk, 1, rest.length);
        return chunk;
    }

    /** False once the line is closed, closing it first when the device turns out to be gone. */
    private boolean checkHealth() {
        try {
            synchronized (lock) {
                if (closed) {
                    return false;
                }
                port.getInputBufferBytesCount();
                return true;
            }
        } catch (SerialPortException e) {
            // unplugged: the reader now spins on the hung-up device instead of parking, so closing ends it
            fail(e.getExceptionType());
            return false;
        }
    }

    private void fail(String reason) {
        Sink lostSink;
        if (Thread.currentThread() == reader) {
            synchronized (lock) {
                if (closed) {
                    return;
                }
                closed = true;
                closeQuietly(port);
                lostSink = sink;
                sink = null;
            }
        } else {
            // Closed under a reader that spins on the hung-up device. Until that reader has seen the close, no port
            // may open in this JVM: it could get the same descriptor number and lose its first bytes to the old
            // reader's next poll. Opening holds LINES, so holding it here until the reader is out closes that race.
            synchronized (LINES) {
                synchronized (lock) {
                    if (closed) {
                        return;
                    }
                    closed = true;
                    closeQuietly(port);
                    lostSink = sink;
                    sink = null;
                }
                awaitReaderOut();
            }
        }
        forget();
        log.warn("serial device {} lost: {}", device, reason);
        if (lostSink != null) {
            lostSink.lost(reason);
        }
    }

    private void awaitReaderOut() {
        if (!reader.isAlive()) {
            return;
        }
        try {
            if (!readerOut.await(READER_OUT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{}: the reader has not left its read {} ms after the close", device, READER_OUT_TIMEOUT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void forget() {
        synchronized (LINES) {
            LINES.remove(device, this);
        }
        watch.shutdown();
    }

    private static void closeQuietly(SerialPort port) {
        if (port.isOpened()) {
            try {
                port.closePort();
            } catch (SerialPortException e) {
                log.debug("closing {}: {}", port.getPortName(), e.getExceptionType());
            }
        }
    }

    private static int stopBits(SerialSettings settings) {
        return settings.stopBits() == 2 ? SerialPort.STOPBITS_2 : SerialPort.STOPBITS_1;
    }

    private static int parity(SerialSettings settings) {
        return switch (settings.parity()) {
            case NONE -> SerialPort.PARITY_NONE;
            case ODD -> SerialPort.PARITY_ODD;
            case EVEN -> SerialPort.PARITY_EVEN;
        };
    }

    private static int flowMask(SerialSettings settings) {
        return switch (settings.flow()) {
            case NONE -> SerialPort.FLOWCONTROL_NONE;
            case RTSCTS -> SerialPort.FLOWCONTROL_RTSCTS_IN | SerialPort.FLOWCONTROL_RTSCTS_OUT;
            case XONXOFF -> SerialPort.FLOWCONTROL_XONXOFF_IN | SerialPort.FLOWCONTROL_XONXOFF_OUT;
        };
    }
}
