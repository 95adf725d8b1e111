package io.packcheck.station.hub;

import io.packcheck.core.catalog.Order;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Keeps what the link reported, and lets a test wait for a report with a timeout. */
final class RecordingLinkListener implements HubLinkListener {

    final LinkedBlockingQueue<Order> orders = new LinkedBlockingQueue<>();
    final LinkedBlockingQueue<LinkState> states = new LinkedBlockingQueue<>();

    @Override
    public void ordersChanged(List<Order> changed) {
        orders.addAll(changed);
    }

    @Override
    public void stateChanged(LinkState state) {
        states.add(state);
    }

    Order awaitOrder(Predicate<Order> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Order next = orders.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError("no such order change within " + timeout);
            }
            if (wanted.test(next)) {
                return next;
            }
        }
    }

    /** Every state reported during the next {@code window}, for a test that checks what must not happen. */
    List<LinkState> statesDuring(Duration window) throws InterruptedException {
        List<LinkState> seen = new ArrayList<>();
        long end = System.nanoTime() + window.toNanos();
        for (long left = window.toNanos(); left > 0; left = end - System.nanoTime()) {
            LinkState next = states.poll(left, TimeUnit.NANOSECONDS);
            if (next != null) {
                seen.add(next);
            }
        }
        return seen;
    }

    void awaitState(LinkState wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            LinkState next = states.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError("the link did not report " + wanted + " within " + timeout);
            }
            if (next == wanted) {
                return;
            }
        }
    }
}
