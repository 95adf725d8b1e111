package io.packcheck.hub;

import io.packcheck.hub.auth.CredentialKind;
import io.packcheck.hub.auth.Principal;
import io.packcheck.hub.auth.Secrets;
import io.packcheck.hub.storage.Storage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A real hub on a free port over a real SQLite file, and a client to call it. */
final class RunningHub implements AutoCloseable {

    final Vertx vertx;
    final Path dataDir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    final HubConfig config;
    Storage storage;
    HubVerticle verticle;
    String deploymentId;
    WebClient client;

    RunningHub(Vertx vertx, Path dataDir) {
        this(vertx, dataDir, HubConfig.plain(0));
    }

    RunningHub(Vertx vertx, Path dataDir, HubConfig config) {
        this.vertx = vertx;
        this.dataDir = dataDir;
        this.config = config;
        start();
    }

    void start() {
        storage = Storage.sqlite(dataDir, clock);
        verticle = new HubVerticle(config, storage, clock);
        deploymentId = await(vertx.deployVerticle(verticle));
        client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost")
                .setDefaultPort(verticle.actualPort()).setSsl(config.tlsCert().isPresent()).setTrustAll(true)
                .setVerifyHost(false));
    }

    void restart() {
        close();
        start();
    }

    String apiKey(String name) {
        return create(CredentialKind.APIKEY, name);
    }

    String stationToken(String stationId) {
        return create(CredentialKind.STATION, stationId);
    }

    String create(CredentialKind kind, String name) {
        String secret = Secrets.generate(kind);
        storage.credentials().create(new Principal(kind, name, Optional.empty()), Secrets.hash(secret));
        return secret;
    }

    HttpResponse<Buffer> call(HttpMethod method, String uri, String token, Object body) {
        var request = client.request(method, uri);
        if (token != null) {
            request.bearerTokenAuthentication(token);
        }
        Future<HttpResponse<Buffer>> response;
        if (body == null) {
            response = request.send();
        } else if (body instanceof String s) {
            response = request.sendBuffer(Buffer.buffer(s));
        } else {
            response = request.sendJson(body);
        }
        return await(response);
    }

    HttpResponse<Buffer> get(String uri, String token) {
        return call(HttpMethod.GET, uri, token, null);
    }

    HttpResponse<Buffer> put(String uri, String token, Object body) {
        return call(HttpMethod.PUT, uri, token, body);
    }

    HttpResponse<Buffer> post(String uri, String token, Object body) {
        return call(HttpMethod.POST, uri, token, body);
    }

    static JsonObject json(HttpResponse<Buffer> response) {
        return response.bodyAsJsonObject();
    }

    static JsonObject error(HttpResponse<Buffer> response) {
        return response.bodyAsJsonObject().getJsonObject("error");
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the hub did not answer: " + e, e);
        }
    }

    @Override
    public void close() {
        client.close();
        await(vertx.undeploy(deploymentId));
        storage.close();
    }
}
