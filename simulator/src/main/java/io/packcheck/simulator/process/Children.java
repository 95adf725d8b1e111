package io.packcheck.simulator.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Every process the simulator starts, so that nothing outlives it: a JVM shutdown hook (Ctrl-C,
 * SIGTERM, a failed test's JVM exit) stops whatever is still running, children of children included.
 */
public final class Children {

    private static final List<Process> RUNNING = new CopyOnWriteArrayList<>();
    private static final List<Runnable> FIRST = new CopyOnWriteArrayList<>();
    // a child in a session of its own does not get the terminal's Ctrl-C: the simulator stops it in order
    private static final Optional<String> SETSID = Stream.of("/usr/bin/setsid", "/bin/setsid")
            .filter(path -> Files.isExecutable(Path.of(path))).findFirst();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            FIRST.forEach(Children::runQuietly);
            stopAll();
        }, "stop-children"));
    }

    private Children() {}

    /**
     * Runs {@code step} when the simulator is stopped (Ctrl-C, SIGTERM), before any child is stopped: the
     * packers stop and the figures so far are printed while the stations and the hub still run.
     */
    public static void whenStopping(Runnable step) {
        FIRST.add(step);
    }

    private static void runQuietly(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            System.err.println("stopping: " + e.getMessage());
        }
    }

    /**
     * Starts a process in a session of its own (so the terminal's Ctrl-C reaches only the simulator, which
     * stops its children in order) and keeps it on the list until it is stopped.
     */
    public static Process start(ProcessBuilder builder, String what) {
        if (SETSID.isPresent() && onPath(builder.command().get(0))) {
            List<String> command = new ArrayList<>(builder.command());
            command.add(0, SETSID.get());
            builder.command(command);
        }
        try {
            Process p = builder.start();
            RUNNING.add(p);
            p.onExit().thenRun(() -> RUNNING.remove(p));
            return p;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + what + " (" + String.join(" ", builder.command()) + "): "
                    + e.getMessage(), e);
        }
    }

    // a program that is not there must fail to start here, not inside setsid where its absence goes unnoticed
    private static boolean onPath(String program) {
        if (program.contains("/")) {
            return Files.isExecutable(Path.of(program));
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    }

    /** SIGTERM, then SIGKILL after {@code graceMillis}; waits for the exit. */
    public static void stop(Process p, long graceMillis) {
        List<ProcessHandle> descendants = p.descendants().toList();
        // SIGTERM through the handle: Process.destroy() also closes the pipes at once, and the child's last lines
        // (an agent's "lights off") would never reach the reader
        p.toHandle().destroy();
        try {
            if (!p.waitFor(graceMillis, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    /** SIGKILL, as a power cut or the OOM killer would; waits for the exit. */
    public static void kill(Process p) {
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops every process still running, all at once so that a dozen JVMs stop within one grace period. */
    public static void stopAll() {
        List<Process> all = new ArrayList<>(RUNNING);
        all.forEach(p -> p.toHandle().destroy());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (Process p : all) {
            try {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !p.waitFor(left, TimeUnit.NANOSECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }
        RUNNING.clear();
    }
}
