package io.packcheck.station.hub;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.util.concurrent.Callable;
import java.util.function.DoubleSupplier;

/**
 * What the link's loops share: the web client, the hub's paths and token, the context they all run on, and the
 * reading of the hub's answers (a 401 or 403 tells {@link LinkHealth} the token is refused). Used on the link's
 * context only, apart from {@link #stopped()}.
 */
final class HubExchange {

    private final Vertx vertx;
    private final Context context;
    private final WebClient client;
    private final HubLinkSettings settings;
    private final LinkHealth health;
    private final DoubleSupplier jitter;
    private final String basePath;
    private volatile boolean stopped;

    HubExchange(Vertx vertx, Context context, HubLinkSettings settings, LinkHealth health, DoubleSupplier jitter) {
        this.vertx = vertx;
        this.context = context;
        this.settings = settings;
        this.health = health;
        this.jitter = jitter;
        this.client = WebClient.create(vertx, clientOptions(settings));
        String path = settings.hub().getPath() == null ? "" : settings.hub().getPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    Vertx vertx() {
        return vertx;
    }

    HubLinkSettings settings() {
        return settings;
    }

    boolean stopped() {
        return stopped;
    }

    void stop() {
        stopped = true;
        client.close();
    }

    /** A request to a station route, with the station's token. */
    HttpRequest<Buffer> get(String route) {
        return client.get(path(route)).bearerTokenAuthentication(settings.token().value());
    }

    HttpRequest<Buffer> post(String route) {
        return client.post(path(route)).bearerTokenAuthentication(settings.token().value());
    }

    /** A request without the token (the liveness probe). */
    HttpRequest<Buffer> anonymousGet(String route) {
        return client.get(path(route));
    }

    private String path(String route) {
        return basePath + route;
    }

    /** The delay before retry number {@code attempt} (0 first): the settings' backoff with full jitter. */
    long retryDelay(int attempt) {
        return settings.backoff().delay(attempt, jitter).toMillis();
    }

    <T> Future<T> blocking(Callable<T> work) {
        // unordered: the database serialises its own work, and a slow feed page need not hold up a confirm
        return context.executeBlocking(work, false);
    }

    /** Passes a 200 on; anything else fails as a {@link HubAnswerException}, and a 401 or 403 makes the link refused. */
    Future<HttpResponse<Buffer>> expectOk(HttpResponse<Buffer> response, String what) {
        if (response.statusCode() == 200) {
            return Future.succeededFuture(response);
        }
        HubAnswerException answer = new HubAnswerException(response.statusCode(),
                what + " answered HTTP " + response.statusCode() + errorDetail(response));
        if (answer.refusesCredentials() && !stopped) {
            health.refused();
        }
        return Future.failedFuture(answer);
    }

    static String errorDetail(HttpResponse<Buffer> response) {
        try {
            JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
            return error == null ? "" : ": " + error.getString("message", "");
        } catch (RuntimeException e) {
            // not a JSON error body; the status says enough
            return "";
        }
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    static WebClientOptions clientOptions(HubLinkSettings settings) {
        URI hub = settings.hub();
        boolean tls = "https".equals(hub.getScheme());
        WebClientOptions options = new WebClientOptions()
                .setDefaultHost(hub.getHost())
                .setDefaultPort(hub.getPort() > 0 ? hub.getPort() : tls ? 443 : 80)
                .setSsl(tls)
                .setConnectTimeout(5_000)
                .setKeepAlive(true)
                .setUserAgent("packcheck-station/" + settings.agentVersion());
        // without a CA file the JVM's default trust store decides, and the host name is verified either way
        settings.hubCa().ifPresent(pem -> options.setTrustOptions(new PemTrustOptions().addCertPath(pem.toString())));
        return options;
    }

    /** The hub answered, but not with what the link asked for. */
    static final class HubAnswerException extends RuntimeException {
        private final int status;

        HubAnswerException(int status, String message) {
            super(message);
            this.status = status;
        }

        /** The HTTP status the hub answered with. */
        int status() {
            return status;
        }

        /** 401 (token unknown or revoked) or 403 (not a station token): retrying the same token cannot help by itself. */
        boolean refusesCredentials() {
            return status == 401 || status == 403;
        }
    }
}
