package io.packcheck.hub;

import static io.packcheck.hub.RunningHub.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A serial number packed in one order and then in another: answered to a station that asks, flagged when it arrives. */
class SerialReuseTest extends ApiKeyHubTest {

    String station1;
    String station2;

    @BeforeEach
    void catalog() {
        station1 = hub.stationToken("ST-1");
        station2 = hub.stationToken("ST-2");
        hub.put("/api/v1/items/PHONE", key, new JsonObject().put("name", "Phone").put("serialized", true)
                .put("barcodes", new JsonArray().add(new JsonObject().put("code", "00036000291452"))));
        hub.put("/api/v1/orders/SO-A", key, OpsApiTest.order("PHONE", 1));
        hub.put("/api/v1/orders/SO-B", key, OpsApiTest.order("PHONE", 1));
    }

    static JsonObject scan(String stationId, long seq, String orderId, String verdict, String serial) {
        return StationApiTest.event(stationId, seq, "SCAN", verdict, orderId, 1).put("sku", "PHONE").put("serial", serial)
                .put("raw", "]d20100036000291452" + "21" + serial);
    }

    static JsonObject completed(String stationId, long seq, String orderId) {
        return StationApiTest.event(stationId, seq, "ORDER_COMPLETED", "ORDER_COMPLETE", orderId, 1);
    }

    void send(String token, JsonObject... events) {
        var response = hub.post("/api/v1/station/events", token, StationApiTest.batch(events));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).getJsonArray("rejected")).isEmpty();
    }

    @Test
    void answersAStationWhichOtherOrderHoldsTheSerial() {
        send(station1, scan("ST-1", 1, "SO-A", "ORDER_COMPLETE", "SN-9"), completed("ST-1", 2, "SO-A"));

        JsonObject elsewhere = json(hub.get("/api/v1/station/serials/PHONE/SN-9?order=SO-B", station2));
        JsonObject same = json(hub.get("/api/v1/station/serials/PHONE/SN-9?order=SO-A", station1));
        JsonObject unknown = json(hub.get("/api/v1/station/serials/PHONE/SN-10?order=SO-B", station2));

        assertThat(elsewhere.getBoolean("packedElsewhere")).isTrue();
        assertThat(elsewhere.getJsonArray("orders")).singleElement().satisfies(o -> {
            assertThat(((JsonObject) o).getString("orderId")).isEqualTo("SO-A");
            assertThat(((JsonObject) o).getString("stationId")).isEqualTo("ST-1");
            assertThat(((JsonObject) o).getString("status")).isEqualTo("VERIFIED");
        });
        assertThat(same.getBoolean("packedElsewhere")).isFalse();
        assertThat(unknown.getBoolean("packedElsewhere")).isFalse();
    }

    @Test
    void aSerialTakenBackOutOrWhosePackingWasCancelledIsFreeAgain() {
        JsonObject undo = StationApiTest.event("ST-1", 2, "UNDO", "COMMAND_ACCEPTED", "SO-A", 1).put("sku", "PHONE")
                .put("serial", "SN-1").put("quantity", -1);
        JsonObject cancelled = StationApiTest.event("ST-1", 4, "SESSION_CANCELLED", "COMMAND_ACCEPTED", "SO-A", 1);
        send(station1, scan("ST-1", 1, "SO-A", "ORDER_COMPLETE", "SN-1"), undo,
                scan("ST-1", 3, "SO-A", "ORDER_COMPLETE", "SN-2"), cancelled);

        assertThat(json(hub.get("/api/v1/station/serials/PHONE/SN-1", station2)).getBoolean("packedElsewhere")).isFalse();
        assertThat(json(hub.get("/api/v1/station/serials/PHONE/SN-2", station2)).getBoolean("packedElsewhere")).isFalse();
    }

    @Test
    void aSerialFromAnOfflineStationAlreadyPackedInAnotherOrderFlagsTheOrderAndStaysAnExceptionWhenItCompletes() {
        send(station1, scan("ST-1", 1, "SO-A", "ORDER_COMPLETE", "SN-9"), completed("ST-1", 2, "SO-A"));

        send(station2, scan("ST-2", 1, "SO-B", "ORDER_COMPLETE", "SN-9"), completed("ST-2", 2, "SO-B"));

        JsonObject order = json(hub.get("/api/v1/orders/SO-B", key));
        assertThat(order.getString("status")).isEqualTo("EXCEPTION");
        assertThat(order.encode()).contains("serial SN-9 of PHONE was already packed in order SO-A and was packed again"
                + " in order SO-B at station ST-2");
        assertThat(json(hub.get("/api/v1/orders/SO-A", key)).getString("status")).isEqualTo("VERIFIED");
        List<JsonObject> feed = json(hub.get("/api/v1/events", key)).getJsonArray("events").stream()
                .map(JsonObject.class::cast).toList();
        assertThat(feed).filteredOn(e -> e.getString("kind").equals("SERIAL_REUSED")).singleElement().satisfies(e -> {
            assertThat(e.getString("orderId")).isEqualTo("SO-B");
            assertThat(e.getString("serial")).isEqualTo("SN-9");
            assertThat(e.getString("stationId")).isEqualTo("ST-2");
            assertThat(e.getString("reason")).contains("order SO-A").contains("order SO-B");
        });
    }

    @Test
    void aSupervisorsOverrideOfAReusedSerialIsNotFlaggedAgain() {
        send(station1, scan("ST-1", 1, "SO-A", "ORDER_COMPLETE", "SN-9"), completed("ST-1", 2, "SO-A"));
        JsonObject override = StationApiTest.event("ST-2", 1, "OVERRIDE", "COMMAND_ACCEPTED", "SO-B", 1).put("sku", "PHONE")
                .put("serial", "SN-9").put("supervisor", "S-1").put("reasonCode", "PCK-R-SUBSTITUTE");

        send(station2, override, completed("ST-2", 2, "SO-B"));

        assertThat(json(hub.get("/api/v1/orders/SO-B", key)).getString("status")).isEqualTo("VERIFIED");
    }

    @Test
    void refusesASerialThatIsNoGs1Serial() {
        var response = hub.get("/api/v1/station/serials/PHONE/" + "X".repeat(21), station1);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RunningHub.error(response).getString("field")).isEqualTo("serial");
    }
}
