package io.packcheck.station.hub;

import io.packcheck.station.store.Outbox;
import io.packcheck.station.store.SqliteOrderCache;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The hub link over Vert.x's web client. A verticle that wires one class per loop on its one context, so their
 * state needs no locks: {@link FeedLoop} (long-poll), {@link OutboxSender}, {@link HeartbeatLoop} and
 * {@link LivenessProbe}, all reporting to one {@link LinkHealth}; one-off order questions go through
 * {@link OrderCalls}. SQLite work runs on worker threads. Failed requests are retried after a
 * {@link io.packcheck.station.scanner.Backoff} delay; when the hub answers again, waiting retries go at once. A 401
 * or 403 from a station route makes the link {@link LinkState#REFUSED} until the hub accepts an authenticated
 * request again; the retries go on meanwhile at their backoff, so a token the hub takes again recovers without a
 * restart.
 */
public final class VertxHubLink extends VerticleBase implements HubLink {

    private static final long START_TIMEOUT_SECONDS = 30;

    private final HubLinkSettings settings;
    private final SqliteOrderCache cache;
    private final Outbox outbox;
    private final Supplier<String> scannerState;
    private final Clock clock;
    private final DoubleSupplier jitter;
    private final LinkHealth health;

    private volatile Context linkContext;
    private volatile boolean stopped;
    private HubExchange exchange;
    private OutboxSender sender;
    private HeartbeatLoop heartbeat;
    private OrderCalls orders;

    /**
     * @param scannerState what the heartbeat reports as the scanner's state, e.g. {@code connected}
     * @param clock        the station's clock: heartbeat time and clock skew
     */
    public VertxHubLink(HubLinkSettings settings, SqliteOrderCache cache, Outbox outbox, Supplier<String> scannerState,
                        HubLinkListener listener, Clock clock) {
        this(settings, cache, outbox, scannerState, listener, clock, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param jitter uniform numbers in [0, 1) for the backoff's full jitter (fixed in tests) */
    VertxHubLink(HubLinkSettings settings, SqliteOrderCache cache, Outbox outbox, Supplier<String> scannerState,
                 HubLinkListener listener, Clock clock, DoubleSupplier jitter) {
        this.jitter = jitter;
        this.settings = settings;
        this.cache = cache;
        this.outbox = outbox;
        this.scannerState = scannerState;
        this.clock = clock;
        this.health = new LinkHealth(settings.hub(), listener);
    }

    /** Deploys a link on the Vert.x instance and returns it running; {@link #close} undeploys it. */
    public static VertxHubLink start(Vertx vertx, HubLinkSettings settings, SqliteOrderCache cache, Outbox outbox,
                                     Supplier<String> scannerState, HubLinkListener listener, Clock clock) {
        return start(vertx, new VertxHubLink(settings, cache, outbox, scannerState, listener, clock));
    }

    static VertxHubLink start(Vertx vertx, VertxHubLink link) {
        await(vertx.deployVerticle(link), START_TIMEOUT_SECONDS, "start the hub link");
        return link;
    }

    @Override
    public Future<?> start() {
        exchange = new HubExchange(vertx, context, settings, health, jitter);
        FeedLoop feed = new FeedLoop(exchange, health, cache);
        sender = new OutboxSender(exchange, outbox);
        heartbeat = new HeartbeatLoop(exchange, health, cache, outbox, scannerState, clock);
        orders = new OrderCalls(exchange, health, cache);
        health.whenBackOnline(feed::resumeNow);
        health.whenBackOnline(sender::resumeNow);
        new LivenessProbe(exchange, health).start();
        sender.start();
        heartbeat.start();
        feed.start();
        linkContext = context;
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        stopped = true;
        exchange.stop();
        return Future.succeededFuture();
    }

    @Override
    public void close() {
        if (!stopped && deploymentID() != null) {
            await(vertx.undeploy(deploymentID()), START_TIMEOUT_SECONDS, "stop the hub link");
        }
    }

    @Override
    public void eventsAppended() {
        Context c = linkContext;
        if (c != null && !stopped) {
            c.runOnContext(v -> sender.sendPending());
        }
    }

    @Override
    public LinkState state() {
        return health.state();
    }

    /** The station's clock minus the hub's, from the last heartbeat (half the round trip allowed for). */
    public Optional<Duration> clockSkew() {
        HeartbeatLoop beat = heartbeat;
        return beat == null ? Optional.empty() : beat.clockSkew();
    }

    @Override
    public OrderLookup fetchOrder(String idOrAlias) {
        return ask("fetchOrder", () -> orders.lookup(idOrAlias), OrderLookup.Unreachable::new);
    }

    @Override
    public OrderClaim claimOrder(String orderId) {
        return ask("claimOrder", () -> orders.claim(orderId), OrderClaim.Unreachable::new);
    }

    @Override
    public SerialCheck serialPackedIn(String sku, String serial, String orderId) {
        return ask("serialPackedIn", () -> orders.serial(sku, serial, orderId), SerialCheck.Unknown::new);
    }

    /**
     * Asks on the link's context and waits on the caller's thread for at most the fetch timeout (and a little for
     * the cache write of an answer that did arrive); no answer in time is {@code unreachable}.
     */
    private <T> T ask(String what, Supplier<Future<T>> call, Function<String, T> unreachable) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException(what + " waits for the hub; call it from the runtime's thread, not an event loop");
        }
        Context c = linkContext;
        if (c == null || stopped) {
            return unreachable.apply("the hub link is not running");
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        c.runOnContext(v -> call.get().onComplete(ar -> answer.complete(ar.succeeded()
                ? ar.result()
                : unreachable.apply(HubExchange.describe(ar.cause())))));
        long timeout = settings.fetchTimeout().toMillis();
        try {
            return answer.get(timeout + 200, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return unreachable.apply("the hub did not answer within " + timeout + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unreachable.apply("interrupted while waiting for the hub");
        } catch (ExecutionException e) {
            return unreachable.apply(HubExchange.describe(e.getCause()));
        }
    }

    private static <T> T await(Future<T> future, long seconds, String what) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + what, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot " + what + ": "
                    + HubExchange.describe(e.getCause() == null ? e : e.getCause()), e);
        }
    }
}
