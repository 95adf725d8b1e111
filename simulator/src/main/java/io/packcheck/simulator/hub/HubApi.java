package io.packcheck.simulator.hub;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The hub's ops API over HTTP with an API key, as an order system would call it. */
public final class HubApi {

    private final URI base;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public HubApi(URI base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey;
    }

    /** The hub answered with a status the call did not expect. */
    public static final class HubError extends RuntimeException {
        private final int status;

        HubError(String call, int status, String body) {
            super(call + " answered " + status + ": " + body);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    public void putItem(String sku, JsonObject body) {
        send("PUT", "/api/v1/items/" + path(sku), Optional.of(body), List.of(200, 201));
    }

    public void putOrder(String id, JsonObject body) {
        send("PUT", "/api/v1/orders/" + path(id), Optional.of(body), List.of(200, 201));
    }

    /** A box type of the site's box catalogue ({@code name}, {@code tareGrams}). */
    public void putBox(String code, JsonObject body) {
        send("PUT", "/api/v1/boxes/" + path(code), Optional.of(body), List.of(200, 201));
    }

    public void putBadge(String code, JsonObject body) {
        send("PUT", "/api/v1/badges/" + path(code), Optional.of(body), List.of(200, 201));
    }

    /** Imports items or orders as NDJSON; returns the hub's per-line result. */
    public JsonObject bulk(String what, List<JsonObject> lines) {
        StringBuilder body = new StringBuilder();
        lines.forEach(l -> body.append(l.encode()).append('\n'));
        HttpRequest request = request("/api/v1/" + what + "/bulk")
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        JsonObject result = new JsonObject(call("POST /api/v1/" + what + "/bulk", request, List.of(200)));
        if (result.getInteger("refused", 0) > 0) {
            throw new HubError("POST /api/v1/" + what + "/bulk", 200, "refused lines: " + result.getJsonArray("refusals"));
        }
        return result;
    }

    public JsonObject cancel(String orderId, String reason) {
        return new JsonObject(send("POST", "/api/v1/orders/" + path(orderId) + "/cancel",
                Optional.of(new JsonObject().put("reason", reason)), List.of(200)));
    }

    public JsonObject order(String id) {
        return new JsonObject(send("GET", "/api/v1/orders/" + path(id), Optional.empty(), List.of(200)));
    }

    /** One page of {@code GET /events}: the events and the cursor to pass next. */
    public record EventPage(List<JsonObject> events, String cursor) {}

    public EventPage events(Optional<String> after, int limit) {
        String query = "?limit=" + limit + after.map(a -> "&after=" + URLEncoder.encode(a, StandardCharsets.UTF_8)).orElse("");
        JsonObject page = new JsonObject(send("GET", "/api/v1/events" + query, Optional.empty(), List.of(200)));
        JsonArray events = page.getJsonArray("events");
        List<JsonObject> list = events.stream().map(JsonObject.class::cast).toList();
        return new EventPage(list, page.getString("cursor"));
    }

    private String send(String method, String path, Optional<JsonObject> body, List<Integer> ok) {
        HttpRequest.Builder b = request(path);
        HttpRequest.BodyPublisher publisher = body.map(j -> HttpRequest.BodyPublishers.ofString(j.encode()))
                .orElse(HttpRequest.BodyPublishers.noBody());
        if (body.isPresent()) {
            b.header("Content-Type", "application/json");
        }
        return call(method + " " + path, b.method(method, publisher).build(), ok);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + apiKey);
    }

    private String call(String what, HttpRequest request, List<Integer> ok) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (!ok.contains(r.statusCode())) {
                throw new HubError(what, r.statusCode(), r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new HubError(what, 0, "no answer (" + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubError(what, 0, "interrupted");
        }
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
