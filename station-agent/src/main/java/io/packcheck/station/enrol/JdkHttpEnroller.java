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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code POST /api/v1/station/enrol} with the JDK's HTTP client: a one-off blocking call made before any
 * hub link exists, so it needs no event loop. A hub that answers 429 with {@code Retry-After} is not asked
 * again before that time: a code scanned meanwhile is answered here, and stays usable.
 */
public final class JdkHttpEnroller implements HubEnroller {

    // a 429 without a usable Retry-After: the hub's enrolment budget earns an attempt back every 6 s
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(6);

    private final HttpClient client;
    private final Duration timeout;
    private final Clock clock;
    // per hub URL, the time its Retry-After named
    private final Map<String, Instant> notBefore = new ConcurrentHashMap<>();

    public JdkHttpEnroller(Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Exchange exchange(Enrolment enrolment) {
        URI hub = enrolment.hubUrl();
        Instant now = clock.instant();
        Instant waitUntil = notBefore.getOrDefault(hub.toString(), Instant.MIN);
        if (now.isBefore(waitUntil)) {
            return new Exchange.Failed("the hub at " + hub + " asked for no enrolment attempts from this network for"
                    + " another " + wholeSeconds(Duration.between(now, waitUntil)) + " s; the code is not used up,"
                    + " scan it again then");
        }
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
        if (response.statusCode() == 429) {
            Duration wait = retryAfter(response, now).orElse(DEFAULT_RETRY_AFTER);
            notBefore.put(hub.toString(), now.plus(wait));
            return new Exchange.Failed("the hub takes no more enrolment attempts from this network for "
                    + wholeSeconds(wait) + " s (" + message + "); the code is not used up, scan it again then");
        }
        return new Exchange.Failed("the hub refused the enrolment code: " + message);
    }

    /** {@code Retry-After} as delay-seconds or an HTTP date; empty when missing or unreadable. */
    static Optional<Duration> retryAfter(HttpResponse<?> response, Instant now) {
        Optional<String> header = response.headers().firstValue("Retry-After").map(String::trim);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get();
        try {
            if (value.chars().allMatch(Character::isDigit)) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            }
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static long wholeSeconds(Duration d) {
        return Math.max(1, d.plusNanos(999_999_999).toSeconds());
    }
}
