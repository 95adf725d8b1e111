package io.packcheck.hub.http;

import io.packcheck.protocol.ProtocolException;
import io.packcheck.hub.storage.Conflict;
import io.packcheck.hub.storage.Missing;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every failure into the JSON error body, with the status that fits. */
public final class ErrorResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private ErrorResponses() {}

    public static void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        ApiError error;
        if (failure instanceof ApiError api) {
            error = api;
        } else if (failure instanceof ProtocolException p && p.problem() == ProtocolException.Problem.OUT_OF_RANGE) {
            error = ApiError.outOfRange(p.field(), p.getMessage());
        } else if (failure instanceof ProtocolException p) {
            error = new ApiError(422, "invalid", p.field(), p.getMessage());
        } else if (failure instanceof DecodeException d) {
            error = new ApiError(400, "malformed_json", "", "the body is not valid JSON: " + firstLine(d.getMessage()));
        } else if (failure instanceof Conflict c) {
            error = new ApiError(409, c.code(), c.field(), c.getMessage());
        } else if (failure instanceof Missing m) {
            error = new ApiError(404, "not_found", m.field(), m.getMessage());
        } else if (failure == null) {
            error = forStatus(ctx.statusCode());
        } else {
            LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
            error = new ApiError(500, "internal", "", "the hub could not handle this request; see its log");
        }
        send(ctx, error);
    }

    public static ApiError forStatus(int status) {
        return switch (status) {
            case 401 -> new ApiError(401, "unauthorized", "Authorization", "a valid Bearer token is required");
            case 404 -> new ApiError(404, "not_found", "", "no such route");
            case 405 -> new ApiError(405, "method_not_allowed", "", "this route does not take that method");
            case 413 -> new ApiError(413, "too_large", "", "the body is larger than this route accepts");
            case 400 -> new ApiError(400, "bad_request", "", "the request could not be read");
            default -> new ApiError(status < 400 ? 500 : status, "error", "", "request failed with status " + status);
        };
    }

    public static void send(RoutingContext ctx, ApiError error) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        ctx.response()
                .setStatusCode(error.status())
                .putHeader("Content-Type", "application/json");
        if (error.status() == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
        }
        ctx.end(body(error).encode());
    }

    public static JsonObject body(ApiError error) {
        return new JsonObject().put("error", new JsonObject()
                .put("code", error.code())
                .put("field", error.field())
                .put("message", error.getMessage()));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
