package io.packcheck.hub.http;

import io.packcheck.hub.auth.CredentialKind;
import io.packcheck.hub.auth.Principal;
import io.packcheck.hub.auth.Secrets;
import io.packcheck.hub.storage.CredentialRepository;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks the {@code Authorization: Bearer} secret and its scope: API keys for ops routes, station
 * tokens for station routes. Verified secrets are remembered briefly so a station's every call does not
 * queue behind the database writer; a revocation therefore takes effect within {@link #REMEMBER}.
 */
public final class BearerAuth {

    public static final Duration REMEMBER = Duration.ofSeconds(5);
    private static final String PRINCIPAL = "packcheck.principal";
    private static final int MAX_REMEMBERED = 10_000;

    private final CredentialRepository credentials;
    private final DbWorker db;
    private final Clock clock;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    private record Remembered(Optional<Principal> principal, Instant until) {}

    public BearerAuth(CredentialRepository credentials, DbWorker db, Clock clock) {
        this.credentials = credentials;
        this.db = db;
        this.clock = clock;
    }

    /** Lets only holders of this kind of secret through. */
    public Handler<RoutingContext> require(CredentialKind kind) {
        return requireAny(EnumSet.of(kind));
    }

    /** Lets holders of any of these kinds of secret through. */
    public Handler<RoutingContext> requireAny(Set<CredentialKind> kinds) {
        return ctx -> {
            String header = ctx.request().getHeader("Authorization");
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() > 200) {
                ctx.fail(new ApiError(401, "unauthorized", "Authorization", "send Authorization: Bearer <token>"));
                return;
            }
            String hash = Secrets.hash(header.substring(7).trim());
            Instant now = clock.instant();
            Remembered known = remembered.get(hash);
            if (known != null && known.until().isAfter(now)) {
                admit(ctx, known.principal(), kinds);
                return;
            }
            db.call(() -> credentials.findActive(hash)).onComplete(result -> {
                if (result.failed()) {
                    ctx.fail(result.cause());
                    return;
                }
                if (remembered.size() > MAX_REMEMBERED) {
                    remembered.clear();
                }
                remembered.put(hash, new Remembered(result.result(), now.plus(REMEMBER)));
                admit(ctx, result.result(), kinds);
            });
        };
    }

    private static void admit(RoutingContext ctx, Optional<Principal> principal, Set<CredentialKind> kinds) {
        if (principal.isEmpty()) {
            ctx.fail(new ApiError(401, "unauthorized", "Authorization", "the token is unknown or revoked"));
            return;
        }
        if (!kinds.contains(principal.get().kind())) {
            ctx.fail(new ApiError(403, "forbidden", "Authorization", "this route needs "
                    + String.join(" or ", kinds.stream().map(BearerAuth::label).toList())
                    + "; the token is " + label(principal.get().kind())));
            return;
        }
        ctx.put(PRINCIPAL, principal.get());
        ctx.next();
    }

    private static String label(CredentialKind kind) {
        return switch (kind) {
            case APIKEY -> "an API key";
            case STATION -> "a station token";
            case USER -> "a user's token";
        };
    }

    public static Principal principal(RoutingContext ctx) {
        return ctx.get(PRINCIPAL);
    }
}
