package io.packcheck.hub;

import static io.packcheck.hub.RunningHub.error;
import static io.packcheck.hub.RunningHub.json;
import static io.packcheck.hub.StationApiTest.batch;
import static io.packcheck.hub.StationApiTest.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One station packs an order at a time: claims over real HTTP on a real hub, with the hub's clock moved by hand. */
class ClaimApiTest extends ApiKeyHubTest {

    String st1;
    String st2;

    @BeforeEach
    void anOrderAndTwoStations() {
        st1 = hub.stationToken("ST-1");
        st2 = hub.stationToken("ST-2");
        hub.put("/api/v1/items/MUG-1", key, OpsApiTest.mug());
        hub.put("/api/v1/orders/SO-1", key, OpsApiTest.order("MUG-1", 2));
    }

    @Test
    void grantsTheFirstStationAndRefusesTheSecondNamingTheFirstAndSince() {
        var first = hub.post("/api/v1/station/orders/SO-1/claim", st1, null);
        hub.clock.advance(Duration.ofMinutes(3));

        var second = hub.post("/api/v1/station/orders/SO-1/claim", st2, null);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(json(first).getBoolean("claimed")).isTrue();
        assertThat(json(first).getString("stationId")).isEqualTo("ST-1");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(json(second).getString("stationId")).isEqualTo("ST-1");
        assertThat(json(second).getString("since")).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(error(second).getString("code")).isEqualTo("claimed_elsewhere");
    }

