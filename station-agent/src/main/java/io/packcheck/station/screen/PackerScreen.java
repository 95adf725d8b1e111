package io.packcheck.station.screen;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The packer screen: a local web page for the kiosk browser beside the station. The page gets each
 * {@link ScreenView} pushed over server-sent events, and hands typed or keyboard-wedge codes back
 * to the runtime.
 *
 * <p>Routes: {@code GET /} the page, {@code GET /events} the view stream, {@code GET /api/view} the
 * current view, {@code POST /api/codes} a code ({@code {"code": "..."}}).
 */
public final class PackerScreen {

    private static final Logger LOG = LoggerFactory.getLogger(PackerScreen.class);
    private static final int MAX_CODE_LENGTH = 512;
    private static final long KEEPALIVE_MILLIS = 15_000;

    private final Vertx vertx;
    private final Consumer<String> onCode;
    private final AtomicLong sequence = new AtomicLong();
    // only touched on the server's context
    private final Set<HttpServerResponse> streams = new LinkedHashSet<>();
    private volatile String current;
    private Context context;
    private HttpServer server;
    private long keepalive = -1;

    /**
     * @param onCode receives every code typed or wedged into the page's field, in order, off the event loop
     */
    public PackerScreen(Vertx vertx, Consumer<String> onCode, String stationId) {
        this.vertx = vertx;
        this.onCode = onCode;
        this.current = encode(ScreenView.idle(stationId, ScreenView.HubLink.NONE));
    }

    /** Serves the screen on the port (0 picks a free one, for tests); completes with the bound port. */
    public Future<Integer> start(int port) {
        context = vertx.getOrCreateContext();
        Router router = Router.router(vertx);
        router.get("/events").setName("view stream").handler(this::stream);
        router.get("/api/view").setName("current view").handler(this::view);
        router.post("/api/codes").setName("typed code").handler(BodyHandler.create().setBodyLimit(4096)).handler(this::code);
        router.route("/*").setName("page").handler(StaticHandler.create("packer-screen").setCachingEnabled(false));
        return Future.<HttpServer>future(promise -> context.runOnContext(v ->
                        vertx.createHttpServer().requestHandler(router).listen(port).onComplete(promise)))
                .map(s -> {
                    server = s;
                    keepalive = vertx.setPeriodic(KEEPALIVE_MILLIS, id -> context.runOnContext(v -> broadcast(": keepalive\n\n")));
                    LOG.info("packer screen on http://localhost:{}/", s.actualPort());
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

    private void view(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(current);
    }

    private void code(RoutingContext ctx) {
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
            onCode.accept(code);
            return null;
        }, true).onFailure(e -> LOG.warn("typed code was not handled: {}", e.toString()));
        ctx.response().setStatusCode(202).putHeader("Content-Type", "application/json").end(
                new JsonObject().put("accepted", code).encode());
    }

    private static void refuse(RoutingContext ctx, String message) {
        ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", message).encode());
    }

    private void broadcast(String frame) {
        for (HttpServerResponse response : streams) {
            if (!response.closed()) {
                response.write(frame);
            }
        }
    }
}
