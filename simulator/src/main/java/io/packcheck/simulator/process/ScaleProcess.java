package io.packcheck.simulator.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A station's scale: the agent jar's {@code emulate-scale} on a socat pty of its own, playing an MT-SICS scale with
 * its noise and settling. The simulated packer puts weights on it through the child's standard input; the scale
 * stays when its agent is killed and started again.
 */
public final class ScaleProcess implements AutoCloseable {

    /** The scale profile the stations are configured with. */
    public static final String PROFILE = "mt-sics";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    // generous: a dozen JVMs share two cores in the end-to-end tests
    private static final Duration PUT_TIMEOUT = Duration.ofSeconds(15);

    private final Path stationEnd;
    private final Process process;
    private final PrintWriter weights;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private ScaleProcess(Path stationEnd, Process process) {
        this.stationEnd = stationEnd;
        this.process = process;
        this.weights = new PrintWriter(new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
    }

    /**
     * Starts the scale with nothing on it, its station end at {@code stationEnd}, and returns once it answers; its
     * messages go to {@code log}.
     */
    public static ScaleProcess start(Jars jars, Path stationEnd, PrintWriter log) {
        List<String> args = List.of("emulate-scale", "--pty", stationEnd.toString(), "--profile", PROFILE, "--grams", "0");
        Process p = Children.start(new ProcessBuilder(Jars.java(jars.agent(), "48m", args)).redirectErrorStream(true),
                "the scale emulator at " + stationEnd);
        ScaleProcess scale = new ScaleProcess(stationEnd, p);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    scale.lines.add(line);
                    log.println("SCALE " + line);
                }
            } catch (IOException e) {
                // the scale went away; a put then times out with a clear message
            }
        }, "scale " + stationEnd.getFileName());
        reader.setDaemon(true);
        reader.start();
        if (!scale.awaitLine(" ready on ", READY_TIMEOUT)) {
            scale.close();
            throw new IllegalStateException("the scale emulator at " + stationEnd + " did not get ready within "
                    + READY_TIMEOUT.toSeconds() + " s (exit " + (p.isAlive() ? "none" : p.exitValue()) + ")");
        }
        return scale;
    }

    /** The port the agent opens with {@code --scale}. */
    public Path stationEnd() {
        return stationEnd;
    }

    /** Puts {@code grams} on the platform; returns once the scale took it (its readings then settle on it). */
    public synchronized void put(double grams) {
        lines.clear();
        weights.println(String.format(Locale.ROOT, "%.1f", grams));
        if (!awaitLine("put ", PUT_TIMEOUT)) {
            throw new IllegalStateException("the scale at " + stationEnd + " did not take " + grams + " g within "
                    + PUT_TIMEOUT.toSeconds() + " s (" + (process.isAlive() ? "still running" : "exited with " + process.exitValue())
                    + ")");
        }
    }

    private boolean awaitLine(String marker, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (long left = timeout.toNanos(); left > 0; left = deadline - System.nanoTime()) {
                String line = lines.poll(left, TimeUnit.NANOSECONDS);
                if (line != null && line.contains(marker)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    @Override
    public void close() {
        weights.close();
        Children.stop(process, 3000);
    }
}
