package io.packcheck.station.hub;

import io.packcheck.core.catalog.Order;
import io.packcheck.protocol.FeedCodec;
import io.packcheck.protocol.FeedPage;
import io.packcheck.protocol.JsonFields;
import io.packcheck.protocol.OrderCodec;
import io.packcheck.protocol.SyncedOrder;
import io.packcheck.station.store.CatalogChange;
import io.packcheck.station.store.CatalogJson;
import io.packcheck.station.store.Outbox;
import io.packcheck.station.store.SqliteOrderCache;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub link over Vert.x's web client. A verticle: every loop (feed long-poll, outbox sender,
 * heartbeat, liveness probe) runs on its one context, so its state needs no locks; SQLite work runs
 * on worker threads. Failed requests are retried after a {@link io.packcheck.station.scanner.Backoff}
 * delay; when the hub answers again, waiting retries go at once. A 401 or 403 from a station route
 * makes the link {@link LinkState#REFUSED} until the hub accepts an authenticated request again; the
 * retries go on meanwhile at their backoff, so a token the hub takes again recovers without a restart.
 */
public final class VertxHubLink extends VerticleBase implements HubLink {

    private static final Logger LOG = LoggerFactory.getLogger(VertxHubLink.class);
    private static final int FEED_LIMIT = 500;
    private static final long SEND_TIMEOUT_MILLIS = 30_000;
    private static final long START_TIMEOUT_SECONDS = 30;

    private final HubLinkSettings settings;
    private final SqliteOrderCache cache;
    private final Outbox outbox;
    private final Supplier<String> scannerState;
    private final HubLinkListener listener;
    private final Clock clock;
    private final String basePath;
    private final DoubleSupplier jitter;

    private volatile Context linkContext;
    private volatile LinkState state = LinkState.CONNECTING;
    private volatile Optional<Duration> clockSkew = Optional.empty();
    private volatile boolean stopped;
    private WebClient client;
    // any answer that shows the hub is there, a refusal of the token included
    private long lastAnswerNanos;
    // set by a 401 or 403, cleared only by an authenticated exchange: the token-less probe cannot clear it
    private boolean credentialsRefused;
    private boolean probing;
    private int feedFailures;
    private long feedRetryTimer = -1;
    private boolean sending;
    private boolean sendAgain;
    private int sendFailures;
    private long sendRetryTimer = -1;

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
        this.listener = listener;
        this.clock = clock;
        String path = settings.hub().getPath() == null ? "" : settings.hub().getPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
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
        linkContext = context;
        client = WebClient.create(vertx, clientOptions(settings));
        lastAnswerNanos = System.nanoTime();
        long checkEvery = Math.max(50, settings.offlineAfter().toMillis() / 5);
        vertx.setPeriodic(checkEvery, id -> checkLiveness());
        vertx.setPeriodic(settings.sendTick().toMillis(), id -> sendPending());
        vertx.setPeriodic(1, settings.heartbeatEvery().toMillis(), id -> heartbeat());
        pollFeed();
        sendPending();
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        stopped = true;
        client.close();
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
            c.runOnContext(v -> sendPending());
        }
    }

    @Override
    public LinkState state() {
        return state;
    }

    /** The station's clock minus the hub's, from the last heartbeat (half the round trip allowed for). */
    public Optional<Duration> clockSkew() {
        return clockSkew;
    }

    @Override
    public OrderLookup fetchOrder(String idOrAlias) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("fetchOrder waits for the hub; call it from the runtime's thread, not an event loop");
        }
        Context c = linkContext;
        if (c == null || stopped) {
            return new OrderLookup.Unreachable("the hub link is not running");
        }
        CompletableFuture<OrderLookup> answer = new CompletableFuture<>();
        c.runOnContext(v -> lookup(idOrAlias).onComplete(ar -> answer.complete(ar.succeeded()
                ? ar.result()
                : new OrderLookup.Unreachable(describe(ar.cause())))));
        long timeout = settings.fetchTimeout().toMillis();
        try {
            // a little over the HTTP timeout, for the cache write of an order that did arrive
            return answer.get(timeout + 200, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new OrderLookup.Unreachable("the hub did not answer within " + timeout + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new OrderLookup.Unreachable("interrupted while waiting for the hub");
        } catch (ExecutionException e) {
            return new OrderLookup.Unreachable(describe(e.getCause()));
        }
    }

    @Override
    public SerialCheck serialPackedIn(String sku, String serial, String orderId) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("serialPackedIn waits for the hub; call it from the runtime's thread, not an event loop");
        }
        Context c = linkContext;
        if (c == null || stopped) {
            return new SerialCheck.Unknown("the hub link is not running");
        }
        CompletableFuture<SerialCheck> answer = new CompletableFuture<>();
        c.runOnContext(v -> askSerial(sku, serial, orderId).onComplete(ar -> answer.complete(ar.succeeded()
                ? ar.result()
                : new SerialCheck.Unknown(describe(ar.cause())))));
        long timeout = settings.fetchTimeout().toMillis();
        try {
            return answer.get(timeout + 200, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new SerialCheck.Unknown("the hub did not answer within " + timeout + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SerialCheck.Unknown("interrupted while waiting for the hub");
        } catch (ExecutionException e) {
            return new SerialCheck.Unknown(describe(e.getCause()));
        }
    }

    private Future<SerialCheck> askSerial(String sku, String serial, String orderId) {
        long timeout = settings.fetchTimeout().toMillis();
        String uri = "/api/v1/station/serials/" + pathSegment(sku) + "/" + pathSegment(serial) + "?order="
                + URLEncoder.encode(orderId, StandardCharsets.UTF_8);
        return request(client.get(path(uri))).connectTimeout(timeout).timeout(timeout).send()
                .compose(response -> expectOk(response, "serial check"))
                .map(ok -> {
                    reached();
                    var orders = ok.bodyAsJsonObject().getJsonArray("orders");
                    return orders == null || orders.isEmpty()
                            ? (SerialCheck) new SerialCheck.NotPacked()
                            : new SerialCheck.PackedElsewhere(orders.getJsonObject(0).getString("orderId"));
                });
    }

    private static String pathSegment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Future<OrderLookup> lookup(String idOrAlias) {
        long timeout = settings.fetchTimeout().toMillis();
        String encoded = URLEncoder.encode(idOrAlias, StandardCharsets.UTF_8).replace("+", "%20");
        return request(client.get(path("/api/v1/station/orders/" + encoded))).connectTimeout(timeout).timeout(timeout)
                .send()
                .compose(response -> {
                    if (response.statusCode() == 404) {
                        reached();
                        return Future.succeededFuture(new OrderLookup.Unknown(idOrAlias));
                    }
                    return expectOk(response, "order lookup").compose(ok -> {
                        SyncedOrder synced = OrderCodec.fromJson(ok.bodyAsJsonObject());
                        reached();
                        return blocking(() -> {
                            cache.apply(List.of(CatalogJson.change(synced)));
                            return (OrderLookup) new OrderLookup.Found(synced.order());
                        });
                    });
                });
    }

    // ---- feed: long-poll, apply each page with its cursor in one transaction, ask again at once

    private void pollFeed() {
        feedRetryTimer = -1;
        if (stopped) {
            return;
        }
        long waitSeconds = settings.feedWait().toSeconds();
        blocking(cache::feedCursor)
                .compose(cursor -> {
                    HttpRequest<Buffer> get = request(client.get(path("/api/v1/station/feed")))
                            .addQueryParam("wait", Long.toString(waitSeconds))
                            .addQueryParam("limit", Integer.toString(FEED_LIMIT))
                            // the hub holds the request up to the wait; only silence beyond that is a failure
                            .timeout(TimeUnit.SECONDS.toMillis(waitSeconds + 15));
                    cursor.ifPresent(c -> get.addQueryParam("after", c));
                    return get.send();
                })
                .compose(response -> expectOk(response, "feed"))
                .map(response -> FeedCodec.page(response.bodyAsJsonObject()))
                .compose(page -> blocking(() -> apply(page)))
                .onSuccess(changed -> {
                    feedFailures = 0;
                    reached();
                    if (!changed.isEmpty()) {
                        notifyOrders(changed);
                    }
                    pollFeed();
                })
                .onFailure(e -> {
                    if (stopped) {
                        return;
                    }
                    long delay = retryDelay(feedFailures++);
                    LOG.warn("hub feed failed ({}); retrying in {} ms", describe(e), delay);
                    feedRetryTimer = vertx.setTimer(Math.max(1, delay), id -> pollFeed());
                });
    }

    /** Applies a page in one transaction with its cursor; returns the orders it changed. */
    private List<Order> apply(FeedPage page) {
        List<CatalogChange> changes = page.changes().stream().map(CatalogJson::change).toList();
        cache.applyChanges(changes, Optional.of(page.cursor()));
        Map<String, Order> orders = new LinkedHashMap<>();
        for (CatalogChange change : changes) {
            if (change instanceof CatalogChange.PutOrder put) {
                orders.put(put.order().id(), put.order());
            }
        }
        return List.copyOf(orders.values());
    }

    // ---- outbox: oldest unconfirmed first, in batches, until none is left

    private void sendPending() {
        if (stopped) {
            return;
        }
        if (sending) {
            sendAgain = true;
            return;
        }
        if (sendRetryTimer != -1) {
            // backing off: the retry timer sends what is waiting
            return;
        }
        sending = true;
        sendAgain = false;
        blocking(() -> outbox.oldestUnconfirmedWire(settings.batchSize()))
                .compose(batch -> batch.isEmpty() ? Future.succeededFuture(0) : send(batch))
                .onComplete(ar -> {
                    sending = false;
                    if (stopped) {
                        return;
                    }
                    if (ar.succeeded()) {
                        sendFailures = 0;
                        if (ar.result() > 0 || sendAgain) {
                            sendPending();
                        }
                    } else {
                        long delay = retryDelay(sendFailures++);
                        LOG.warn("sending events to the hub failed ({}); retrying in {} ms", describe(ar.cause()), delay);
                        sendRetryTimer = vertx.setTimer(Math.max(1, delay), id -> {
                            sendRetryTimer = -1;
                            sendPending();
                        });
                    }
                });
    }

    private Future<Integer> send(List<Outbox.WireEvent> batch) {
        // the outbox keeps each event as its wire body, so the batch is sent exactly as stored
        String body = batch.stream().map(Outbox.WireEvent::body).collect(Collectors.joining(",", "{\"events\":[", "]}"));
        return request(client.post(path("/api/v1/station/events")))
                .putHeader("Content-Type", "application/json")
                .timeout(SEND_TIMEOUT_MILLIS)
                .sendBuffer(Buffer.buffer(body))
                .compose(response -> expectOk(response, "event ingest"))
                .compose(response -> {
                    JsonObject answer = response.bodyAsJsonObject();
                    Set<UUID> confirmed = new HashSet<>();
                    confirmed.addAll(ids(answer.getJsonArray("stored")));
                    confirmed.addAll(ids(answer.getJsonArray("duplicates")));
                    Map<UUID, String> rejected = rejections(answer.getJsonArray("rejected"), batch);
                    return blocking(() -> {
                        outbox.confirm(confirmed);
                        if (!rejected.isEmpty()) {
                            outbox.reject(rejected);
                        }
                        return batch.size();
                    });
                })
                .onFailure(e -> {
                    if (!stopped) {
                        blocking(() -> {
                            outbox.markSent(batch.stream().map(Outbox.WireEvent::id).toList());
                            return null;
                        });
                    }
                });
    }

    /** The hub can never accept these: they are set aside with its reason (kept in the outbox, not resent). */
    private static Map<UUID, String> rejections(JsonArray rejected, List<Outbox.WireEvent> batch) {
        Map<UUID, String> out = new HashMap<>();
        if (rejected == null) {
            return out;
        }
        for (int i = 0; i < rejected.size(); i++) {
            JsonObject r = rejected.getJsonObject(i);
            Integer index = r.getInteger("index");
            if (index == null || index < 0 || index >= batch.size()) {
                continue;
            }
            Outbox.WireEvent event = batch.get(index);
            String reason = r.getString("field", "") + ": " + r.getString("message", "rejected");
            LOG.error("the hub rejected outbox event {} (sequence {}) for good: {}; set aside", event.id(),
                    event.sequence(), reason);
            out.put(event.id(), reason);
        }
        return out;
    }

    private static List<UUID> ids(JsonArray ids) {
        List<UUID> out = new ArrayList<>();
        if (ids != null) {
            for (int i = 0; i < ids.size(); i++) {
                out.add(UUID.fromString(ids.getString(i)));
            }
        }
        return out;
    }

    // ---- heartbeat and liveness

    private void heartbeat() {
        if (stopped) {
            return;
        }
        blocking(() -> new QueueAndCache(outbox.depth(), cache.cacheAge()))
                .compose(facts -> {
                    Optional<Duration> age = facts.cacheAge();
                    Instant sentAt = clock.instant();
                    JsonObject body = new JsonObject()
                            .put("agentVersion", settings.agentVersion())
                            .put("scannerState", scannerState.get())
                            .put("queueDepth", facts.queueDepth())
                            .put("cacheAgeSeconds", age.map(a -> Math.max(0, a.toSeconds())).orElse(null))
                            .put("clock", sentAt.toString());
                    return request(client.post(path("/api/v1/station/heartbeat"))).timeout(10_000).sendJsonObject(body)
                            .compose(response -> expectOk(response, "heartbeat"))
                            .map(response -> {
                                Instant receivedAt = clock.instant();
                                Instant hubTime = JsonFields.optionalInstant(response.bodyAsJsonObject(), "hubTime")
                                        .orElseThrow(() -> new IllegalStateException("heartbeat answer has no hubTime"));
                                Instant middle = sentAt.plus(Duration.between(sentAt, receivedAt).dividedBy(2));
                                return Duration.between(hubTime, middle);
                            });
                })
                .onSuccess(skew -> {
                    reached();
                    clockSkew = Optional.of(skew);
                    if (skew.abs().compareTo(Duration.ofSeconds(2)) > 0) {
                        LOG.warn("station clock is {} ms off the hub's", skew.toMillis());
                    }
                })
                .onFailure(e -> LOG.debug("heartbeat failed: {}", describe(e)));
    }

    /**
     * A quiet feed holds its request for up to the long-poll wait, so silence is normal: a cheap
     * probe fills the gaps, and only when the hub did not answer at all for the offline threshold is
     * the link offline. The probe needs no token, so it shows the hub is there, never that it takes
     * this station's token.
     */
    private void checkLiveness() {
        if (stopped) {
            return;
        }
        long silentMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastAnswerNanos);
        long offlineAfter = settings.offlineAfter().toMillis();
        if (silentMillis > offlineAfter && state != LinkState.OFFLINE) {
            changeState(LinkState.OFFLINE);
        }
        if (silentMillis > offlineAfter / 3 && !probing) {
            probing = true;
            long timeout = Math.max(100, offlineAfter / 2);
            client.get(path("/health/live")).connectTimeout(timeout).timeout(timeout).send()
                    .onComplete(ar -> {
                        probing = false;
                        if (ar.succeeded() && ar.result().statusCode() == 200) {
                            answeredProbe();
                        }
                    });
        }
    }

    /** The hub answered the liveness probe: it is there, but only an authenticated exchange ends a refusal. */
    private void answeredProbe() {
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

    /** A station route answered 401 or 403: the hub is there but does not take this station's token. */
    private void refused() {
        if (stopped) {
            return;
        }
        lastAnswerNanos = System.nanoTime();
        credentialsRefused = true;
        if (state != LinkState.REFUSED) {
            changeState(LinkState.REFUSED);
        }
    }

    /** A successful authenticated exchange with the hub. */
    private void reached() {
        lastAnswerNanos = System.nanoTime();
        credentialsRefused = false;
        if (state != LinkState.ONLINE) {
            changeState(LinkState.ONLINE);
            // the hub is back: what waits for a retry goes now
            if (feedRetryTimer != -1 && vertx.cancelTimer(feedRetryTimer)) {
                feedRetryTimer = -1;
                pollFeed();
            }
            if (sendRetryTimer != -1 && vertx.cancelTimer(sendRetryTimer)) {
                sendRetryTimer = -1;
            }
            sendPending();
        }
    }

    private void changeState(LinkState next) {
        LinkState previous = state;
        state = next;
        switch (next) {
            case OFFLINE -> LOG.warn("hub {} unreachable: working offline from the cache", settings.hub());
            case REFUSED -> LOG.error("hub {} refuses this station's token (station revoked or token replaced):"
                    + " working from the cache, events wait in the outbox until the station is enrolled again",
                    settings.hub());
            default -> LOG.info("hub {} reachable{}", settings.hub(),
                    previous == LinkState.OFFLINE || previous == LinkState.REFUSED ? " again" : "");
        }
        try {
            listener.stateChanged(next);
        } catch (RuntimeException e) {
            LOG.error("hub link listener failed on state {}", next, e);
        }
    }

    private void notifyOrders(List<Order> orders) {
        try {
            listener.ordersChanged(orders);
        } catch (RuntimeException e) {
            LOG.error("hub link listener failed on changed orders", e);
        }
    }

    // ---- plumbing

    private HttpRequest<Buffer> request(HttpRequest<Buffer> request) {
        return request.bearerTokenAuthentication(settings.token().value());
    }

    private String path(String route) {
        return basePath + route;
    }

    private long retryDelay(int attempt) {
        return settings.backoff().delay(attempt, jitter).toMillis();
    }

    private <T> Future<T> blocking(Callable<T> work) {
        // unordered: the database serialises its own work, and a slow feed page need not hold up a confirm
        return context.executeBlocking(work, false);
    }

    /** Passes a 200 on; anything else fails as a {@link HubAnswerException}, and a 401 or 403 makes the link refused. */
    private Future<HttpResponse<Buffer>> expectOk(HttpResponse<Buffer> response, String what) {
        if (response.statusCode() == 200) {
            return Future.succeededFuture(response);
        }
        String detail = "";
        try {
            JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
            detail = error == null ? "" : ": " + error.getString("message", "");
        } catch (RuntimeException e) {
            // not a JSON error body; the status says enough
        }
        HubAnswerException answer = new HubAnswerException(response.statusCode(),
                what + " answered HTTP " + response.statusCode() + detail);
        if (answer.refusesCredentials()) {
            refused();
        }
        return Future.failedFuture(answer);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    static WebClientOptions clientOptions(HubLinkSettings settings) {
        URI hub = settings.hub();
        boolean tls = "https".equals(hub.getScheme());
        WebClientOptions options = new WebClientOptions()
                .setDefaultHost(hub.getHost())
                .setDefaultPort(hub.getPort() > 0 ? hub.getPort() : tls ? 443 : 80)
                .setSsl(tls)
                .setConnectTimeout(5_000)
                .setKeepAlive(true)
                .setUserAgent("packcheck-station/" + settings.agentVersion());
        // without a CA file the JVM's default trust store decides, and the host name is verified either way
        settings.hubCa().ifPresent(pem -> options.setTrustOptions(new PemTrustOptions().addCertPath(pem.toString())));
        return options;
    }

    private static <T> T await(Future<T> future, long seconds, String what) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + what, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot " + what + ": " + describe(e.getCause() == null ? e : e.getCause()), e);
        }
    }

    private record QueueAndCache(long queueDepth, Optional<Duration> cacheAge) {}

    /** The hub answered, but not with what the link asked for. */
    static final class HubAnswerException extends RuntimeException {
        private final int status;

        HubAnswerException(int status, String message) {
            super(message);
            this.status = status;
        }

        /** The HTTP status the hub answered with. */
        int status() {
            return status;
        }

        /** 401 (token unknown or revoked) or 403 (not a station token): retrying the same token cannot help by itself. */
        boolean refusesCredentials() {
            return status == 401 || status == 403;
        }
    }
}
