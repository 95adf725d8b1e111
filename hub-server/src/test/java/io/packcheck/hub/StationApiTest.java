package io.packcheck.hub;

import static io.packcheck.hub.RunningHub.await;
import static io.packcheck.hub.RunningHub.error;
import static io.packcheck.hub.RunningHub.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StationApiTest extends ApiKeyHubTest {

    String station1;
    String station2;

    @BeforeEach
    void enrolTwoStations() {
        station1 = hub.stationToken("ST-1");
        station2 = hub.stationToken("ST-2");
    }

    static JsonObject event(String stationId, long seq, String kind, String verdict, String orderId, long orderVersion) {
        return new JsonObject().put("id", UUID.randomUUID().toString()).put("seq", seq).put("kind", kind)
                .put("verdict", verdict).put("at", "2026-11-22T10:00:00Z").put("stationId", stationId)
                .put("packer", "P-7").put("orderId", orderId).put("orderVersion", orderVersion)
                .put("raw", "]C1" + seq).put("quantity", 1).put("reason", "");
    }

    static JsonObject batch(JsonObject... events) {
        return new JsonObject().put("events", new JsonArray(java.util.List.of((Object[]) events)));
    }

    @Test
    void feedsItemsOrdersAndBadgesThenNothingAfterTheCursor() {
        hub.put("/api/v1/items/MUG-1", key, OpsApiTest.mug());
        hub.put("/api/v1/orders/O-1", key, OpsApiTest.order("MUG-1", 2));
        hub.put("/api/v1/badges/B-1", key, new JsonObject().put("name", "Ann").put("role", "supervisor"));

        JsonObject first = json(hub.get("/api/v1/station/feed", station1));
        JsonObject second = json(hub.get("/api/v1/station/feed?after=" + first.getString("cursor"), station1));

        assertThat(first.getJsonArray("changes").stream().map(c -> ((JsonObject) c).getString("type")))
                .containsExactly("item", "order", "badge");
        assertThat(first.getJsonArray("changes").getJsonObject(1).getLong("version")).isEqualTo(1);
        assertThat(first.getJsonArray("changes").getJsonObject(2).getString("role")).isEqualTo("supervisor");
        assertThat(second.getJsonArray("changes")).isEmpty();
        assertThat(second.getString("cursor")).isEqualTo(first.getString("cursor"));
    }

    @Test
    void wakesALongPollingStationWhenAnOrderIsCancelled() throws Exception {
        hub.put("/api/v1/orders/O-1", key, OpsApiTest.order("MUG-1", 2));
        String cursor = json(hub.get("/api/v1/station/feed", station1)).getString("cursor");
        var waiting = hub.client.get("/api/v1/station/feed?wait=25&after=" + cursor).bearerTokenAuthentication(station1).send();
        await(io.vertx.core.Future.future(p -> hub.vertx.setPeriodic(10, id ->
                hub.client.get("/health/ready").send().onSuccess(r -> {
                    if (r.bodyAsJsonObject().getInteger("waitingStations") == 1 && p.tryComplete()) {
                        hub.vertx.cancelTimer(id);
                    }
                }))));
        long cancelledAt = System.nanoTime();

        hub.post("/api/v1/orders/O-1/cancel", key, new JsonObject().put("reason", "customer called"));

        JsonObject woken = waiting.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).bodyAsJsonObject();
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - cancelledAt)).isLessThan(10);
        JsonObject change = woken.getJsonArray("changes").getJsonObject(0);
        assertThat(change.getString("status")).isEqualTo("CANCELLED");
        assertThat(change.getString("holdReason")).isEqualTo("customer called");
    }

    @Test
    void answersAnEmptyPageWhenTheWaitRunsOut() {
        String cursor = json(hub.get("/api/v1/station/feed", station1)).getString("cursor");

        var response = hub.get("/api/v1/station/feed?wait=1&after=" + cursor, station1);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).getJsonArray("changes")).isEmpty();
    }

    @Test
    void refusesACursorItDidNotHandOutAndAWaitOverThirtySeconds() {
        var badCursor = hub.get("/api/v1/station/feed?after=abc", station1);
        var badWait = hub.get("/api/v1/station/feed?wait=31", station1);

        assertThat(badCursor.statusCode()).isEqualTo(400);
        assertThat(error(badCursor).getString("field")).isEqualTo("after");
        assertThat(badWait.statusCode()).isEqualTo(400);
        assertThat(error(badWait).getString("field")).isEqualTo("wait");
    }

    @Test
    void findsAnOrderByItsToteAlias() {
        hub.put("/api/v1/orders/O-1", key, OpsApiTest.order("MUG-1", 2).put("aliases", new JsonArray().add("TOTE-9")));

        var response = hub.get("/api/v1/station/orders/TOTE-9", station1);

        assertThat(json(response).getString("id")).isEqualTo("O-1");
        assertThat(json(response).getString("type")).isEqualTo("order");
    }

    @Test
    void storesABatchOnceAndAnswersDuplicatesOnResend() {
        JsonObject body = batch(event("ST-1", 1, "PACKER_LOGIN", "COMMAND_ACCEPTED", null, 0),
                event("ST-1", 2, "PACKER_LOGOUT", "COMMAND_ACCEPTED", null, 0));

        JsonObject first = json(hub.post("/api/v1/station/events", station1, body));
        JsonObject again = json(hub.post("/api/v1/station/events", station1, body));

        assertThat(first.getJsonArray("stored")).hasSize(2);
        assertThat(again.getJsonArray("stored")).isEmpty();
        assertThat(again.getJsonArray("duplicates")).hasSize(2);
        assertThat(json(hub.get("/api/v1/events", key)).getJsonArray("events")).hasSize(2);
    }

    @Test
    void refusesEventsOfAnotherStationWith403AndStoresNothing() {
        JsonObject body = batch(event("ST-1", 1, "PACKER_LOGIN", "COMMAND_ACCEPTED", null, 0),
                event("ST-2", 1, "PACKER_LOGIN", "COMMAND_ACCEPTED", null, 0));

        var response = hub.post("/api/v1/station/events", station1, body);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(error(response).getString("field")).isEqualTo("events[1].stationId");
        assertThat(json(hub.get("/api/v1/events", key)).getJsonArray("events")).isEmpty();
    }

    @Test
    void rejectsAMalformedEventAndStoresTheOthers() {
        JsonObject bad = event("ST-1", 2, "SCAN", "PERHAPS", null, 0);

        JsonObject ack = json(hub.post("/api/v1/station/events", station1,
                batch(event("ST-1", 1, "PACKER_LOGIN", "COMMAND_ACCEPTED", null, 0), bad)));

        assertThat(ack.getJsonArray("stored")).hasSize(1);
        assertThat(ack.getJsonArray("rejected").getJsonObject(0).getString("field")).isEqualTo("events[1].verdict");
        assertThat(ack.getJsonArray("rejected").getJsonObject(0).getString("id")).isEqualTo(bad.getString("id"));
    }

    @Test
    void reportsASequenceGapAndClosesItWhenTheMissingEventArrives() {
        hub.post("/api/v1/station/events", station1, batch(event("ST-1", 1, "PACKER_LOGIN", "COMMAND_ACCEPTED", null, 0)));

        JsonObject gap = json(hub.post("/api/v1/station/events", station1,
                batch(event("ST-1", 4, "PACKER_LOGOUT", "COMMAND_ACCEPTED", null, 0))));
        hub.post("/api/v1/station/events", station1, batch(event("ST-1", 2, "SCAN", "NO_ORDER_OPEN", null, 0)));

        assertThat(gap.getJsonArray("gaps").getJsonObject(0)).isEqualTo(new JsonObject().put("from", 2).put("to", 3));
        var status = hub.storage.events().station("ST-1").orElseThrow();
        assertThat(status.openGaps()).containsExactly(new io.packcheck.hub.storage.EventRepository.Gap(3, 3));
        assertThat(status.maxSeq()).isEqualTo(4);
    }

    @Test
    void movesTheOrderFromOpenToInProgressToVerifiedWithTheDetail() {
        hub.put("/api/v1/orders/O-1", key, OpsApiTest.order("MUG-1", 1));

        hub.post("/api/v1/station/events", station1, batch(event("ST-1", 1, "ORDER_OPENED", "ORDER_OPENED", "O-1", 1)));
        String inProgress = json(hub.get("/api/v1/orders/O-1", key)).getString("status");
        hub.post("/api/v1/station/events", station1, batch(
                event("ST-1", 2, "SCAN", "WRONG_ITEM", "O-1", 1).put("sku", "CUP-9").put("expectedSku", "MUG-1"),
                event("ST-1", 3, "SCAN", "ORDER_COMPLETE", "O-1", 1).put("sku", "MUG-1"),
                event("ST-1", 4, "ORDER_COMPLETED", "ORDER_COMPLETE", "O-1", 1)));

        JsonObject order = json(hub.get("/api/v1/orders/O-1", key));
        assertThat(inProgress).isEqualTo("IN_PROGRESS");
        assertThat(order.getString("status")).isEqualTo("VERIFIED");
        JsonObject detail = order.getJsonObject("verification");
        assertThat(detail.getString("stationId")).isEqualTo("ST-1");
        assertThat(detail.getString("packer")).isEqualTo("P-7");
        assertThat(detail.getJsonArray("events")).hasSize(4);
        assertThat(detail.getJsonArray("mismatches").getJsonObject(0).getString("sku")).isEqualTo("CUP-9");
        assertThat(detail.getJsonObject("packed").getInteger("MUG-1")).isEqualTo(1);
    }

    @Test
    void tellsTheStationItVerifiedAnOutdatedVersion() {
        hub.put("/api/v1/orders/O-1", key, OpsApiTest.order("MUG-1", 1));
        hub.put("/api/v1/orders/O-1", key, OpsApiTest.order("MUG-1", 2));

        JsonObject ack = json(hub.post("/api/v1/station/events", station1,
                batch(event("ST-1", 1, "ORDER_COMPLETED", "ORDER_COMPLETE", "O-1", 1))));

        assertThat(ack.getJsonArray("outdated").getJsonObject(0).getLong("currentVersion")).isEqualTo(2);
        JsonObject order = json(hub.get("/api/v1/orders/O-1", key));
        assertThat(order.getString("status")).isEqualTo("EXCEPTION");
        assertThat(order.getString("holdReason")).contains("version 1").contains("version 2");
    }

    @Test
    void pagesTheEventFeedWithACursorSoEachEventIsReadOnce() {
        for (int seq = 1; seq <= 5; seq++) {
            hub.post("/api/v1/station/events", seq % 2 == 0 ? station2 : station1,
                    batch(event(seq % 2 == 0 ? "ST-2" : "ST-1", seq, "SCAN", "NO_ORDER_OPEN", null, 0)));
        }

        JsonObject first = json(hub.get("/api/v1/events?limit=3", key));
        JsonObject second = json(hub.get("/api/v1/events?limit=3&after=" + first.getString("cursor"), key));
        JsonObject third = json(hub.get("/api/v1/events?limit=3&after=" + second.getString("cursor"), key));

        assertThat(first.getJsonArray("events").stream().map(e -> ((JsonObject) e).getString("raw")))
                .containsExactly("]C11", "]C12", "]C13");
        assertThat(second.getJsonArray("events").stream().map(e -> ((JsonObject) e).getString("raw")))
                .containsExactly("]C14", "]C15");
        assertThat(third.getJsonArray("events")).isEmpty();
    }

    @Test
    void storesAHeartbeatAndAnswersTheHubTime() {
        JsonObject body = new JsonObject().put("agentVersion", "0.1.0").put("scannerState", "connected")
                .put("queueDepth", 3).put("cacheAgeSeconds", 12).put("clock", "2026-11-22T10:00:02Z");

        var response = hub.post("/api/v1/station/heartbeat", station1, body);

        assertThat(json(response).getString("hubTime")).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(json(response).getLong("skewMillis")).isEqualTo(2000);
        assertThat(hub.storage.events().station("ST-1").orElseThrow().heartbeatJson().orElseThrow()).contains("\"queueDepth\":3");
    }

    @Test
    void refusesAHeartbeatWithoutQueueDepth() {
        var response = hub.post("/api/v1/station/heartbeat", station1,
                new JsonObject().put("agentVersion", "0.1.0").put("scannerState", "connected").put("clock", "2026-11-22T10:00:02Z"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(error(response).getString("field")).isEqualTo("queueDepth");
    }

    @Test
    void answersABatchOverTheLimitWith413() {
        JsonArray events = new JsonArray();
        for (int i = 1; i <= 501; i++) {
            events.add(event("ST-1", i, "SCAN", "MATCH", null, 0));
        }

        var response = hub.post("/api/v1/station/events", station1, new JsonObject().put("events", events));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(error(response).getString("field")).isEqualTo("events");
    }

    @Test
    void keepsEventsAndTheirDedupAcrossARestart() {
        JsonObject body = batch(event("ST-1", 1, "PACKER_LOGIN", "COMMAND_ACCEPTED", null, 0));
        hub.post("/api/v1/station/events", station1, body);

        hub.restart();
        JsonObject again = json(hub.post("/api/v1/station/events", station1, body));

        assertThat(again.getJsonArray("duplicates")).hasSize(1);
        assertThat(json(hub.get("/api/v1/events", key)).getJsonArray("events")).hasSize(1);
    }

    @Test
    void tellsStationsOfADeletedItemAndOfItsReturn() {
        hub.put("/api/v1/items/MUG-1", key, OpsApiTest.mug());
        String cursor = json(hub.get("/api/v1/station/feed", station1)).getString("cursor");

        var deleted = hub.call(io.vertx.core.http.HttpMethod.DELETE, "/api/v1/items/MUG-1", key, null);
        JsonObject afterDelete = json(hub.get("/api/v1/station/feed?after=" + cursor, station1));
        var again = hub.call(io.vertx.core.http.HttpMethod.DELETE, "/api/v1/items/MUG-1", key, null);
        var recreated = hub.put("/api/v1/items/MUG-1", key, OpsApiTest.mug());

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(afterDelete.getJsonArray("changes").getJsonObject(0))
                .isEqualTo(new JsonObject().put("type", "item-deleted").put("sku", "MUG-1"));
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(recreated.statusCode()).isEqualTo(201);
        assertThat(json(hub.get("/api/v1/station/feed?after=" + afterDelete.getString("cursor"), station1))
                .getJsonArray("changes").getJsonObject(0).getString("type")).isEqualTo("item");
    }
}
