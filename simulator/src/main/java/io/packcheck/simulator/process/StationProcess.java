package io.packcheck.simulator.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * One pack station as real processes: a socat pty pair as its scanner and the station jar's {@code run}
 * with console lights. Its LIGHTS lines are read as they come; its log goes to {@code station.log}.
 * Killing it with -9 and starting it again keeps the pty, the data directory and the token.
 */
public final class StationProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Jars jars;
    private final String id;
    private final Path dir;
    private final URI hub;
    private final int screenPort;
    private final SocatPty pty;
    private final Optional<ScaleProcess> scale;
    private final Path tokenFile;
    private final BlockingQueue<Light> lights = new LinkedBlockingQueue<>();
    private final PrintWriter log;
    // the threads copying the running agent's output into the log; a stop waits for its last lines
    private final List<Thread> readers = new CopyOnWriteArrayList<>();
    private Process process;
    private CompletableFuture<Void> ready = new CompletableFuture<>();
    private CompletableFuture<Void> scannerConnected = new CompletableFuture<>();

    private StationProcess(Jars jars, String id, Path dir, URI hub, String token, int screenPort, boolean weighs)
            throws IOException {
        this.jars = jars;
        this.id = id;
        this.dir = dir;
        this.hub = hub;
        this.screenPort = screenPort;
        Files.createDirectories(dir);
        // a file, not --token: the token must not show in ps
        this.tokenFile = dir.resolve("token");
        Files.deleteIfExists(tokenFile);
        Files.createFile(tokenFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tokenFile, token);
        this.log = new PrintWriter(Files.newBufferedWriter(dir.resolve("station.log"), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND), true);
        this.pty = SocatPty.start(dir);
        try {
            this.scale = weighs ? Optional.of(ScaleProcess.start(jars, dir.resolve("scale-station"), log)) : Optional.empty();
        } catch (RuntimeException e) {
            pty.close();
            throw e;
        }
    }

    /** Creates the pty and starts the agent, without a scale; returns once it is ready and its scanner is open. */
    public static StationProcess start(Jars jars, String id, Path dir, URI hub, String token, int screenPort) {
        return start(jars, id, dir, hub, token, screenPort, false);
    }

    /**
     * Creates the pty (and, when {@code weighs}, an emulated MT-SICS scale on a pty of its own) and starts the agent;
     * returns once it logged that it is ready and its scanner is open.
     */
    public static StationProcess start(Jars jars, String id, Path dir, URI hub, String token, int screenPort, boolean weighs) {
        StationProcess station;
        try {
            station = new StationProcess(jars, id, dir, hub, token, screenPort, weighs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare station " + id + " in " + dir, e);
        }
        try {
            station.startAgent();
            return station;
        } catch (RuntimeException e) {
            station.close();
            throw e;
        }
    }

    /**
     * Loads JSON lines (items, orders, badges, box types) into the data of the station that will live in {@code dir},
     * with the agent's {@code import}, before it starts: what a site without a hub feed for them does.
     */
    public static void importInto(Jars jars, Path dir, List<String> lines) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("import.jsonl");
            Files.write(file, lines, StandardCharsets.UTF_8);
            List<String> args = List.of("import", "--data", dir.resolve("data").toString(), file.toString());
            Process p = Children.start(new ProcessBuilder(Jars.java(jars.agent(), "64m", args)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("station.log").toFile())), "station import");
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                Children.kill(p);
                throw new IllegalStateException("station-agent import into " + dir + " failed; see "
                        + dir.resolve("station.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the import lines for " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing into " + dir, e);
        }
    }

    /** Starts the agent again (after {@link #kill()}) and waits until it takes scans. */
    public synchronized void startAgent() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("station " + id + " is already running");
        }
        ready = new CompletableFuture<>();
        scannerConnected = new CompletableFuture<>();
        List<String> args = new ArrayList<>(List.of("run", "--scanner", pty.stationEnd().toString(), "--lights", "console",
                "--data", dir.resolve("data").toString(), "--hub", hub.toString(), "--token-file", tokenFile.toString(),
                "--station-id", id, "--screen-port", Integer.toString(screenPort)));
        scale.ifPresent(s -> args.addAll(List.of("--scale", s.stationEnd().toString(), "--scale-profile", ScaleProcess.PROFILE)));
        Process p = Children.start(new ProcessBuilder(Jars.java(jars.agent(), "96m", args)), "station " + id);
        process = p;
        CompletableFuture<Void> readyNow = ready;
        CompletableFuture<Void> connectedNow = scannerConnected;
        readers.clear();
        read(p.getInputStream(), "lights " + id, line -> {
            if (line.startsWith("LIGHTS ")) {
                lights.add(new Light(line, Instant.now(), System.nanoTime()));
            }
            log.println("OUT " + line);
        });
        read(p.getErrorStream(), "log " + id, line -> {
            if (line.contains(" ready in ")) {
                readyNow.complete(null);
            }
            if (line.contains("scanner connected on")) {
                connectedNow.complete(null);
            }
            log.println(line);
        });
        p.onExit().thenRun(() -> {
            IllegalStateException died = new IllegalStateException("station " + id + " exited with " + p.exitValue()
                    + " before it was ready; see " + dir.resolve("station.log"));
            readyNow.completeExceptionally(died);
            connectedNow.completeExceptionally(died);
        });
        try {
            CompletableFuture.allOf(readyNow, connectedNow).get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (e.getCause() instanceof RuntimeException r) ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("station " + id + " did not log ready and scanner connected within "
                    + READY_TIMEOUT.toSeconds() + " s; see " + dir.resolve("station.log"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while station " + id + " started", e);
        }
    }

    private void read(InputStream in, String name, java.util.function.Consumer<String> sink) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                // the process went away; its exit is handled by onExit
            }
        }, name);
        t.setDaemon(true);
        t.start();
        readers.add(t);
    }

    public String id() {
        return id;
    }

    /** The station's scale, when it weighs parcels. */
    public Optional<ScaleProcess> scale() {
        return scale;
    }

    public int screenPort() {
        return screenPort;
    }

    /** Writes one scan into the scanner end of the pty; returns when it was written. */
    public Instant scan(String raw) {
        try {
            Instant at = Instant.now();
            pty.send(raw);
            return at;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a scan to station " + id + "'s pty", e);
        }
    }

    /** Forgets the lights printed so far, so that the next one read answers what comes next. */
    public void drainLights() {
        lights.clear();
    }

    /** The next LIGHTS line that is not a blinking condition, within the timeout. */
    public Optional<Light> nextSignal(Duration timeout) {
        return next(l -> l.colour() != Light.Colour.CONDITION, timeout);
    }

    /** The next LIGHTS line matching {@code wanted}, within the timeout; the lines before it are dropped. */
    public Optional<Light> next(Predicate<Light> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                Light l = lights.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
                if (l == null) {
                    return Optional.empty();
                }
                if (wanted.test(l)) {
                    return Optional.of(l);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Waits {@code window} and returns the last LIGHTS line printed in it: what the tower shows once a short
     * signal is over. Empty when the tower did not change.
     */
    public Optional<Light> lastWithin(Duration window) {
        long deadline = System.nanoTime() + window.toNanos();
        Optional<Light> last = Optional.empty();
        try {
            for (long left = window.toNanos(); left > 0; left = deadline - System.nanoTime()) {
                Light l = lights.poll(left, TimeUnit.NANOSECONDS);
                if (l != null) {
                    last = Optional.of(l);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return last;
    }

    /** kill -9 of the agent; the pty and the data stay. */
    public synchronized void kill() {
        if (process != null) {
            Children.kill(process);
        }
    }

    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            Children.stop(process, 5000);
        }
        // the agent's last lines (lights off, station stopped) are still on their way to the log
        for (Thread reader : readers) {
            try {
                reader.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        pty.close();
        scale.ifPresent(ScaleProcess::close);
        log.close();
    }
}
