package io.packcheck.simulator.hub;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads the hub's {@code GET /events} as an integrator would, keeping the cursor, and notes when each
 * event was first visible there. Rides out hub restarts by asking again.
 */
public final class EventLog implements AutoCloseable {

    /** An event as the hub returned it, and when the simulator first saw it. */
    public record Seen(JsonObject event, Instant seenAt) {}

    private final HubApi api;
    private final long pollMillis;
    private final List<Seen> seen = new ArrayList<>();
    private final Thread reader;
    private volatile boolean closed;
    private Optional<String> cursor = Optional.empty();

    private EventLog(HubApi api, long pollMillis) {
        this.api = api;
        this.pollMillis = pollMillis;
        this.reader = new Thread(this::loop, "hub-events");
        reader.setDaemon(true);
    }

    /** Starts reading from the beginning of the hub's events, asking every {@code pollMillis} when caught up. */
    public static EventLog start(HubApi api, long pollMillis) {
        EventLog log = new EventLog(api, pollMillis);
        log.reader.start();
        return log;
    }

    private void loop() {
        while (!closed) {
            boolean full = false;
            try {
                HubApi.EventPage page = api.events(cursor, 1000);
                Instant now = Instant.now();
                synchronized (this) {
                    page.events().forEach(e -> seen.add(new Seen(e, now)));
                }
                cursor = Optional.of(page.cursor());
                full = page.events().size() == 1000;
            } catch (HubApi.HubError e) {
                // the hub is down or restarting: ask again
            }
            if (!full) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(pollMillis));
            }
        }
    }

    /** Every event read so far, in the hub's order. */
    public synchronized List<Seen> events() {
        return new ArrayList<>(seen);
    }

    public synchronized int size() {
        return seen.size();
    }

    @Override
    public void close() {
        closed = true;
        reader.interrupt();
    }
}
