package io.packcheck.station.runtime;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's one input loop: every input (a frame, a typed code, a button press, news from the hub) is
 * queued to one thread, so the pack session changes one step at a time and nothing else touches it.
 */
final class StationLoop {

    private static final Logger LOG = LoggerFactory.getLogger(StationLoop.class);

    private final ExecutorService thread;
    private volatile boolean accepting = true;

    /** Runs the steps on {@code executor}, which must run one step at a time, in order. */
    StationLoop(ExecutorService executor) {
        this.thread = executor;
    }

    /** The production loop: one daemon thread. */
    static StationLoop ownThread(String name) {
        return new StationLoop(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        }));
    }

    /** Queues a step; a step that throws is logged and the next one runs. Ignored once stopping. */
    void submit(String what, Runnable step) {
        if (!accepting) {
            LOG.debug("stopping: {} ignored", what);
            return;
        }
        try {
            thread.execute(guarded(what, step));
        } catch (RejectedExecutionException e) {
            LOG.debug("stopping: {} ignored", what);
        }
    }

    /** Queues a step and tells when it is done (or failed). */
    CompletableFuture<Void> call(Runnable step) {
        return CompletableFuture.runAsync(step, thread);
    }

    /**
     * Stops taking input and lets the step in progress (and any input already queued) finish, so no scan is
     * half handled. Returns false when that did not end within the timeout.
     */
    boolean stop(Duration timeout) {
        accepting = false;
        thread.shutdown();
        try {
            return thread.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Runnable guarded(String what, Runnable step) {
        return () -> {
            try {
                step.run();
            } catch (RuntimeException e) {
                // one input the station could not handle must not stop the next one
                LOG.error("station failed on {}", what, e);
            }
        };
    }
}
