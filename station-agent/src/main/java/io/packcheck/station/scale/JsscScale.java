package io.packcheck.station.scale;

import io.packcheck.station.scanner.Backoff;
import io.packcheck.station.scanner.SerialLine;
import io.packcheck.station.scanner.SerialSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import jssc.SerialPortException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A serial scale read through jssc, speaking one {@link ScaleProtocol}.
 *
 * <p>The port is read the way the scanner reads it, through a {@link SerialLine}: one thread parked in jssc's
 * {@code readBytes(1)} (native poll(2), no CPU while the scale is silent) that hands what arrives to this scale, and a
 * check every 250 ms that notices an unplug (on a pty, reads fail with "Input/output error" while jssc still calls
 * the port open). After an unplug the scale reopens the configured path with capped exponential backoff and full
 * jitter, resolving symlinks again each time; a weighing asked meanwhile waits for it within its timeout and then
 * answers that the scale is not connected, and why.
 *
 * <p>A weighing asks (polled protocols) or listens (streaming ones) until a stable reading comes or the timeout runs
 * out. Moving readings, overload and errors are asked again, since a parcel just put down may still swing through
 * them; when the time is up, the last thing the scale said decides: still moving is {@link Weighing.NotSettled}, a
 * fault is {@link Weighing.Unavailable} with its reason, silence is "the scale does not answer".
 */
public final class JsscScale implements Scale {

    private static final Logger log = LoggerFactory.getLogger(JsscScale.class);
    /** Pause before asking again after an unsettled answer: a scale answering at once is not asked in a busy loop. */
    static final Duration ASK_AGAIN_AFTER = Duration.ofMillis(40);

    private final String portPath;
    private final SerialSettings settings;
    private final ScaleDriver driver;
    private final Backoff backoff;
    private final ScheduledExecutorService watch;
    /** Guards the driver, the connection and the readings; waited on for the next reading. */
    private final Object lock = new Object();
    /** One weighing at a time: two would answer each other's requests. */
    private final Object weighing = new Object();

    private Connection current;
    private String offline;
    private long received;
    private Reading latest;
    private boolean closed;
    private int attempt;

    /** One attachment to a line, which hands it bytes until it detaches or the device is lost. */
    private final class Connection implements SerialLine.Sink {

        private SerialLine line;
        private volatile boolean gone;

        @Override
        public void bytes(byte[] chunk, long receivedNanos) {
            synchronized (lock) {
                if (current != this) {
                    return;
                }
                List<Reading> readings = driver.accept(chunk);
                if (!readings.isEmpty()) {
                    received += readings.size();
                    latest = readings.get(readings.size() - 1);
                    lock.notifyAll();
                }
            }
        }

        @Override
        public void lost(String reason) {
            gone = true;
            JsscScale.this.lost(this, reason);
        }
    }

    /**
     * Opens {@code portPath} in the background and keeps it open; {@link #weigh} answers Unavailable until it is.
     *
     * @param checksum for {@link ScaleProtocol#TOLEDO_CONTINUOUS}: whether each frame ends with a checksum byte
     */
    public JsscScale(String portPath, SerialSettings settings, ScaleProtocol protocol, boolean checksum, Backoff backoff) {
        this.portPath = Objects.requireNonNull(portPath, "portPath");
        this.settings = settings;
        this.driver = protocol.newDriver(checksum);
        this.offline = "opening " + portPath;
        this.backoff = backoff;
        String name = "scale-watch " + portPath;
        this.watch = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        watch.execute(this::connect);
    }

