package io.packcheck.station.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.packcheck.station.StationMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** {@code station-agent run} as a child JVM on the test class path, its LIGHTS lines and log read as they come. */
final class AgentProcess implements AutoCloseable {

    private final Process process;
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> stderr = new LinkedBlockingQueue<>();
    private final List<String> log = new ArrayList<>();

    private AgentProcess(Process process) {
        this.process = process;
        pump(process.getInputStream(), stdout, "agent-stdout");
        pump(process.getErrorStream(), stderr, "agent-stderr");
    }

    /**
     * The test class path without the hub, which is here only for the in-process hub tests: its logback.xml
     * beside the agent's makes logback print a status report on standard output, among the LIGHTS lines.
     */
    private static String agentClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.contains("hub-server"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    static AgentProcess run(String... runArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", agentClassPath(),
                StationMain.class.getName(), "run"));
        command.addAll(List.of(runArgs));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("PACKCHECK_"));
        return new AgentProcess(builder.start());
    }

    /** The next standard output line, waiting up to 20 s (a child JVM starts slowly on a busy machine). */
    String nextLine() throws InterruptedException {
        String line = stdout.poll(20, TimeUnit.SECONDS);
        if (line == null) {
            fail("no line on the agent's standard output within 20 s; log so far:\n" + log());
        }
        return line;
    }

    /** Waits until a log line containing {@code text} appears on standard error. */
    void awaitLog(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            String line = stderr.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                fail("no log line with '" + text + "' within 20 s; log so far:\n" + log());
            }
            synchronized (log) {
                log.add(line);
            }
            if (line.contains(text)) {
                return;
            }
        }
    }

    List<String> remainingLines() {
        List<String> rest = new ArrayList<>();
        stdout.drainTo(rest);
        return rest;
    }

    String log() {
        synchronized (log) {
            List<String> all = new ArrayList<>(log);
            stderr.drainTo(all);
            log.clear();
            log.addAll(all);
            return String.join("\n", all);
        }
    }

    /** SIGKILL: no shutdown hook, no close. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    /** Waits for the agent to stop on its own (e.g. after a bad setting); returns the exit code. */
    int exitCode() throws InterruptedException {
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("agent exits on its own within 20 s").isTrue();
        return process.exitValue();
    }

    /** SIGTERM; returns the exit code. */
    int terminate() throws InterruptedException {
        // through the handle: Process.destroy() would also close our ends of its output pipes
        process.toHandle().destroy();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("agent exits within 20 s of SIGTERM").isTrue();
        return process.exitValue();
    }

    /** Waits for the readers to see the end of both streams, so every line printed is in the queues. */
    void drain() throws InterruptedException {
        for (Thread t : readers) {
            t.join(10_000);
        }
    }

    private final List<Thread> readers = new ArrayList<>();

    private void pump(InputStream in, BlockingQueue<String> lines, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process is gone
            }
        }, name);
        t.setDaemon(true);
        t.start();
        readers.add(t);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
