package io.packcheck.simulator.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Every process the simulator starts, so that nothing outlives it: a JVM shutdown hook (Ctrl-C,
 * SIGTERM, a failed test's JVM exit) stops whatever is still running, children of children included.
 */
public final class Children {

    private static final List<Process> RUNNING = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Children::stopAll, "stop-children"));
    }

    private Children() {}

    /** Starts a process and keeps it on the list until it is stopped. */
    public static Process start(ProcessBuilder builder, String what) {
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

    /** SIGTERM, then SIGKILL after {@code graceMillis}; waits for the exit. */
    public static void stop(Process p, long graceMillis) {
        List<ProcessHandle> descendants = p.descendants().toList();
        p.destroy();
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
        all.forEach(Process::destroy);
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
