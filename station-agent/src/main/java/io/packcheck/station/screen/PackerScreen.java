package io.packcheck.station.screen;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The packer screen: a local web page for the kiosk browser beside the station. The page gets each
 * {@link ScreenView} pushed over server-sent events, and hands typed or keyboard-wedge codes back
 * to the runtime.
 *
 * <p>Routes: {@code GET /} the page, {@code GET /events} the view stream, {@code GET /api/view} the
 * current view, {@code GET /api/session} this start's token and whether this screen may type,
 * {@code POST /api/codes} a code ({@code {"code": "..."}}), {@code POST /api/screen-secret} the secret that
 * lets a screen on another computer type ({@code {"secret": "..."}}). Who may see and who may type is
 * {@link ScreenGuard}'s to decide.
 */
public final class PackerScreen {

    private static final Logger LOG = LoggerFactory.getLogger(PackerScreen.class);
    private static final int MAX_CODE_LENGTH = 512;
    private static final long KEEPALIVE_MILLIS = 15_000;

    private static final Duration SECRET_RETRY = Duration.ofSeconds(1);
    private static final long SECRET_COOKIE_SECONDS = Duration.ofDays(365).toSeconds();

    private final Vertx vertx;
    private final ScreenAccess access;
    private final ScreenGuard guard;
    private final BiConsumer<String, TypedFrom> onCode;
    private final AtomicLong lastWrongSecret = new AtomicLong(System.nanoTime() - SECRET_RETRY.toNanos());
    private final AtomicLong sequence = new AtomicLong();
    // only touched on the server's context
    private final Set<HttpServerResponse> streams = new LinkedHashSet<>();
    private volatile String current;
    private Context context;
    private HttpServer server;
    private long keepalive = -1;

    /**
     * @param onCode receives every code typed or wedged into the page's field, with where it was typed, in order,
     *               off the event loop
     */
    public PackerScreen(Vertx vertx, ScreenAccess access, BiConsumer<String, TypedFrom> onCode, String stationId) {
        this(vertx, access, InetAddress::isLoopbackAddress, onCode, stationId);
    }

    /** As the public constructor, with what counts as the station itself (a test makes every client a remote one). */
    PackerScreen(Vertx vertx, ScreenAccess access, Predicate<InetAddress> atStation,
                 BiConsumer<String, TypedFrom> onCode, String stationId) {
        this.vertx = vertx;
        this.access = access;
        this.guard = new ScreenGuard(access, atStation, new SecureRandom());
        this.onCode = onCode;
        this.current = encode(ScreenView.idle(stationId, ScreenView.HubLink.NONE));
    }

    /**
     * Serves the screen on the port (0 picks a free one, for tests) at the bind address; completes with the
     * bound port.
     */
    public Future<Integer> start(int port) {
        context = vertx.getOrCreateContext();
        Router router = Router.router(vertx);
        router.route().setName("screen guard").handler(this::guard);
        router.get("/events").setName("view stream").handler(this::stream);
        router.get("/api/view").setName("current view").handler(this::view);
        router.get("/api/session").setName("page session").handler(this::session);
        router.post("/api/codes").setName("typed code").handler(BodyHandler.create().setBodyLimit(4096)).handler(this::code);
        router.post("/api/screen-secret").setName("screen secret").handler(BodyHandler.create().setBodyLimit(1024))
                .handler(this::enterSecret);
        router.route("/*").setName("page").handler(StaticHandler.create("packer-screen").setCachingEnabled(false));
        return Future.<HttpServer>future(promise -> context.runOnContext(v ->
                        vertx.createHttpServer().requestHandler(router).listen(port, access.bind()).onComplete(promise)))
                .map(s -> {
                    server = s;
                    keepalive = vertx.setPeriodic(KEEPALIVE_MILLIS, id -> context.runOnContext(v -> broadcast(": keepalive\n\n")));
                    LOG.info("packer screen on {}:{}{}", access.bind(), s.actualPort(), guard.asksForSecret()
                            ? ", typing from other computers with the screen secret" : "");
                    return s.actualPort();
                });
    }

