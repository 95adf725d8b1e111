package io.packcheck.hub.dashboard;

import io.packcheck.hub.auth.CredentialKind;
import io.packcheck.hub.auth.Principal;
import io.packcheck.hub.auth.Secrets;
import io.packcheck.hub.http.ApiError;
import io.packcheck.hub.http.HubServices;
import io.packcheck.hub.reports.Reply;
import io.packcheck.hub.reports.Table;
import io.packcheck.hub.storage.CredentialRepository.CredentialInfo;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The supervisor dashboard: sign in and out, the pages (behind a session), live updates over SSE, the
 * charting library from its WebJar, and what admins add: listing and revoking dashboard users.
 */
public final class DashboardRoutes {

    /** A live page hears of changes at most this often, however fast events arrive. */
    public static final long PUSH_EVERY_MILLIS = 250;
    /** Silence is a matter of time passing, so pages are also nudged when nothing happens. */
    public static final long TICK_MILLIS = 10_000;
    private static final String CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
            + " frame-ancestors 'none'; form-action 'self'";

    private final HubServices hub;
    private final Sessions sessions;
    private final DashboardAccess access;
    private final SessionCookie cookies;

    public DashboardRoutes(HubServices hub, Sessions sessions, DashboardAccess access, boolean secureCookies) {
        this.hub = hub;
        this.sessions = sessions;
        this.access = access;
        this.cookies = new SessionCookie(secureCookies);
    }

    public void mount(Router router) {
        Buffer loginPage = Buffer.buffer(DashboardPages.resource("/dashboard/login.html"));
        DashboardPages pages = new DashboardPages();
        // Pages and static files answer GET and HEAD; like every route, they are named in the OpenAPI file.
        router.route("/").method(HttpMethod.GET).method(HttpMethod.HEAD).setName("home")
                .handler(ctx -> ctx.redirect("/dashboard/"));
        router.get("/login").setName("loginPage").handler(ctx -> {
            secureHeaders(ctx.response()).putHeader("Content-Type", "text/html; charset=utf-8");
            ctx.end(loginPage);
        });
        router.post("/login").setName("login").handler(BodyHandler.create(false).setBodyLimit(4096))
                .handler(access.sameOrigin()).handler(this::login);
        router.post("/logout").setName("logout").handler(BodyHandler.create(false).setBodyLimit(4096))
                .handler(access.sameOrigin()).handler(this::logout);
        router.get("/api/v1/session").setName("session").handler(access.session()).handler(this::whoAmI);
        router.get("/api/v1/admin/users").setName("listUsers").handler(access.session()).handler(access.admin())
                .handler(this::listUsers);
        router.post("/api/v1/admin/users/:name/revoke").setName("revokeUser").handler(access.sameOrigin())
                .handler(access.session()).handler(access.admin()).handler(this::revokeUser);
        router.get("/dashboard/events").setName("dashboardEvents").handler(access.session()).handler(this::events);
        router.route("/dashboard/*").method(HttpMethod.GET).method(HttpMethod.HEAD).setName("dashboardPages")
                .handler(access.page()).handler(ctx -> {
            secureHeaders(ctx.response());
            ctx.next();
        }).handler(pages::serve);
        router.route("/assets/*").method(HttpMethod.GET).method(HttpMethod.HEAD).setName("dashboardAssets")
                .handler(StaticHandler.create("dashboard/assets").setCachingEnabled(false));
        // The charting library, served from its WebJar on the classpath.
        router.route("/webjars/*").method(HttpMethod.GET).method(HttpMethod.HEAD).setName("webjars")
                .handler(StaticHandler.create("META-INF/resources/webjars"));
    }

