package io.packcheck.station.lights;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;

/**
 * Virtual time for tests: a scheduler on a clock the test moves. {@link #advance} runs every task that falls
 * due, in time order; {@link #clock()} reads the same time, so the station's clock and its lights agree.
 */
public final class ManualScheduler implements Scheduler {

    /** Where virtual time starts: a working morning, so dates and shelf lives read naturally. */
    public static final Instant START = Instant.parse("2026-11-20T09:00:00Z");

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
    public synchronized long nowMillis() {
        return now / 1_000_000;
    }

    /** A clock that reads this scheduler's time, from {@link #START}. */
    public Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException("virtual time runs in UTC");
            }

            @Override
            public Instant instant() {
                synchronized (ManualScheduler.this) {
                    return START.plusNanos(now);
                }
            }
        };
    }

    public void advance(Duration by) {
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

    public void advanceMillis(long ms) {
        advance(Duration.ofMillis(ms));
    }
}
