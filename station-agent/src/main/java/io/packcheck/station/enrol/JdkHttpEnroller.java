package io.packcheck.station.enrol;

import io.packcheck.core.enrol.Enrolment;
import io.packcheck.station.config.Secret;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code POST /api/v1/station/enrol} with the JDK's HTTP client: a one-off blocking call made before any
 * hub link exists, so it needs no event loop.
 */
public final class JdkHttpEnroller implements HubEnroller {

    private final HttpClient client;
    private final Duration timeout;

    public JdkHttpEnroller(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Exchange exchange(Enrolment enrolment) {
        URI hub = enrolment.hubUrl();
        URI endpoint = URI.create(hub.toString().replaceAll("/+$", "") + "/api/v1/station/enrol");
        String body = new JsonObject().put("stationId", enrolment.stationId()).put("code", enrolment.code()).encode();
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return new Exchange.Failed("the hub at " + hub + " did not answer within " + timeout.toSeconds() + " s");
        } catch (ConnectException e) {
            return new Exchange.Failed("the hub at " + hub + " cannot be reached - check the network and that the hub runs");
        } catch (IOException e) {
            return new Exchange.Failed("the hub at " + hub + " cannot be reached: " + e.getClass().getSimpleName()
                    + Optional.ofNullable(e.getMessage()).map(m -> " " + m).orElse(""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Exchange.Failed("the station stopped while asking the hub");
        }
        JsonObject answer;
        try {
            answer = new JsonObject(response.body());
        } catch (DecodeException | ClassCastException e) {
            return new Exchange.Failed("the hub at " + hub + " answered " + response.statusCode()
                    + " without JSON; is that URL a PackCheck hub?");
        }
        if (response.statusCode() == 200) {
            String token = answer.getString("token");
            if (token == null || token.isBlank() || token.chars().anyMatch(Character::isWhitespace)) {
                return new Exchange.Failed("the hub answered without a usable token");
            }
            return new Exchange.Token(new Secret(token));
        }
        String message = Optional.ofNullable(answer.getJsonObject("error")).map(e -> e.getString("message"))
                .orElse("status " + response.statusCode());
        return new Exchange.Failed("the hub refused the enrolment code: " + message);
    }
}