    private static HttpServerResponse secureHeaders(HttpServerResponse response) {
        return response.putHeader("Content-Security-Policy", CSP)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "same-origin");
    }

    private void login(RoutingContext ctx) {
        String username = Optional.ofNullable(ctx.request().getFormAttribute("username")).orElse("").strip();
        String password = Optional.ofNullable(ctx.request().getFormAttribute("password")).orElse("").strip();
        if (username.isEmpty()) {
            ctx.redirect("/login?error=username");
            return;
        }
        if (password.isEmpty() || password.length() > 200) {
            ctx.redirect("/login?error=password");
            return;
        }
        String hash = Secrets.hash(password);
        hub.db().call(() -> hub.storage().credentials().findActive(hash)).onComplete(found -> {
            if (found.failed()) {
                ctx.fail(found.cause());
                return;
            }
            Optional<Principal> user = found.result()
                    .filter(p -> p.kind() == CredentialKind.USER && p.name().equals(username));
            if (user.isEmpty()) {
                ctx.redirect("/login?error=wrong");
                return;
            }
            sessions.open(user.get(), hash).onSuccess(id -> {
                if (id.isEmpty()) {
                    // revoked between the check above and now
                    ctx.redirect("/login?error=wrong");
                    return;
                }
                ctx.response().addCookie(cookies.carrying(id.get()));
                ctx.response().setStatusCode(303).putHeader("Location", "/dashboard/").end();
            }).onFailure(ctx::fail);
        });
    }

    private void logout(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(Sessions.COOKIE);
        Future<Void> closed = cookie == null ? Future.succeededFuture() : sessions.close(cookie.getValue());
        closed.onSuccess(v -> {
            ctx.response().addCookie(cookies.cleared());
            ctx.response().setStatusCode(303).putHeader("Location", "/login?error=signedout").end();
        }).onFailure(ctx::fail);
    }

    private void whoAmI(RoutingContext ctx) {
        Principal user = DashboardAccess.user(ctx);
        json(ctx, new JsonObject().put("user", user.name()).put("role", user.role().orElse("supervisor")));
    }

    private void listUsers(RoutingContext ctx) {
        Reply.wantsCsv(ctx); // a bad format is a 400 before any work
        hub.db().call(() -> hub.storage().credentials().list(CredentialKind.USER)).onSuccess(users -> {
            Table table = Table.of("name", "role", "createdAt", "revokedAt");
            for (CredentialInfo u : users) {
                table.row(u.name(), u.role().orElse(null), u.createdAt().toString(),
                        u.revokedAt().map(Object::toString).orElse(null));
            }
            Reply.send(ctx, "users", table, new JsonObject());
        }).onFailure(ctx::fail);
    }

    private void revokeUser(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        if (name.equals(DashboardAccess.user(ctx).name())) {
            ctx.fail(new ApiError(409, "conflict", "name", "an admin cannot revoke their own user"));
            return;
        }
        hub.db().call(() -> hub.storage().credentials().revoke(CredentialKind.USER, name)).onSuccess(revoked -> {
            if (!revoked) {
                ctx.fail(new ApiError(404, "not_found", "name", "no active user is called " + name));
                return;
            }
            sessions.closeAll(name).onSuccess(v -> json(ctx, new JsonObject().put("revoked", name)))
                    .onFailure(ctx::fail);
        }).onFailure(ctx::fail);
    }

    private void events(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        // identity: a compressed stream would sit in the compressor's buffer instead of reaching the page.
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("Content-Encoding", "identity")
                .putHeader("X-Accel-Buffering", "no");
        response.write("retry: 2000\n\n");
        Set<String> changed = new HashSet<>();
        long[] pending = {-1};
        MessageConsumer<JsonObject> consumer = hub.vertx().eventBus().consumer(LiveUpdates.ADDRESS, message -> {
            changed.add(message.body().getString("what"));
            if (pending[0] < 0) {
                pending[0] = hub.vertx().setTimer(PUSH_EVERY_MILLIS, t -> {
                    pending[0] = -1;
                    JsonArray what = new JsonArray(changed.stream().sorted().toList());
                    changed.clear();
                    response.write("event: changed\ndata: " + new JsonObject().put("what", what).encode() + "\n\n");
                });
            }
        });
        long tick = hub.vertx().setPeriodic(TICK_MILLIS, t -> response.write("event: tick\ndata: {}\n\n"));
        response.closeHandler(v -> {
            consumer.unregister();
            hub.vertx().cancelTimer(tick);
            if (pending[0] >= 0) {
                hub.vertx().cancelTimer(pending[0]);
            }
        });
    }

    private static void json(RoutingContext ctx, JsonObject body) {
        ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store");
        ctx.end(body.encode());
    }
}
