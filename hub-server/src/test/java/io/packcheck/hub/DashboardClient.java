package io.packcheck.hub;

import static io.packcheck.hub.RunningHub.await;

import io.packcheck.hub.auth.CredentialKind;
import io.packcheck.hub.auth.Principal;
import io.packcheck.hub.auth.Secrets;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Dashboard users, sign-in and station events for tests against a {@link RunningHub}. */
final class DashboardClient {

    private final RunningHub hub;

    DashboardClient(RunningHub hub) {
        this.hub = hub;
    }

    String origin() {
        return "http://localhost:" + hub.verticle.actualPort();
    }

    String user(String name, String role) {
        String secret = Secrets.generate(CredentialKind.USER);
        hub.storage.credentials().create(new Principal(CredentialKind.USER, name, Optional.of(role)), Secrets.hash(secret));
        return secret;
    }

    HttpResponse<Buffer> postLogin(String username, String password, String origin) {
        var request = hub.client.post("/login").followRedirects(false);
        if (origin != null) {
            request.putHeader("Origin", origin);
        }
        return await(request.sendForm(MultiMap.caseInsensitiveMultiMap().add("username", username).add("password", password)));
    }

    /** Signs in and returns the {@code Cookie} header value for the session. */
    String signIn(String username, String password) {
        HttpResponse<Buffer> response = postLogin(username, password, origin());
        String setCookie = response.cookies().stream().filter(c -> c.startsWith("packcheck_session=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie; status " + response.statusCode() + " "
                        + response.getHeader("Location")));
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    HttpResponse<Buffer> get(String uri, String cookie) {
        var request = hub.client.request(HttpMethod.GET, uri).followRedirects(false);
        if (cookie != null) {
            request.putHeader("Cookie", cookie);
        }
        return await(request.send());
    }

    HttpResponse<Buffer> post(String uri, String cookie, String origin) {
        var request = hub.client.request(HttpMethod.POST, uri).followRedirects(false);
        if (cookie != null) {
            request.putHeader("Cookie", cookie);
        }
        if (origin != null) {
            request.putHeader("Origin", origin);
        }
        return await(request.send());
    }

    static JsonObject scan(String station, long seq, Instant at, String packer, String orderId, String verdict,
                           String sku, String expectedSku) {
        return event(station, seq, at, "SCAN", verdict).put("packer", packer).put("orderId", orderId).put("sku", sku)
                .put("expectedSku", expectedSku).put("quantity", 1).put("raw", "0590123412345" + (seq % 10));
    }

    static JsonObject event(String station, long seq, Instant at, String kind, String verdict) {
        return new JsonObject().put("id", UUID.randomUUID().toString()).put("seq", seq).put("kind", kind)
                .put("verdict", verdict).put("at", at.toString()).put("stationId", station);
    }

    HttpResponse<Buffer> send(String stationToken, List<JsonObject> events) {
        var response = hub.post("/api/v1/station/events", stationToken,
                new JsonObject().put("events", new JsonArray(List.copyOf(events))));
        if (response.statusCode() != 200) {
            throw new AssertionError("ingest failed: " + response.bodyAsString());
        }
        return response;
    }
}
