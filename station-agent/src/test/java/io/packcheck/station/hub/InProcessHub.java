package io.packcheck.station.hub;

import io.packcheck.hub.HubConfig;
import io.packcheck.hub.HubMain;
import io.packcheck.hub.HubVerticle;
import io.packcheck.hub.auth.CredentialKind;
import io.packcheck.hub.auth.Principal;
import io.packcheck.hub.auth.Secrets;
import io.packcheck.hub.storage.Storage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine;

/** The real hub verticle over a real SQLite data directory, on a real port, stoppable and restartable on that port. */
public final class InProcessHub implements AutoCloseable {

    private final Vertx vertx;
    private final Path dataDir;
    private final Optional<Path> tlsDir;
    private int port;
    private Storage storage;
    private String deploymentId;
    private WebClient ops;
    private String apiKey;

    public InProcessHub(Vertx vertx, Path dataDir) {
        this(vertx, dataDir, Optional.empty());
    }

    /** A hub serving https with the self-signed certificate (CN=localhost) in {@code tlsDir}/cert.pem and key.pem. */
    public InProcessHub(Vertx vertx, Path dataDir, Optional<Path> tlsDir) {
        this.vertx = vertx;
        this.dataDir = dataDir;
        this.tlsDir = tlsDir;
        start();
        apiKey = credential(CredentialKind.APIKEY, "wms");
    }

