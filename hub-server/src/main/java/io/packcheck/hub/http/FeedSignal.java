package io.packcheck.hub.http;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Long-polling stations wait here until the catalog changes past their cursor: a commit wakes them at
 * once, nothing polls the database.
 */
public final class FeedSignal {

    private final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();
    private final AtomicLong head;

    private record Waiter(Context context, Promise<Void> promise, long after) {}

    public FeedSignal(long head) {
        this.head = new AtomicLong(head);
    }

    /** Completes when the head passes {@code after}, or after the timeout, whichever is first. */
    public Future<Void> await(Vertx vertx, long after, long timeoutMillis) {
        Waiter waiter = new Waiter(vertx.getOrCreateContext(), Promise.promise(), after);
        waiters.add(waiter);
        long timer = vertx.setTimer(timeoutMillis, t -> wake(waiter));
        // A change that committed between the caller's query and now must not be slept through.
        if (head.get() > after) {
            wake(waiter);
        }
        return waiter.promise().future().onComplete(x -> vertx.cancelTimer(timer));
    }

    /** Called from any thread after a commit moved the head. */
    public void changed(long newHead) {
        head.accumulateAndGet(newHead, Math::max);
        for (Waiter waiter : waiters) {
            if (newHead > waiter.after()) {
                wake(waiter);
            }
        }
    }

    public int waiting() {
        return waiters.size();
    }

    private void wake(Waiter waiter) {
        if (waiters.remove(waiter)) {
            waiter.context().runOnContext(v -> waiter.promise().tryComplete());
        }
    }
}
