package io.packcheck.hub.http;

import io.packcheck.protocol.JsonFields;
import io.packcheck.protocol.ProtocolException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** Reading request bodies and parameters with errors that name the field. */
public final class Bodies {

    private Bodies() {}

    public static JsonObject json(RoutingContext ctx) {
        if (ctx.body().isEmpty()) {
            throw ApiError.badRequest("", "a JSON object body is required");
        }
        String text = ctx.body().asString().strip();
        if (!text.startsWith("{")) {
            throw new ApiError(400, "malformed_json", "", "the body must be a JSON object");
        }
        return new JsonObject(text);
    }

    /** An optional body: absent or empty is an empty object. */
    public static JsonObject optionalJson(RoutingContext ctx) {
        return ctx.body().isEmpty() ? new JsonObject() : json(ctx);
    }

    public static String pathKey(RoutingContext ctx, String name) {
        String value = ctx.pathParam(name);
        try {
            return JsonFields.requireKey(name, value);
        } catch (ProtocolException e) {
            throw ApiError.badRequest(name, e.getMessage());
        }
    }

    public static Optional<String> query(RoutingContext ctx, String name) {
        return Optional.ofNullable(ctx.request().getParam(name)).filter(s -> !s.isEmpty());
    }

    public static int intQuery(RoutingContext ctx, String name, int min, int max, int otherwise) {
        Optional<String> raw = query(ctx, name);
        if (raw.isEmpty()) {
            return otherwise;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value < min || value > max) {
                throw ApiError.badRequest(name, name + " must be between " + min + " and " + max + ", got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name, name + " '" + raw.get() + "' is not a whole number");
        }
    }

    public static void respond(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json");
        ctx.end(body.encode());
    }
}