    /** Shows the view on every open page; callable from any thread. */
    public void show(ScreenView view) {
        String json = encode(view);
        current = json;
        if (context != null) {
            context.runOnContext(v -> broadcast("data: " + json + "\n\n"));
        }
    }

    public Future<Void> stop() {
        if (server == null) {
            return Future.succeededFuture();
        }
        vertx.cancelTimer(keepalive);
        return Future.<Void>future(promise -> context.runOnContext(v -> {
            streams.forEach(r -> r.end());
            streams.clear();
            promise.complete();
        })).compose(v -> server.close());
    }

    private String encode(ScreenView view) {
        return ScreenViewJson.toJson(view, sequence.incrementAndGet(), System.currentTimeMillis()).encode();
    }

    private void stream(RoutingContext ctx) {
        HttpServerResponse response = ctx.response()
                .setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no");
        streams.add(response);
        response.closeHandler(v -> streams.remove(response));
        // a page that (re)connects shows the present state at once, not after the next scan
        response.write("retry: 1000\ndata: " + current + "\n\n");
    }

    private void guard(RoutingContext ctx) {
        // the screen is never shown inside another site's page, where a packer could be tricked into typing
        ctx.response().putHeader("X-Frame-Options", "DENY")
                .putHeader("Content-Security-Policy", "frame-ancestors 'none'")
                .putHeader("X-Content-Type-Options", "nosniff");
        Optional<ScreenGuard.Refusal> refusal = guard.reach(request(ctx));
        if (refusal.isPresent()) {
            LOG.warn("packer screen refused {} {} from {}: {}", ctx.request().method(), ctx.request().path(),
                    ctx.request().remoteAddress(), refusal.get().message());
            refuse(ctx, refusal.get());
            return;
        }
        ctx.next();
    }

    /** The page asks once it loads and after each reconnect: a restarted station has a new token. */
    private void session(RoutingContext ctx) {
        ScreenGuard.Request request = request(ctx);
        Optional<TypedFrom> typist = guard.typist(request);
        JsonObject body = new JsonObject().put("token", guard.token()).put("typing", typist.isPresent());
        if (typist.isEmpty()) {
            body.put("readOnly", guard.readOnlyReason(request.client())).put("asksForSecret", guard.asksForSecret());
        }
        ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store").end(body.encode());
    }

    private void enterSecret(RoutingContext ctx) {
        ScreenGuard.Request request = request(ctx);
        Optional<ScreenGuard.Refusal> refusal = guard.sameOrigin(request);
        if (refusal.isPresent()) {
            refuse(ctx, refusal.get());
            return;
        }
        if (!guard.asksForSecret()) {
            refuse(ctx, new ScreenGuard.Refusal(404, "secret: none is set on this station; codes are typed at the station"));
            return;
        }
        // one try a second keeps guessing the secret over the network out of reach
        long now = System.nanoTime();
        if (now - lastWrongSecret.get() < SECRET_RETRY.toNanos()) {
            ctx.response().putHeader("Retry-After", "1");
            refuse(ctx, new ScreenGuard.Refusal(429, "secret: one try a second; try again"));
            return;
        }
        Optional<String> secret = stringField(ctx, "secret");
        if (secret.isEmpty() || !guard.isSecret(secret.get())) {
            lastWrongSecret.set(now);
            LOG.warn("packer screen: a wrong screen secret from {}", ctx.request().remoteAddress());
            refuse(ctx, new ScreenGuard.Refusal(403, "secret: not this station's screen secret"));
            return;
        }
        LOG.info("packer screen: typing allowed from {} (screen secret entered)", ctx.request().remoteAddress());
        ctx.response().putHeader("Set-Cookie", ScreenGuard.SECRET_COOKIE + "=" + guard.secretCookie().orElseThrow()
                        + "; Path=/; Max-Age=" + SECRET_COOKIE_SECONDS + "; HttpOnly; SameSite=Strict")
                .putHeader("Content-Type", "application/json").end(new JsonObject().put("typing", true).encode());
    }