    /** Starts on the port it had before (a free one the first time). */
    public void start() {
        storage = Storage.sqlite(dataDir, Clock.systemUTC());
        HubConfig config = new HubConfig(port, tlsDir.map(d -> d.resolve("cert.pem")), tlsDir.map(d -> d.resolve("key.pem")),
                HubConfig.plain(port).limits());
        HubVerticle verticle = new HubVerticle(config, storage, Clock.systemUTC());
        deploymentId = await(vertx.deployVerticle(verticle));
        port = verticle.actualPort();
        // the test's own ops client trusts the test certificate blindly; the station under test must verify it
        ops = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost").setDefaultPort(port)
                .setSsl(tlsDir.isPresent()).setTrustAll(true).setVerifyHost(false));
    }

    /** Stops serving and closes the database, as a hub process going away would. */
    public void stop() {
        ops.close();
        await(vertx.undeploy(deploymentId));
        storage.close();
        deploymentId = null;
    }

    public URI uri() {
        return URI.create((tlsDir.isPresent() ? "https" : "http") + "://localhost:" + port);
    }

    public String stationToken(String stationId) {
        return credential(CredentialKind.STATION, stationId);
    }

    private String credential(CredentialKind kind, String name) {
        String secret = Secrets.generate(kind);
        storage.credentials().create(new Principal(kind, name, Optional.empty()), Secrets.hash(secret));
        return secret;
    }

    /**
     * Revokes the station's token with the admin command {@code station revoke ID} on the data directory,
     * beside the running hub as an admin would; the hub refuses the token once its memory of it runs out
     * (up to 5 s).
     */
    public void revokeStation(String stationId) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new HubMain()).setOut(new PrintWriter(out)).setErr(new PrintWriter(out));
        int exit = cli.execute("station", "revoke", stationId, "--data", dataDir.toString());
        if (exit != 0) {
            throw new AssertionError("station revoke " + stationId + " exited " + exit + ": " + out);
        }
    }

    /** Whether the hub now refuses this station token (HTTP 401 on the station feed). */
    public boolean refuses(String stationToken) {
        return await(ops.get("/api/v1/station/feed").bearerTokenAuthentication(stationToken).addQueryParam("limit", "1")
                .send()).statusCode() == 401;
    }

    /** Stops the hub, copies its data directory to {@code backup}, and starts it again on the same port. */
    public void backUpTo(Path backup) {
        stop();
        copyTree(dataDir, backup);
        start();
    }

    /** Stops the hub, puts the data directory back as it was in {@code backup}, and starts it again on the same port. */
    public void restoreFrom(Path backup) {
        stop();
        copyTree(backup, dataDir);
        start();
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.list(from)) {
            Files.createDirectories(to);
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            // a file the copy does not have (a WAL written since) must not be replayed over it
            try (Stream<Path> extra = Files.list(to)) {
                for (Path file : extra.toList()) {
                    if (!Files.exists(from.resolve(file.getFileName()))) {
                        Files.delete(file);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }

    /** A fresh one-time enrolment text for the station, as {@code POST /api/v1/stations/{id}/enrolment} answers it. */
    public String enrolment(String stationId) {
        return ok(ops.post("/api/v1/stations/" + stationId + "/enrolment").bearerTokenAuthentication(apiKey)
                .sendJsonObject(new JsonObject().put("hubUrl", uri().toString()))).bodyAsJsonObject().getString("enrolment");
    }

    public void putItem(String sku, String code) {
        ok(ops.put("/api/v1/items/" + sku).bearerTokenAuthentication(apiKey).sendJsonObject(new JsonObject()
                .put("name", "Item " + sku).put("barcodes", new JsonArray().add(new JsonObject().put("code", code)))));
    }

    public void putOrder(String id, String sku, int quantity, String alias) {
        ok(ops.put("/api/v1/orders/" + id).bearerTokenAuthentication(apiKey).sendJsonObject(new JsonObject()
                .put("lines", new JsonArray().add(new JsonObject().put("sku", sku).put("quantity", quantity)))
                .put("aliases", new JsonArray().add(alias))));
    }

    /** An item of one barcode with a catalogue weight. */
    public void putItem(String sku, String code, double weightGrams) {
        ok(ops.put("/api/v1/items/" + sku).bearerTokenAuthentication(apiKey).sendJsonObject(new JsonObject()
                .put("name", "Item " + sku).put("weightGrams", weightGrams)
                .put("barcodes", new JsonArray().add(new JsonObject().put("code", code)))));
    }

    /** An order of one line whose parcels must carry these shipping labels (none: any label is bound to it). */
    public void putOrder(String id, String sku, int quantity, List<String> labels) {
        ok(ops.put("/api/v1/orders/" + id).bearerTokenAuthentication(apiKey).sendJsonObject(new JsonObject()
                .put("lines", new JsonArray().add(new JsonObject().put("sku", sku).put("quantity", quantity)))
                .put("labels", new JsonArray(new ArrayList<>(labels)))));
    }

    /** A box type of the box catalogue. */
    public void putBox(String code, double tareGrams) {
        ok(ops.put("/api/v1/boxes/" + code).bearerTokenAuthentication(apiKey)
                .sendJsonObject(new JsonObject().put("name", "Box " + code).put("tareGrams", tareGrams)));
    }

    /** What the hub answers for a shipping label ({@code GET /api/v1/parcels/{label}}): its status and body. */
    public HttpResponse<Buffer> parcel(String label) {
        return await(ops.get("/api/v1/parcels/" + label).bearerTokenAuthentication(apiKey).send());
    }

    public void putBadge(String code, String name, String role) {
        ok(ops.put("/api/v1/badges/" + code).bearerTokenAuthentication(apiKey)
                .sendJsonObject(new JsonObject().put("name", name).put("role", role)));
    }

    public void cancel(String orderId, String reason) {
        ok(ops.post("/api/v1/orders/" + orderId + "/cancel").bearerTokenAuthentication(apiKey)
                .sendJsonObject(new JsonObject().put("reason", reason)));
    }

    public void hold(String orderId, String reason) {
        ok(ops.post("/api/v1/orders/" + orderId + "/hold").bearerTokenAuthentication(apiKey)
                .sendJsonObject(new JsonObject().put("reason", reason)));
    }

    public void release(String orderId) {
        ok(ops.post("/api/v1/orders/" + orderId + "/release").bearerTokenAuthentication(apiKey)
                .sendJsonObject(new JsonObject()));
    }

    /** The station's row of the hub's station health report (last heartbeat's scanner, events waiting, cache age). */
    public JsonObject stationHealth(String stationId) {
        JsonArray rows = ok(ops.get("/api/v1/reports/stations").bearerTokenAuthentication(apiKey).send())
                .bodyAsJsonObject().getJsonArray("rows");
        return rows.stream().map(JsonObject.class::cast).filter(r -> stationId.equals(r.getString("station")))
                .findFirst().orElseThrow(() -> new AssertionError("no station " + stationId + " in " + rows));
    }

    /** Claims the order for the station whose token this is, as the station would on opening it; the hub's answer. */
    public JsonObject claim(String orderId, String stationToken) {
        return await(ops.post("/api/v1/station/orders/" + orderId + "/claim").bearerTokenAuthentication(stationToken)
                .send()).bodyAsJsonObject();
    }

    /** Ends the order's claim, as {@code POST /api/v1/orders/{id}/release-claim} with the ops key. */
    public void releaseClaim(String orderId) {
        ok(ops.post("/api/v1/orders/" + orderId + "/release-claim").bearerTokenAuthentication(apiKey).send());
    }

    /** Whether a station's claim on the order holds now, as the claims report says. */
    public boolean claimed(String orderId) {
        return !ok(ops.get("/api/v1/reports/claims").addQueryParam("orderId", orderId).bearerTokenAuthentication(apiKey)
                .send()).bodyAsJsonObject().getJsonArray("claims").isEmpty();
    }

    /** The order's whole answer from the ops API. */
    public JsonObject order(String orderId) {
        return ok(ops.get("/api/v1/orders/" + orderId).bearerTokenAuthentication(apiKey).send()).bodyAsJsonObject();
    }

    /** The order's status as the ops API reports it. */
    public String orderStatus(String orderId) {
        return ok(ops.get("/api/v1/orders/" + orderId).bearerTokenAuthentication(apiKey).send())
                .bodyAsJsonObject().getString("status");
    }

    /** Every station event the hub stored, in its order, through the integrators' event API. */
    public List<JsonObject> events() {
        List<JsonObject> all = new ArrayList<>();
        String cursor = null;
        while (true) {
            var request = ops.get("/api/v1/events").bearerTokenAuthentication(apiKey).addQueryParam("limit", "1000");
            if (cursor != null) {
                request.addQueryParam("after", cursor);
            }
            JsonObject page = ok(request.send()).bodyAsJsonObject();
            JsonArray events = page.getJsonArray("events");
            events.forEach(e -> all.add((JsonObject) e));
            cursor = page.getString("cursor");
            if (events.isEmpty()) {
                return all;
            }
        }
    }

    private static HttpResponse<Buffer> ok(Future<HttpResponse<Buffer>> call) {
        HttpResponse<Buffer> response = await(call);
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError("hub answered " + response.statusCode() + ": " + response.bodyAsString());
        }
        return response;
    }

    public static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("no answer: " + e, e);
        }
    }

    @Override
    public void close() {
        if (deploymentId != null) {
            stop();
        }
    }
}
