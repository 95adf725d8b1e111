package io.packcheck.hub.dashboard;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;

/**
 * The dashboard's session cookie: HttpOnly, SameSite=Strict, Secure when the hub serves TLS. Its browser
 * lifetime is the session's idle limit, renewed on every request the session admits, so a wall screen that
 * keeps asking stays signed in for as long as the server-side session lives.
 */
final class SessionCookie {

    private final boolean secure;

    SessionCookie(boolean secure) {
        this.secure = secure;
    }

    /** The cookie carrying this session id, kept by the browser for the idle limit from now. */
    Cookie carrying(String sessionId) {
        return base(sessionId).setMaxAge(Sessions.IDLE.toSeconds());
    }

    /** The cookie that makes the browser forget the session. */
    Cookie cleared() {
        return base("").setMaxAge(0);
    }

    private Cookie base(String value) {
        return Cookie.cookie(Sessions.COOKIE, value).setPath("/").setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setSecure(secure);
    }
}
