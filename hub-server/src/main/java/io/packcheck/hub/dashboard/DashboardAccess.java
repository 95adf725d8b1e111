package io.packcheck.hub.dashboard;

import io.packcheck.hub.auth.CredentialKind;
import io.packcheck.hub.auth.Principal;
import io.packcheck.hub.auth.Secrets;
import io.packcheck.hub.http.ApiError;
import io.packcheck.hub.http.HubServices;
import io.packcheck.hub.storage.DashboardSessionRepository.Session;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.Optional;

/**
 * Who may see the dashboard and the reports: a signed-in user (session cookie), or for the reports API
 * also an integrator's API key or a user's own secret as {@code Authorization: Bearer}. State-changing
 * posts must come from the hub's own pages (Origin check), on top of the SameSite=Strict cookie.
 */
public final class DashboardAccess {

    private static final String USER = "packcheck.dashboard.user";
    private static final String SESSION = "packcheck.dashboard.session";

    private final HubServices hub;
    private final Sessions sessions;
    private final SessionCookie cookies;

    /** @param secureCookies whether the hub serves TLS, so the session cookie is marked Secure */
    public DashboardAccess(HubServices hub, Sessions sessions, boolean secureCookies) {
        this.hub = hub;
        this.sessions = sessions;
        this.cookies = new SessionCookie(secureCookies);
    }

    /** Pages: a signed-in user, or a redirect to the login page. */
    public Handler<RoutingContext> page() {
        return ctx -> admitSession(ctx).onSuccess(admitted -> {
            if (admitted) {
                ctx.next();
            } else {
                ctx.redirect("/login");
            }
        }).onFailure(ctx::fail);
    }

    /** JSON for pages only (no tokens): a signed-in user, or 401. */
    public Handler<RoutingContext> session() {
        return ctx -> admitSession(ctx).onSuccess(admitted -> {
            if (admitted) {
                ctx.next();
            } else {
                ctx.fail(new ApiError(401, "unauthorized", "Cookie", "sign in at /login first"));
            }
        }).onFailure(ctx::fail);
    }

    /** Reports: a signed-in user, an API key or a user secret as Bearer; otherwise 401. */
    public Handler<RoutingContext> reports() {
        return ctx -> admitSession(ctx).onSuccess(admitted -> {
            if (admitted) {
                ctx.next();
            } else {
                admitBearer(ctx);
            }
        }).onFailure(ctx::fail);
    }

    private void admitBearer(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() > 200) {
            ctx.fail(new ApiError(401, "unauthorized", "Authorization",
                    "sign in to the dashboard, or send Authorization: Bearer <api key>"));
            return;
        }
        String hash = Secrets.hash(header.substring(7).trim());
        hub.db().call(() -> hub.storage().credentials().findActive(hash)).onComplete(found -> {
            if (found.failed()) {
                ctx.fail(found.cause());
            } else if (found.result().isEmpty()) {
                ctx.fail(new ApiError(401, "unauthorized", "Authorization", "the token is unknown or revoked"));
            } else if (found.result().get().kind() == CredentialKind.STATION) {
                ctx.fail(new ApiError(403, "forbidden", "Authorization",
                        "reports need an API key or a user's secret; the token is a station token"));
            } else {
                ctx.put(USER, found.result().get());
                ctx.next();
            }
        });
    }

    /** After {@link #session()}: only admins. */
    public Handler<RoutingContext> admin() {
        return ctx -> {
            if (user(ctx).role().filter("admin"::equals).isPresent()) {
                ctx.next();
            } else {
                ctx.fail(new ApiError(403, "forbidden", "role", "this needs the admin role"));
            }
        };
    }

    /**
     * Posts that change state must carry an Origin (or, failing that, a Referer) of this very hub, so a
     * page elsewhere cannot post into a signed-in browser even where SameSite is not honoured.
     */
    public Handler<RoutingContext> sameOrigin() {
        return ctx -> {
            String origin = Optional.ofNullable(ctx.request().getHeader("Origin"))
                    .orElse(ctx.request().getHeader("Referer"));
            String host = ctx.request().getHeader("Host");
            if (origin == null || host == null || !host.equalsIgnoreCase(authority(origin))) {
                ctx.fail(new ApiError(403, "forbidden", "Origin",
                        "a change must come from this hub's own pages (Origin " + origin + ")"));
                return;
            }
            ctx.next();
        };
    }

    private static String authority(String origin) {
        try {
            return Optional.ofNullable(URI.create(origin).getRawAuthority()).orElse("");
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** Whether the request carries the cookie of a live session; if so, its user and session go on the context. */
    private Future<Boolean> admitSession(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(Sessions.COOKIE);
        if (cookie == null || cookie.getValue().isEmpty() || cookie.getValue().length() > 100) {
            return Future.succeededFuture(false);
        }
        return sessions.find(cookie.getValue()).map(session -> {
            session.ifPresent(s -> {
                ctx.put(USER, s.user());
                ctx.put(SESSION, s);
                // the browser keeps the cookie as long as the session is in use, not 12 h from sign-in
                ctx.response().addCookie(cookies.carrying(cookie.getValue()));
            });
            return session.isPresent();
        });
    }

    /** The caller admitted by one of the handlers above. */
    public static Principal user(RoutingContext ctx) {
        return ctx.get(USER);
    }

    public static Optional<Session> currentSession(RoutingContext ctx) {
        return Optional.ofNullable(ctx.get(SESSION));
    }
}