    private static Optional<String> stringField(RoutingContext ctx, String field) {
        try {
            JsonObject body = ctx.body().asJsonObject();
            return body != null && body.getValue(field) instanceof String text ? Optional.of(text) : Optional.empty();
        } catch (DecodeException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static ScreenGuard.Request request(RoutingContext ctx) {
        HttpServerRequest r = ctx.request();
        return new ScreenGuard.Request(host(r), header(r, "Origin"), header(r, "Content-Type"),
                header(r, ScreenGuard.TOKEN_HEADER),
                Optional.ofNullable(r.getCookie(ScreenGuard.SECRET_COOKIE)).map(Cookie::getValue),
                client(r));
    }

    /** The Host header, or over HTTP/2 (a client that upgraded) the authority, written as a Host header would be. */
    private static Optional<String> host(HttpServerRequest r) {
        return header(r, "Host").or(() -> Optional.ofNullable(r.authority()).map(a -> {
            String host = a.host().indexOf(':') >= 0 && !a.host().startsWith("[") ? "[" + a.host() + "]" : a.host();
            return a.port() >= 0 ? host + ":" + a.port() : host;
        }));
    }

    private static Optional<String> header(HttpServerRequest r, String name) {
        return Optional.ofNullable(r.getHeader(name));
    }

    private static InetAddress client(HttpServerRequest r) {
        try {
            // an address literal: no name lookup
            return InetAddress.getByName(r.remoteAddress().hostAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a TCP client without an IP address: " + r.remoteAddress(), e);
        }
    }

    private void view(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(current);
    }

    private void code(RoutingContext ctx) {
        ScreenGuard.Request request = request(ctx);
        Optional<ScreenGuard.Refusal> refusal = guard.sameOrigin(request);
        if (refusal.isPresent()) {
            LOG.warn("packer screen refused a typed code from {}: {}", ctx.request().remoteAddress(), refusal.get().message());
            refuse(ctx, refusal.get());
            return;
        }
        Optional<TypedFrom> typist = guard.typist(request);
        if (typist.isEmpty()) {
            refuse(ctx, new ScreenGuard.Refusal(403, guard.readOnlyReason(request.client())));
            return;
        }
        TypedFrom from = typist.get();
        String code;
        try {
            JsonObject body = ctx.body().asJsonObject();
            Object value = body == null ? null : body.getValue("code");
            if (!(value instanceof String text)) {
                refuse(ctx, "code: is missing; send {\"code\": \"...\"}");
                return;
            }
            code = text.strip();
        } catch (DecodeException | ClassCastException e) {
            refuse(ctx, "body: is not a JSON object; send {\"code\": \"...\"}");
            return;
        }
        if (code.isEmpty()) {
            refuse(ctx, "code: is empty");
            return;
        }
        if (code.length() > MAX_CODE_LENGTH) {
            refuse(ctx, "code: longer than " + MAX_CODE_LENGTH + " characters");
            return;
        }
        // ordered: two codes typed quickly must reach the rules in the order they were typed
        vertx.executeBlocking(() -> {
            onCode.accept(code, from);
            return null;
        }, true).onFailure(e -> LOG.warn("typed code was not handled: {}", e.toString()));
        ctx.response().setStatusCode(202).putHeader("Content-Type", "application/json").end(
                new JsonObject().put("accepted", code).encode());
    }

    private static void refuse(RoutingContext ctx, String message) {
        refuse(ctx, new ScreenGuard.Refusal(400, message));
    }

    private static void refuse(RoutingContext ctx, ScreenGuard.Refusal refusal) {
        ctx.response().setStatusCode(refusal.status()).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", refusal.message()).encode());
    }

    private void broadcast(String frame) {
        for (HttpServerResponse response : streams) {
            if (!response.closed()) {
                response.write(frame);
            }
        }
    }
}
