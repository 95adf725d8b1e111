package io.packcheck.simulator.process;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The hub jar as a real process on its embedded SQLite: {@code serve} on a fixed port (so stations find
 * it again after a restart), the admin CLI for secrets, kill -9 and restart.
 */
public final class HubProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Jars jars;
    private final Path dataDir;
    private final int port;
    private final Path log;
    private Process process;
    private String lastProbe = "no answer yet";

    private HubProcess(Jars jars, Path dataDir, int port) {
        this.jars = jars;
        this.dataDir = dataDir;
        this.port = port;
        this.log = dataDir.resolve("hub.log");
    }

    /** A hub on {@code dataDir}, not yet started; port 0 picks a free port now and keeps it for restarts. */
    public static HubProcess on(Jars jars, Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the hub data directory " + dataDir + ": " + e.getMessage(), e);
        }
        return new HubProcess(jars, dataDir, port == 0 ? freePort() : port);
    }

    /** A port nobody listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port: " + e.getMessage(), e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** Runs an admin command ({@code apikey create --name x}) and returns the secret it prints on its last line. */
    public String createSecret(String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.add("--data");
        args.add(dataDir.toString());
        Process p = Children.start(new ProcessBuilder(Jars.java(jars.hub(), "128m", args))
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())), "hub admin " + String.join(" ", command));
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("hub " + String.join(" ", command) + " failed (exit "
                        + (p.isAlive() ? "none" : p.exitValue()) + "); see " + log);
            }
            List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
            if (lines.isEmpty()) {
                throw new IllegalStateException("hub " + String.join(" ", command) + " printed no secret");
            }
            return lines.get(lines.size() - 1).strip();
        } catch (IOException e) {
            throw new IllegalStateException("reading the output of hub " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            Children.kill(p);
        }
    }

    /** Starts {@code serve} and returns once {@code /health/ready} answers 200. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the hub is already running");
        }
        List<String> args = List.of("serve", "--port", Integer.toString(port), "--data", dataDir.toString());
        process = Children.start(new ProcessBuilder(Jars.java(jars.hub(), "384m", args))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())), "the hub");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        lastProbe = "no answer yet";
        while (!ready()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the hub exited with " + process.exitValue() + " while starting; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the hub was not ready within " + READY_TIMEOUT.toSeconds()
                        + " s (last probe of /health/ready: " + lastProbe + "); see " + log);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    /**
     * One probe on a fresh connection: a pooled keep-alive connection would still point at the hub
     * process that was just killed.
     */
    private boolean ready() {
        HttpURLConnection c = null;
        try {
            c = (HttpURLConnection) baseUrl().resolve("/health/ready").toURL().openConnection();
            c.setUseCaches(false);
            c.setRequestProperty("Connection", "close");
            c.setConnectTimeout(2000);
            c.setReadTimeout(2000);
            int status = c.getResponseCode();
            lastProbe = "HTTP " + status;
            return status == 200;
        } catch (IOException e) {
            lastProbe = e.toString();
            return false;
        } finally {
            if (c != null) {
                c.disconnect();
            }
        }
    }

    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    /** kill -9: no chance to flush or say goodbye. */
    public synchronized void kill() {
        if (process != null) {
            Children.kill(process);
        }
    }

    public Path log() {
        return log;
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            Children.stop(process, 5000);
        }
    }
}