    @Test
    void aRepeatedClaimByTheSameStationSucceedsAndKeepsItsStart() {
        hub.post("/api/v1/station/orders/SO-1/claim", st1, null);
        hub.clock.advance(Duration.ofMinutes(5));

        var again = hub.post("/api/v1/station/orders/SO-1/claim", st1, null);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).getBoolean("renewed")).isTrue();
        assertThat(json(again).getString("since")).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(json(again).getString("lastActive")).isEqualTo("2026-11-22T10:05:00Z");
    }

    @Test
    void anUnknownOrderCannotBeClaimed() {
        var response = hub.post("/api/v1/station/orders/SO-404/claim", st1, null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(error(response).getString("field")).isEqualTo("id");
    }

    @Test
    void onlyAStationTokenClaimsAndOnlyAnApiKeyReleases() {
        assertThat(hub.post("/api/v1/station/orders/SO-1/claim", key, null).statusCode()).isEqualTo(403);
        assertThat(hub.post("/api/v1/orders/SO-1/release-claim", st1, null).statusCode()).isEqualTo(403);
    }

    @Test
    void opsReleaseTheClaimAndTheSecondStationGetsTheOrder() {
        hub.post("/api/v1/station/orders/SO-1/claim", st1, null);

        var released = hub.post("/api/v1/orders/SO-1/release-claim", key, null);
        var second = hub.post("/api/v1/station/orders/SO-1/claim", st2, null);
        var again = hub.post("/api/v1/orders/SO-1/release-claim", key, null);

        assertThat(released.statusCode()).isEqualTo(200);
        assertThat(json(released).getBoolean("released")).isTrue();
        assertThat(json(released).getJsonObject("claim").getString("stationId")).isEqualTo("ST-1");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json(again).getJsonObject("claim").getString("stationId")).isEqualTo("ST-2");
        assertThat(json(hub.post("/api/v1/orders/SO-1/release-claim", key, null)).getBoolean("released"))
                .as("nothing left to release").isFalse();
    }

    @Test
    void aSupervisorReleasesTheClaimFromTheDashboard() {
        DashboardClient dashboard = new DashboardClient(hub);
        String cookie = dashboard.signIn("sam", dashboard.user("sam", "supervisor"));
        hub.post("/api/v1/station/orders/SO-1/claim", st1, null);

        var foreign = dashboard.post("/api/v1/dashboard/orders/SO-1/release-claim", cookie, "http://evil.example");
        var before = json(dashboard.get("/api/v1/reports/claims?orderId=SO-1", cookie));
        var released = dashboard.post("/api/v1/dashboard/orders/SO-1/release-claim", cookie, dashboard.origin());
        var after = json(dashboard.get("/api/v1/reports/claims?orderId=SO-1", cookie));

        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(before.getJsonArray("claims").getJsonObject(0).getString("stationId")).isEqualTo("ST-1");
        assertThat(released.statusCode()).isEqualTo(200);
        assertThat(after.getJsonArray("claims")).isEmpty();
    }

    @Test
    void aClaimEndsAfterTheIdleTimeWithoutWordFromItsStation() {
        hub.post("/api/v1/station/orders/SO-1/claim", st1, null);
        hub.clock.advance(Duration.ofMinutes(29));
        var stillHeld = hub.post("/api/v1/station/orders/SO-1/claim", st2, null);

        hub.clock.advance(Duration.ofMinutes(2));
        var afterIdle = hub.post("/api/v1/station/orders/SO-1/claim", st2, null);

        assertThat(stillHeld.statusCode()).isEqualTo(409);
        assertThat(afterIdle.statusCode()).isEqualTo(200);
        assertThat(json(afterIdle).getString("stationId")).isEqualTo("ST-2");
    }

    @Test
    void eventsOfTheClaimingStationKeepTheClaimAlive() {
        hub.post("/api/v1/station/orders/SO-1/claim", st1, null);
        hub.clock.advance(Duration.ofMinutes(25));
        ingest(st1, event("ST-1", 1, "SCAN", "MATCH", "SO-1", 1));
        hub.clock.advance(Duration.ofMinutes(25));

        var second = hub.post("/api/v1/station/orders/SO-1/claim", st2, null);

        assertThat(second.statusCode()).isEqualTo(409);
    }

    @Test
    void completingOrCancellingAtTheStationEndsItsClaim() {
        hub.put("/api/v1/orders/SO-2", key, OpsApiTest.order("MUG-1", 1));
        hub.post("/api/v1/station/orders/SO-1/claim", st1, null);
        hub.post("/api/v1/station/orders/SO-2/claim", st1, null);

        ingest(st1, event("ST-1", 1, "ORDER_COMPLETED", "ORDER_COMPLETE", "SO-1", 1),
                event("ST-1", 2, "SESSION_CANCELLED", "COMMAND_ACCEPTED", "SO-2", 1));

        assertThat(hub.post("/api/v1/station/orders/SO-1/claim", st2, null).statusCode()).isEqualTo(200);
        assertThat(hub.post("/api/v1/station/orders/SO-2/claim", st2, null).statusCode()).isEqualTo(200);
    }

    @Test
    void anOfflineStationsEventsOnAClaimedOrderAreFlaggedAsAConflictNamingBothStations() {
        hub.post("/api/v1/station/orders/SO-1/claim", st1, null);
        hub.clock.advance(Duration.ofMinutes(10));

        // ST-2 opened and packed SO-1 from its cache while it could not reach the hub; its events arrive now
        ingest(st2, event("ST-2", 1, "ORDER_OPENED", "ORDER_OPENED", "SO-1", 1),
                event("ST-2", 2, "SCAN", "MATCH", "SO-1", 1),
                event("ST-2", 3, "ORDER_COMPLETED", "ORDER_COMPLETE", "SO-1", 1));

        JsonObject order = json(hub.get("/api/v1/orders/SO-1", key));
        assertThat(order.getString("status")).isEqualTo("EXCEPTION");
        assertThat(order.getString("holdReason")).contains("ST-1").contains("ST-2");
        List<JsonObject> feed = json(hub.get("/api/v1/events", key)).getJsonArray("events").stream()
                .map(JsonObject.class::cast).filter(e -> "CLAIM_CONFLICT".equals(e.getString("kind"))).toList();
        assertThat(feed).singleElement().satisfies(e -> {
            assertThat(e.getString("orderId")).isEqualTo("SO-1");
            assertThat(e.getString("stationId")).isEqualTo("ST-2");
            assertThat(e.getString("reason")).contains("ST-1").contains("ST-2");
        });
        JsonObject conflict = json(hub.get("/api/v1/reports/claims", key)).getJsonArray("conflicts").getJsonObject(0);
        assertThat(conflict.getString("claimedBy")).isEqualTo("ST-1");
        assertThat(conflict.getString("otherStation")).isEqualTo("ST-2");
    }

    @Test
    void anOrderPackedAtTwoStationsStaysAnExceptionWhenTheClaimingStationFinishes() {
        hub.post("/api/v1/station/orders/SO-1/claim", st1, null);
        ingest(st2, event("ST-2", 1, "ORDER_OPENED", "ORDER_OPENED", "SO-1", 1));

        ingest(st1, event("ST-1", 1, "ORDER_OPENED", "ORDER_OPENED", "SO-1", 1),
                event("ST-1", 2, "ORDER_COMPLETED", "ORDER_COMPLETE", "SO-1", 1));

        assertThat(json(hub.get("/api/v1/orders/SO-1", key)).getString("status")).isEqualTo("EXCEPTION");
    }

    @Test
    void aStationThatOpensAnOrderOfflineClaimsItWhenItsEventsArrive() {
        ingest(st1, event("ST-1", 1, "ORDER_OPENED", "ORDER_OPENED", "SO-1", 1));

        var second = hub.post("/api/v1/station/orders/SO-1/claim", st2, null);

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(json(second).getString("stationId")).isEqualTo("ST-1");
        assertThat(json(hub.get("/api/v1/orders/SO-1", key)).getString("status")).isEqualTo("IN_PROGRESS");
    }

    @Test
    void aStationCannotSendAConflictEventOfItsOwn() {
        var response = hub.post("/api/v1/station/events", st2, batch(event("ST-2", 1, "CLAIM_CONFLICT",
                "ORDER_CLAIMED_ELSEWHERE", "SO-1", 1)));

        assertThat(json(response).getJsonArray("rejected").getJsonObject(0).getString("field")).isEqualTo("events[0].kind");
        assertThat(json(response).getJsonArray("stored")).isEmpty();
    }

    private void ingest(String token, JsonObject... events) {
        var response = hub.post("/api/v1/station/events", token, batch(events));
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        assertThat(json(response).getJsonArray("stored")).hasSize(events.length);
    }
}
