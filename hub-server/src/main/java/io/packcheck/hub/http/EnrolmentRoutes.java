package io.packcheck.hub.http;

import io.packcheck.hub.auth.CredentialKind;
import io.packcheck.hub.enrol.StationEnrolment;
import io.packcheck.hub.enrol.StationEnrolment.Exchange;
import io.packcheck.hub.http.AttemptLimiter.Decision;
import io.packcheck.protocol.JsonFields;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Station enrolment: ops issue a one-time code ({@code POST /stations/{id}/enrolment}); a new station
 * exchanges it, without any token yet, for its station token ({@code POST /station/enrol}).
 *
 * <p>The exchange is limited per client address. A code carries 144 random bits, so guessing is hopeless
 * anyway; the limit keeps a flood from turning into database work. Every attempt that
 * does not end with a token counts. One that does is given back: it used up a code that only an API key can
 * issue, so it cannot be repeated to flood, and many stations behind one NAT address may enrol together.
 */
public final class EnrolmentRoutes {

    /** Addresses the limiter remembers at most; beyond them, newcomers share one budget. */
    public static final int TRACKED_ADDRESSES = 10_000;
    private static final String ATTEMPT = "packcheck.enrolAttempt";

    private final HubServices hub;
    private final StationEnrolment enrolment;
    private final AttemptLimiter attempts;

    public EnrolmentRoutes(HubServices hub, StationEnrolment enrolment, AttemptLimiter attempts) {
        this.hub = hub;
        this.enrolment = enrolment;
        this.attempts = attempts;
    }

    public void mount(Router router) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(hub.limits().jsonBody());
        router.post("/api/v1/stations/:id/enrolment").setName("issueEnrolment").handler(body)
                .handler(hub.auth().require(CredentialKind.APIKEY)).handler(this::issue);
        router.post("/api/v1/station/enrol").setName("stationEnrol").handler(body).handler(this::limit)
                .handler(this::exchange);
    }

    private void issue(RoutingContext ctx) {
        String stationId = Bodies.pathKey(ctx, "id");
        JsonObject json = Bodies.optionalJson(ctx);
        URI hubUrl = hubUrl(ctx, JsonFields.optionalString(json, "hubUrl", 512));
        Duration valid = validity(JsonFields.optionalString(json, "valid", 40));
        hub.db().call(() -> issue(enrolment, stationId, hubUrl, valid))
                .onSuccess(issued -> Bodies.respond(ctx, 201, new JsonObject()
                        .put("stationId", stationId)
                        .put("enrolment", issued.enrolment().encode())
                        .put("expiresAt", issued.expiresAt().toString())
                        .put("stationCreated", issued.stationCreated())))
                .onFailure(ctx::fail);
    }

    private void limit(RoutingContext ctx) {
        SocketAddress remote = ctx.request().remoteAddress();
        Decision decision = attempts.attempt(AttemptLimiter.caller(remote == null ? null : remote.hostAddress()));
        if (decision instanceof Decision.Refused refused) {
            long seconds = refused.retryAfterSeconds();
            ctx.response().putHeader("Retry-After", Long.toString(seconds));
            ErrorResponses.send(ctx, new ApiError(429, "too_many_attempts", "",
                    "too many enrolment attempts from this address; try again in " + seconds + " s"));
            return;
        }
        ctx.put(ATTEMPT, decision);
        ctx.next();
    }

    private void exchange(RoutingContext ctx) {
        JsonObject json = Bodies.json(ctx);
        String stationId = JsonFields.requireKey("stationId", JsonFields.requireString(json, "stationId", 64));
        String code = JsonFields.requireString(json, "code", 64);
        hub.db().call(() -> enrolment.exchange(stationId, code)).onSuccess(result -> {
            if (result instanceof Exchange.Token token) {
                attempts.refund(ctx.get(ATTEMPT));
                ctx.response().putHeader("Cache-Control", "no-store");
                Bodies.respond(ctx, 200, new JsonObject().put("stationId", token.stationId()).put("token", token.token()));
                return;
            }
            Exchange.Refused refused = (Exchange.Refused) result;
            ctx.fail(switch (refused.reason()) {
                case UNKNOWN -> new ApiError(401, "code_unknown", "code", refused.message());
                case WRONG_STATION -> new ApiError(401, "wrong_station", "stationId", refused.message());
                case USED -> new ApiError(410, "code_used", "code", refused.message());
                case EXPIRED -> new ApiError(410, "code_expired", "code", refused.message());
                case SUPERSEDED -> new ApiError(410, "code_superseded", "code", refused.message());
            });
        }).onFailure(ctx::fail);
    }

    /** Issues a code, turning a refused station id or URL into a 400 that names the field. */
    static StationEnrolment.Issued issue(StationEnrolment enrolment, String stationId, URI hubUrl, Duration valid) {
        try {
            return enrolment.issue(stationId, hubUrl, valid);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            String field = message.startsWith("hub URL") ? "hubUrl" : message.startsWith("station id") ? "id" : "valid";
            throw ApiError.badRequest(field, message);
        }
    }

    /** The URL printed into the code: as given, or the one this request reached the hub by. */
    static URI hubUrl(RoutingContext ctx, Optional<String> given) {
        if (given.isPresent()) {
            try {
                return new URI(given.get());
            } catch (java.net.URISyntaxException e) {
                throw ApiError.badRequest("hubUrl", "hubUrl '" + given.get() + "' is not a URL: " + e.getReason());
            }
        }
        URI reached = URI.create(ctx.request().absoluteURI());
        return URI.create(reached.getScheme() + "://" + reached.getRawAuthority());
    }

    static Duration validity(Optional<String> given) {
        try {
            return given.map(StationEnrolment::parseValidity).orElse(StationEnrolment.DEFAULT_VALIDITY);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("valid", e.getMessage());
        }
    }
}
