package io.packcheck.hub;

import static io.packcheck.hub.RunningHub.error;
import static io.packcheck.hub.RunningHub.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.enrol.Enrolment;
import io.packcheck.core.enrol.EnrolmentParse;
import io.packcheck.hub.auth.CredentialKind;
import io.packcheck.hub.http.AttemptLimiter;
import io.packcheck.hub.http.HubServices.Limits;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One-time enrolment codes over real HTTP: issued by ops, exchanged once by a new station. */
class EnrolmentApiTest extends ApiKeyHubTest {

    @Test
    void issuesAnEnrolmentForANewStationThatCarriesTheGivenHubUrl() {
        var response = hub.post("/api/v1/stations/pack-07/enrolment", key,
                new JsonObject().put("hubUrl", "https://hub.example:8443").put("valid", "2h"));

        assertThat(response.statusCode()).isEqualTo(201);
        JsonObject body = json(response);
        assertThat(body.getBoolean("stationCreated")).isTrue();
        assertThat(Instant.parse(body.getString("expiresAt"))).isEqualTo(hub.clock.instant().plus(Duration.ofHours(2)));
        Enrolment enrolment = parsed(body.getString("enrolment"));
        assertThat(enrolment.stationId()).isEqualTo("pack-07");
        assertThat(enrolment.hubUrl()).hasToString("https://hub.example:8443");
        assertThat(hub.storage.credentials().list(CredentialKind.STATION)).extracting(c -> c.name()).containsExactly("pack-07");
    }

    @Test
    void defaultsTheHubUrlToTheOneTheRequestReached() {
        var response = hub.post("/api/v1/stations/pack-07/enrolment", key, null);

        assertThat(parsed(json(response).getString("enrolment")).hubUrl())
                .hasToString("http://localhost:" + hub.verticle.actualPort());
    }

