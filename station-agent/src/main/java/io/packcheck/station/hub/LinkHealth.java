package io.packcheck.station.hub;

import io.packcheck.core.catalog.Order;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the hub is there and takes this station's token: online, offline, refused or still connecting. Every
 * loop reports its answers here; the listener hears of each change. Touched on the link's context only, apart
 * from {@link #state()}.
 */
final class LinkHealth {

    private static final Logger LOG = LoggerFactory.getLogger(LinkHealth.class);

    private final URI hub;
    private final HubLinkListener listener;
    private final List<Runnable> onBackOnline = new ArrayList<>();
    private volatile LinkState state = LinkState.CONNECTING;
    // any answer that shows the hub is there, a refusal of the token included
    private long lastAnswerNanos = System.nanoTime();
    // set by a 401 or 403, cleared only by an authenticated exchange: the token-less probe cannot clear it
    private boolean credentialsRefused;

    LinkHealth(URI hub, HubLinkListener listener) {
        this.hub = hub;
        this.listener = listener;
    }

    /** Runs when the link comes back online: what waits for a retry goes now. */
    void whenBackOnline(Runnable resume) {
        onBackOnline.add(resume);
    }

    LinkState state() {
        return state;
    }

    long silentMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastAnswerNanos);
    }

    /** Nothing answered for the offline threshold. */
    void silent() {
        if (state != LinkState.OFFLINE) {
            changeState(LinkState.OFFLINE);
        }
    }

    /** A successful authenticated exchange with the hub. */
    void reached() {
        lastAnswerNanos = System.nanoTime();
        credentialsRefused = false;
        if (state != LinkState.ONLINE) {
            changeState(LinkState.ONLINE);
            onBackOnline.forEach(Runnable::run);
        }
    }

    /** A station route answered 401 or 403: the hub is there but does not take this station's token. */
    void refused() {
        lastAnswerNanos = System.nanoTime();
        credentialsRefused = true;
        if (state != LinkState.REFUSED) {
            changeState(LinkState.REFUSED);
        }
    }

    /** The hub answered the liveness probe: it is there, but only an authenticated exchange ends a refusal. */
    void answeredProbe() {
        if (!credentialsRefused) {
            reached();
            return;
        }
        lastAnswerNanos = System.nanoTime();
        if (state != LinkState.REFUSED) {
            // back from offline to the refusal it left: the retries keep their backoff, the hub would refuse them at once
            changeState(LinkState.REFUSED);
        }
    }

    void ordersChanged(List<Order> orders) {
        try {
            listener.ordersChanged(orders);
        } catch (RuntimeException e) {
            LOG.error("hub link listener failed on changed orders", e);
        }
    }

    private void changeState(LinkState next) {
        LinkState previous = state;
        state = next;
        switch (next) {
            case OFFLINE -> LOG.warn("hub {} unreachable: working offline from the cache", hub);
            case REFUSED -> LOG.error("hub {} refuses this station's token (station revoked or token replaced):"
                    + " working from the cache, events wait in the outbox until the station is enrolled again", hub);
            default -> LOG.info("hub {} reachable{}", hub,
                    previous == LinkState.OFFLINE || previous == LinkState.REFUSED ? " again" : "");
        }
        try {
            listener.stateChanged(next);
        } catch (RuntimeException e) {
            LOG.error("hub link listener failed on state {}", next, e);
        }
    }
}