    /** Default reconnect pacing: retries start within 250 ms and settle at most 5 s apart. */
    public static Backoff defaultBackoff() {
        return new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5));
    }

    /** Whether the port is open now; for logs and the packer screen, a weighing does not need to ask first. */
    public boolean connected() {
        synchronized (lock) {
            return current != null;
        }
    }

    @Override
    public Weighing weigh(Duration timeout) {
        synchronized (weighing) {
            try {
                return weighNow(System.nanoTime() + Math.max(0, timeout.toNanos()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Weighing.Unavailable("the weighing was stopped");
            } catch (RuntimeException e) {
                // a weighing never throws: the packer gets a reason, the log the details
                log.error("weighing on {} failed", portPath, e);
                return new Weighing.Unavailable("the scale could not be read (" + e.getClass().getSimpleName() + ")");
            }
        }
    }

    private Weighing weighNow(long deadline) throws InterruptedException {
        Optional<Reading> last = Optional.empty();
        Optional<Double> lastGrams = Optional.empty();
        boolean first = true;
        boolean started = false;
        while (true) {
            Connection c;
            Optional<byte[]> request;
            Optional<byte[]> toSend;
            long seen;
            synchronized (lock) {
                while (current == null && !closed) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return new Weighing.Unavailable(Trouble.notConnected(offline));
                    }
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                }
                if (closed) {
                    return new Weighing.Unavailable("the scale is closed");
                }
                c = current;
                Optional<byte[]> prelude = started ? Optional.empty() : driver.startWeighing();
                started = true;
                request = driver.nextRequest();
                toSend = request.map(r -> prelude.map(p -> concat(p, r)).orElse(r));
                seen = received;
            }
            toSend.ifPresent(bytes -> send(c, bytes));
            long answerBy = request.isPresent() ? Math.min(deadline, System.nanoTime() + driver.answerWait().toNanos()) : deadline;
            Optional<Reading> reading = awaitReading(seen, answerBy);
            if (reading.isPresent() && request.isEmpty() && first) {
                // a streaming scale's frame that was on the wire when the weighing began may show the platform before
                // the parcel landed on it: the weighing starts from the next one
                first = false;
            } else if (reading.isPresent()) {
                Reading r = reading.get();
                if (r instanceof Reading.Stable s) {
                    return new Weighing.Settled(s.grams());
                }
                if (r instanceof Reading.Moving m && m.grams().isPresent()) {
                    lastGrams = m.grams();
                }
                last = reading;
                if (request.isPresent()) {
                    pause(Math.min(deadline, System.nanoTime() + ASK_AGAIN_AFTER.toNanos()));
                }
            }
            if (System.nanoTime() - deadline >= 0) {
                break;
            }
        }
        if (last.isEmpty()) {
            return new Weighing.Unavailable(Trouble.NOT_ANSWERING);
        }
        if (last.get() instanceof Reading.Fault f) {
            return new Weighing.Unavailable(f.reason());
        }
        return new Weighing.NotSettled(lastGrams);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** The newest reading after the {@code seen}-th, waiting until {@code until} (System.nanoTime) for one. */
    private Optional<Reading> awaitReading(long seen, long until) throws InterruptedException {
        synchronized (lock) {
            while (received == seen && current != null) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return Optional.empty();
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return received == seen ? Optional.empty() : Optional.of(latest);
        }
    }

    /** Waits until {@code until}, or less when the scale is lost meanwhile. */
    private void pause(long until) throws InterruptedException {
        synchronized (lock) {
            long left;
            while (current != null && (left = until - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
        }
    }

    private void send(Connection c, byte[] bytes) {
        try {
            if (!c.line.write(bytes)) {
                log.warn("scale on {}: the request was not written", c.line.device());
            }
        } catch (SerialPortException e) {
            // an unplug shows here first; the line's check notices it within 250 ms and the weighing hears of it
            log.warn("scale on {}: cannot send the request: {}", c.line.device(), e.getExceptionType());
        }
    }

    /** Stops at once: a weighing in progress answers Unavailable; the device is let go by its {@link SerialLine}. */
    @Override
    public void close() {
        Connection c;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            c = current;
            current = null;
            offline = "closed";
            lock.notifyAll();
        }
        watch.shutdownNow();
        if (c != null) {
            c.line.detach(c);
        }
    }

    private void connect() {
        synchronized (lock) {
            if (closed) {
                return;
            }
        }
        Connection c = new Connection();
        SerialLine.Opened opened = SerialLine.open(portPath, settings, c, "it is read by this agent already: is the scanner on the same port?");
        if (opened instanceof SerialLine.Opened.Failed failed) {
            retry(failed.reason());
            return;
        }
        SerialLine.Opened.Attached attached = (SerialLine.Opened.Attached) opened;
        c.line = attached.line();
        String device = attached.device();
        synchronized (lock) {
            if (closed) {
                c.line.detach(c);
                return;
            }
            if (c.gone) {
                // lost between attaching and here: lost() found no current connection to drop
                offline = "disconnected while connecting";
            } else {
                driver.reset();
                current = c;
                attempt = 0;
                lock.notifyAll();
            }
        }
        if (c.gone) {
            scheduleConnect();
            return;
        }
        log.info("scale connected on {} ({})", portPath, device);
    }

    private void lost(Connection c, String reason) {
        synchronized (lock) {
            if (current != c || closed) {
                return;
            }
            current = null;
            offline = "disconnected: " + reason;
            lock.notifyAll();
        }
        log.warn("scale on {} lost: {}", c.line.device(), reason);
        scheduleConnect();
    }

    private void retry(String reason) {
        synchronized (lock) {
            if (!reason.equals(offline)) {
                log.info("scale on {} not open: {}", portPath, reason);
            }
            offline = reason;
        }
        scheduleConnect();
    }

    private void scheduleConnect() {
        Duration delay;
        synchronized (lock) {
            if (closed) {
                return;
            }
            delay = backoff.delay(attempt++, ThreadLocalRandom.current()::nextDouble);
        }
        try {
            watch.schedule(this::connect, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // closed concurrently
        }
    }

}