    @Test
    void exchangesACodeOnceForAStationTokenTheStationApiAccepts() {
        Enrolment enrolment = issue("pack-07");

        var first = exchange("pack-07", enrolment.code());
        var again = exchange("pack-07", enrolment.code());

        assertThat(first.statusCode()).isEqualTo(200);
        String token = json(first).getString("token");
        assertThat(token).startsWith("pcs_");
        assertThat(hub.get("/api/v1/station/feed", token).statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(error(again).getString("code")).isEqualTo("code_used");
        assertThat(error(again).getString("message")).contains("already used");
    }

    @Test
    void enrollingAgainRevokesTheStationsEarlierToken() {
        String old = json(exchange("pack-07", issue("pack-07").code())).getString("token");
        hub.clock.advance(Duration.ofSeconds(10)); // past the auth cache

        String renewed = json(exchange("pack-07", issue("pack-07").code())).getString("token");

        assertThat(hub.get("/api/v1/station/feed", old).statusCode()).isEqualTo(401);
        assertThat(hub.get("/api/v1/station/feed", renewed).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAnExpiredCodeWith410() {
        Enrolment enrolment = parsed(json(hub.post("/api/v1/stations/pack-07/enrolment", key,
                new JsonObject().put("valid", "30m"))).getString("enrolment"));
        hub.clock.advance(Duration.ofMinutes(30));

        var response = exchange("pack-07", enrolment.code());

        assertThat(response.statusCode()).isEqualTo(410);
        assertThat(error(response).getString("code")).isEqualTo("code_expired");
        assertThat(error(response).getString("field")).isEqualTo("code");
    }

    @Test
    void refusesACodeIssuedForAnotherStationWith401AndKeepsItUsable() {
        Enrolment enrolment = issue("pack-07");

        var wrong = exchange("pack-08", enrolment.code());
        var right = exchange("pack-07", enrolment.code());

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(error(wrong).getString("code")).isEqualTo("wrong_station");
        assertThat(error(wrong).getString("field")).isEqualTo("stationId");
        assertThat(right.statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAnUnknownCodeWith401() {
        issue("pack-07");

        var response = exchange("pack-07", "AAAAAAAAAAAAAAAAAAAAAAAA");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(error(response).getString("code")).isEqualTo("code_unknown");
    }

    @Test
    void aNewCodeSupersedesTheStationsUnusedOne() {
        Enrolment first = issue("pack-07");
        Enrolment second = issue("pack-07");

        var old = exchange("pack-07", first.code());

        assertThat(old.statusCode()).isEqualTo(410);
        assertThat(error(old).getString("code")).isEqualTo("code_superseded");
        assertThat(exchange("pack-07", second.code()).statusCode()).isEqualTo(200);
    }

    @Test
    void namesTheMissingFieldOfAnExchange() {
        var response = hub.post("/api/v1/station/enrol", null, new JsonObject().put("stationId", "pack-07"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(error(response).getString("field")).isEqualTo("code");
    }

    @Test
    void refusesToIssueWithABadValidityOrUrlNamingTheField() {
        var badValid = hub.post("/api/v1/stations/pack-07/enrolment", key, new JsonObject().put("valid", "forever"));
        var badUrl = hub.post("/api/v1/stations/pack-07/enrolment", key, new JsonObject().put("hubUrl", "ftp://hub"));

        assertThat(badValid.statusCode()).isEqualTo(400);
        assertThat(error(badValid).getString("field")).isEqualTo("valid");
        assertThat(badUrl.statusCode()).isEqualTo(400);
        assertThat(error(badUrl).getString("field")).isEqualTo("hubUrl");
        assertThat(hub.storage.credentials().list(CredentialKind.STATION)).isEmpty();
    }

    @Test
    void onlyAnApiKeyMayIssueCodes() {
        var response = hub.post("/api/v1/stations/pack-07/enrolment", null, null);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void refusesThe11thRapidFailedAttemptFromOneAddressUntilItsRetryAfterHasPassed() {
        Enrolment enrolment = issue("pack-07");
        for (int i = 0; i < 10; i++) {
            assertThat(exchange("pack-07", "AAAAAAAAAAAAAAAAAAAAAAAA").statusCode()).isEqualTo(401);
        }

        var eleventh = exchange("pack-07", enrolment.code());

        assertThat(eleventh.statusCode()).isEqualTo(429);
        assertThat(eleventh.getHeader("Retry-After")).isEqualTo("6");
        assertThat(error(eleventh).getString("code")).isEqualTo("too_many_attempts");
        assertThat(error(eleventh).getString("field")).isEmpty();
        assertThat(error(eleventh).getString("message")).contains("try again in 6 s");

        hub.clock.advance(Duration.ofSeconds(6));
        var later = exchange("pack-07", enrolment.code());

        assertThat(later.statusCode()).isEqualTo(200);
    }

    @Test
    void aSuccessfulExchangeDoesNotUseUpTheAddressesAttempts() {
        for (int i = 0; i < 9; i++) {
            exchange("pack-07", "AAAAAAAAAAAAAAAAAAAAAAAA");
        }

        var enrolled = exchange("pack-08", issue("pack-08").code());
        var tenthFailure = exchange("pack-07", "AAAAAAAAAAAAAAAAAAAAAAAA");
        var eleventhFailure = exchange("pack-07", "AAAAAAAAAAAAAAAAAAAAAAAA");

        assertThat(enrolled.statusCode()).isEqualTo(200);
        assertThat(tenthFailure.statusCode()).isEqualTo(401);
        assertThat(eleventhFailure.statusCode()).isEqualTo(429);
    }

    @Test
    void takesItsAttemptBudgetFromTheHubsLimits(Vertx vertx, @TempDir Path otherDir) {
        HubConfig config = new HubConfig(0, Optional.empty(), Optional.empty(),
                Limits.defaults().withEnrolAttempts(new AttemptLimiter.Budget(2, Duration.ofMinutes(1))));
        try (RunningHub strict = new RunningHub(vertx, otherDir, config)) {
            JsonObject wrong = new JsonObject().put("stationId", "pack-07").put("code", "AAAAAAAAAAAAAAAAAAAAAAAA");
            strict.post("/api/v1/station/enrol", null, wrong);
            strict.post("/api/v1/station/enrol", null, wrong);

            var third = strict.post("/api/v1/station/enrol", null, wrong);

            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(third.getHeader("Retry-After")).isEqualTo("60");
        }
    }

    private Enrolment issue(String stationId) {
        var response = hub.post("/api/v1/stations/" + stationId + "/enrolment", key, null);
        assertThat(response.statusCode()).isEqualTo(201);
        return parsed(json(response).getString("enrolment"));
    }

    private io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> exchange(String stationId, String code) {
        return hub.post("/api/v1/station/enrol", null, new JsonObject().put("stationId", stationId).put("code", code));
    }

    private static Enrolment parsed(String text) {
        EnrolmentParse parse = Enrolment.parse(text);
        assertThat(parse).isInstanceOf(EnrolmentParse.Parsed.class);
        return ((EnrolmentParse.Parsed) parse).enrolment();
    }
}
