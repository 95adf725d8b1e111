package io.packcheck.station.scanner;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import jssc.SerialPortException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A serial scanner (RS-232 adapter or USB CDC / USB-COM) read through jssc.
 *
 * <p>Read strategy, chosen by measurement on this project's build machine (see firmware-notes/README.md):
 * a dedicated reader thread blocks in {@code readBytes(1)} (native poll(2), 0.00% of a core when idle,
 * wakes at once on the first byte) and then drains what is buffered. jssc's event listener costs about
 * 4-6% of a core idle and {@code getInputBufferBytesCount()} polling every 1 ms about 3.6%.
 *
 * <p>That native read cannot be woken, so the device, its reader thread and its unplug check live in a
 * {@link SerialLine} that outlives this scanner: {@link #close()} detaches from the line at once and for
 * good, and the line closes the port itself when the device next sends or is unplugged, or hands it to the
 * next scanner opened on the same device in this JVM. Closing the port under the parked read instead let
 * that read take the first byte of the next port opened in the JVM (see {@code JsscScannerReopenTest}).
 * Measured with the line ({@code scripts/bench-scan-latency --scans 2000}, 2-core shared build machine):
 * p50 0.23 ms, p99 2.06 ms terminator to light command (0.17 ms of it in the agent), idle 0.07% of a core;
 * the same bench on the code before: p99 3.93 ms (0.33 ms in the agent), idle 0.08%.
 *
 * <p>Unplugging raises no event; the line notices within {@link SerialLine#HEALTH_CHECK} (a failing
 * {@code getInputBufferBytesCount()}), and this scanner then reports OFFLINE and reopens the configured
 * path, resolving symlinks such as {@code /dev/serial/by-id/...} again each time, with capped exponential
 * backoff and full jitter.
 */
public final class JsscScanner implements Scanner {

    private static final Logger log = LoggerFactory.getLogger(JsscScanner.class);

    private final String portPath;
    private final SerialSettings settings;
    private final Framing framing;
    private final Backoff backoff;
    private final FrameAssembler assembler;
    private final ScheduledExecutorService watch;
    private final Object deliveryLock = new Object();

    private volatile ScanListener listener;
    private volatile ScannerState state = new ScannerState.Offline("not started");
    private volatile boolean closed;
    private Connection current;
    private int attempt;
    private ScheduledFuture<?> silenceTimer;

    /** One attachment to a line, which hands it bytes until it detaches or the device is lost. */
    private final class Connection implements SerialLine.Sink {

        private SerialLine line;
        private volatile boolean gone;

        @Override
        public void bytes(byte[] chunk, long receivedNanos) {
            if (!closed) {
                deliver(chunk, receivedNanos);
            }
        }

        @Override
        public void lost(String reason) {
            gone = true;
            JsscScanner.this.lost(this, reason);
        }
    }

    public JsscScanner(String portPath, SerialSettings settings, Framing framing, Backoff backoff) {
        this.portPath = Objects.requireNonNull(portPath, "portPath");
        this.settings = settings;
        this.framing = framing;
        this.backoff = backoff;
        this.assembler = new FrameAssembler(framing);
        String name = "scanner-watch " + portPath;
        this.watch = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Default reconnect pacing: retries start within 250 ms and settle at most 5 s apart. */
    public static Backoff defaultBackoff() {
        return new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5));
    }

    @Override
    public void start(ScanListener listener) {
        if (this.listener != null) {
            throw new IllegalStateException("scanner " + portPath + " already started");
        }
        this.listener = Objects.requireNonNull(listener, "listener");
        watch.execute(this::connect);
    }

    @Override
    public ScannerState state() {
        return state;
    }

    @Override
    public boolean send(byte[] hostCommand) {
        Connection c;
        synchronized (this) {
            c = current;
        }
        if (c == null) {
            return false;
        }
        try {
            return c.line.write(hostCommand);
        } catch (SerialPortException e) {
            log.warn("cannot send host command to {}: {}", c.line.device(), e.getExceptionType());
            return false;
        }
    }

    /**
     * Stops delivering at once: no frame reaches the listener after this returns. The device itself is let
     * go by its {@link SerialLine} (see there), not here.
     */
    @Override
    public void close() {
        Connection c;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            c = current;
            current = null;
        }
        watch.shutdownNow();
        if (c != null) {
            c.line.detach(c);
        }
        synchronized (deliveryLock) {
            if (silenceTimer != null) {
                silenceTimer.cancel(false);
            }
        }
        setState(new ScannerState.Offline("closed"));
    }

    private void connect() {
        if (closed) {
            return;
        }
        Connection c = new Connection();
        SerialLine.Opened opened = SerialLine.open(portPath, settings, c, "another scanner of this agent reads it");
        if (opened instanceof SerialLine.Opened.Failed failed) {
            retry(failed.reason());
            return;
        }
        SerialLine.Opened.Attached attached = (SerialLine.Opened.Attached) opened;
        c.line = attached.line();
        String device = attached.device();
        boolean lostWhileConnecting;
        synchronized (this) {
            if (closed) {
                c.line.detach(c);
                return;
            }
            // lost between attaching and here: lost() found no current connection to drop, so retry from here
            lostWhileConnecting = c.gone;
            if (!lostWhileConnecting) {
                current = c;
                attempt = 0;
            }
        }
        if (lostWhileConnecting) {
            retry("scanner disconnected while connecting");
            return;
        }
        log.info("scanner connected on {} ({})", portPath, device);
        setState(new ScannerState.Connected(device));
    }

    private void deliver(byte[] chunk, long nanos) {
        synchronized (deliveryLock) {
            List<Frame> frames = assembler.accept(chunk, chunk.length, nanos);
            for (Frame f : frames) {
                notify(f);
            }
            if (framing.terminator() == Framing.Terminator.NONE) {
                if (silenceTimer != null) {
                    silenceTimer.cancel(false);
                }
                if (!closed) {
                    silenceTimer = watch.schedule(this::silence, framing.gap().toNanos(), TimeUnit.NANOSECONDS);
                }
            }
        }
    }

    private void notify(Frame frame) {
        try {
            listener.onFrame(frame);
        } catch (RuntimeException e) {
            // one scan the runtime could not handle must not stop the next one from being read
            log.error("scan listener failed on {}", frame, e);
        }
    }

    private void silence() {
        synchronized (deliveryLock) {
            if (!closed) {
                assembler.silence(System.nanoTime()).ifPresent(this::notify);
            }
        }
    }

    private void lost(Connection c, String reason) {
        synchronized (this) {
            if (current != c || closed) {
                return;
            }
            current = null;
        }
        synchronized (deliveryLock) {
            assembler.reset();
        }
        log.warn("scanner on {} lost: {}", c.line.device(), reason);
        setState(new ScannerState.Offline("scanner disconnected (" + reason + ")"));
        scheduleConnect();
    }

    private void retry(String reason) {
        setState(new ScannerState.Offline(reason));
        scheduleConnect();
    }

    private synchronized void scheduleConnect() {
        if (closed) {
            return;
        }
        Duration delay = backoff.delay(attempt++, ThreadLocalRandom.current()::nextDouble);
        try {
            watch.schedule(this::connect, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed concurrently
        }
    }

    private void setState(ScannerState next) {
        ScannerState previous = state;
        state = next;
        ScanListener l = listener;
        if (l != null && !next.equals(previous)) {
            l.onStateChange(next);
        }
    }

}
