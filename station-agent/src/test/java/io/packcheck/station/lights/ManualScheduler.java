package io.packcheck.station.lights;

import java.time.Duration;
import java.util.PriorityQueue;

/** A scheduler on a clock the test moves: {@link #advance} runs every task that falls due, in time order. */
final class ManualScheduler implements Scheduler {

    private final class Task implements Cancellable {
        final long due;
        final long seq;
        final Runnable body;
        boolean cancelled;

        Task(long due, long seq, Runnable body) {
            this.due = due;
            this.seq = seq;
            this.body = body;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private final PriorityQueue<Task> queue = new PriorityQueue<>((a, b) ->
            a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
    private long now;
    private long seq;

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Task t = new Task(now + delay.toNanos(), seq++, task);
        queue.add(t);
        return t;
    }

    /** Milliseconds since the test began. */
    synchronized long nowMillis() {
        return now / 1_000_000;
    }

    void advance(Duration by) {
        long target;
        synchronized (this) {
            target = now + by.toNanos();
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.due > target) {
                    now = target;
                    return;
                }
                queue.poll();
                now = next.due;
            }
            if (!next.cancelled) {
                next.body.run();
            }
        }
    }

    void advanceMillis(long ms) {
        advance(Duration.ofMillis(ms));
    }
}
