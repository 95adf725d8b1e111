package io.packcheck.hub;

import static io.packcheck.hub.RunningHub.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input over real HTTP: huge numbers, nested junk, control characters in ids, wrong types and
 * extreme dates, sent to the ops API, the station ingest and the heartbeat. None may get a 500; each gets
 * a 4xx whose JSON error names the field (an event inside a batch is listed under {@code rejected} instead,
 * with its field, so that the station sets it aside).
 */
class HostileInputTest extends ApiKeyHubTest {

    static final String TWO_TO_THE_64_PLUS_5 = "18446744073709551621";
    static final String FAR_FUTURE = "+1000000000-01-01T00:00:00Z";
    static final String FAR_PAST = "-1000000000-01-01T00:00:00Z";
    static final String NESTED = "[".repeat(500) + "]".repeat(500);

    /** One hostile request: who sends it, where, the raw JSON text, and the status and field of the answer. */
    record Hostile(String what, HttpMethod method, String uri, boolean byStation, String body, int status, String field) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<Hostile> hostileRequests() {
        String order = "{\"lines\": [{\"sku\": \"MUG-1\", \"quantity\": %s}]%s}";
        String item = "{\"name\": \"Mug\", \"barcodes\": [{\"code\": \"4006381333931\", \"quantity\": %s}]%s}";
        String beat = "{\"agentVersion\": \"0.1.0\", \"scannerState\": \"connected\", \"queueDepth\": %s,"
                + " \"clock\": \"%s\"%s}";
        return Stream.of(
                new Hostile("order quantity 2^64+5", HttpMethod.PUT, "/api/v1/orders/SO-1", false,
                        order.formatted(TWO_TO_THE_64_PLUS_5, ""), 400, "lines[0].quantity"),
                new Hostile("order quantity -2^63-1", HttpMethod.PUT, "/api/v1/orders/SO-1", false,
                        order.formatted("-9223372036854775809", ""), 400, "lines[0].quantity"),
                new Hostile("order quantity 1.5", HttpMethod.PUT, "/api/v1/orders/SO-1", false,
                        order.formatted("1.5", ""), 400, "lines[0].quantity"),
                new Hostile("order quantity 1e400", HttpMethod.PUT, "/api/v1/orders/SO-1", false,
                        order.formatted("1e400", ""), 400, "lines[0].quantity"),
                new Hostile("order quantity as text", HttpMethod.PUT, "/api/v1/orders/SO-1", false,
                        order.formatted("\"2\"", ""), 422, "lines[0].quantity"),
                new Hostile("order priority 2^64+5", HttpMethod.PUT, "/api/v1/orders/SO-1", false,
                        order.formatted("1", ", \"priority\": " + TWO_TO_THE_64_PLUS_5), 400, "priority"),
                new Hostile("order shipBy far future", HttpMethod.PUT, "/api/v1/orders/SO-1", false,
                        order.formatted("1", ", \"shipBy\": \"" + FAR_FUTURE + "\""), 400, "shipBy"),
                new Hostile("order shipBy far past", HttpMethod.PUT, "/api/v1/orders/SO-1", false,
                        order.formatted("1", ", \"shipBy\": \"" + FAR_PAST + "\""), 400, "shipBy"),
                new Hostile("order line SKU with NUL", HttpMethod.PUT, "/api/v1/orders/SO-1", false,
                        "{\"lines\": [{\"sku\": \"MUG\\u00001\", \"quantity\": 1}]}", 422, "lines[0].sku"),
                new Hostile("order alias with a tab", HttpMethod.PUT, "/api/v1/orders/SO-1", false,
                        order.formatted("1", ", \"aliases\": [\"TOTE\\t7\"]"), 422, "aliases[0]"),
                new Hostile("order lines nested junk", HttpMethod.PUT, "/api/v1/orders/SO-1", false,
                        "{\"lines\": " + NESTED + "}", 422, "lines[0]"),
                new Hostile("order lines as an object", HttpMethod.PUT, "/api/v1/orders/SO-1", false,
                        "{\"lines\": {\"sku\": \"MUG-1\"}}", 422, "lines"),
                new Hostile("order id with NUL in the path", HttpMethod.PUT, "/api/v1/orders/SO%001", false,
                        order.formatted("1", ""), 400, "id"),
                new Hostile("item pack quantity 2^64+5", HttpMethod.PUT, "/api/v1/items/MUG-1", false,
                        item.formatted(TWO_TO_THE_64_PLUS_5, ""), 400, "barcodes[0].quantity"),
                new Hostile("item shelf life -1e30", HttpMethod.PUT, "/api/v1/items/MUG-1", false,
                        item.formatted("1", ", \"minShelfLifeDays\": -1e30"), 400, "minShelfLifeDays"),
                new Hostile("item name with NUL", HttpMethod.PUT, "/api/v1/items/MUG-1", false,
                        "{\"name\": \"Mu\\u0000g\", \"barcodes\": [{\"code\": \"4006381333931\"}]}", 422, "name"),
                new Hostile("item serialized as a number", HttpMethod.PUT, "/api/v1/items/MUG-1", false,
                        item.formatted("1", ", \"serialized\": 1"), 422, "serialized"),
                new Hostile("item name as an object", HttpMethod.PUT, "/api/v1/items/MUG-1", false,
                        "{\"name\": {\"a\": " + NESTED + "}, \"barcodes\": []}", 422, "name"),
                new Hostile("body nested past the parser's depth", HttpMethod.PUT, "/api/v1/items/MUG-1", false,
                        "{\"name\": " + "[".repeat(2000) + "]".repeat(2000) + "}", 400, ""),
                new Hostile("a number of 2000 digits", HttpMethod.PUT, "/api/v1/items/MUG-1", false,
                        item.formatted("9".repeat(2000), ""), 400, ""),
                new Hostile("badge name with a bell", HttpMethod.PUT, "/api/v1/badges/B-1", false,
                        "{\"name\": \"Ann\\u0007\", \"role\": \"supervisor\"}", 422, "name"),
                new Hostile("hold reason as an array", HttpMethod.POST, "/api/v1/orders/SO-1/hold", false,
                        "{\"reason\": [1, 2]}", 422, "reason"),
                new Hostile("orders page size 2^64+5", HttpMethod.GET, "/api/v1/orders?pageSize=" + TWO_TO_THE_64_PLUS_5,
                        false, null, 400, "pageSize"),
                new Hostile("events cursor of junk", HttpMethod.GET, "/api/v1/events?after=%00%01", false, null, 400, "after"),
                new Hostile("report from far future", HttpMethod.GET, "/api/v1/reports/mismatch-rate?from=" + FAR_FUTURE.replace("+", "%2B"),
                        false, null, 400, "from"),
                new Hostile("report to far past", HttpMethod.GET, "/api/v1/reports/mismatch-rate?to=" + FAR_PAST,
                        false, null, 400, "to"),
                new Hostile("report days 2^64+5", HttpMethod.GET, "/api/v1/reports/mismatch-rate?days=" + TWO_TO_THE_64_PLUS_5,
                        false, null, 400, "days"),
                new Hostile("barcode scale 1e400", HttpMethod.GET, "/api/v1/print/barcode.png?data=SO-1&scale=1e400",
                        false, null, 400, "scale"),
                new Hostile("barcode of 5000 characters", HttpMethod.GET, "/api/v1/print/barcode.svg?data=" + "9".repeat(3000),
                        false, null, 400, "data"),
                new Hostile("heartbeat clock far future", HttpMethod.POST, "/api/v1/station/heartbeat", true,
                        beat.formatted("3", FAR_FUTURE, ""), 400, "clock"),
                new Hostile("heartbeat clock far past", HttpMethod.POST, "/api/v1/station/heartbeat", true,
                        beat.formatted("3", FAR_PAST, ""), 400, "clock"),
                new Hostile("heartbeat queue depth 2^64+5", HttpMethod.POST, "/api/v1/station/heartbeat", true,
                        beat.formatted(TWO_TO_THE_64_PLUS_5, "2026-11-22T10:00:00Z", ""), 400, "queueDepth"),
                new Hostile("heartbeat cache age -1e400", HttpMethod.POST, "/api/v1/station/heartbeat", true,
                        beat.formatted("3", "2026-11-22T10:00:00Z", ", \"cacheAgeSeconds\": -1e400"), 400, "cacheAgeSeconds"),
                new Hostile("heartbeat scanner state nested junk", HttpMethod.POST, "/api/v1/station/heartbeat", true,
                        "{\"agentVersion\": \"0.1.0\", \"scannerState\": " + NESTED + ", \"queueDepth\": 1,"
                                + " \"clock\": \"2026-11-22T10:00:00Z\"}", 422, "scannerState"),
                new Hostile("heartbeat agent version with NUL", HttpMethod.POST, "/api/v1/station/heartbeat", true,
                        "{\"agentVersion\": \"0.1\\u0000\", \"scannerState\": \"connected\", \"queueDepth\": 1,"
                                + " \"clock\": \"2026-11-22T10:00:00Z\"}", 422, "agentVersion"),
                new Hostile("ingest events as a string", HttpMethod.POST, "/api/v1/station/events", true,
                        "{\"events\": \"junk\"}", 422, "events"),
                new Hostile("ingest body as an array", HttpMethod.POST, "/api/v1/station/events", true,
                        "[{\"events\": []}]", 400, ""),
                new Hostile("feed limit 1e400", HttpMethod.GET, "/api/v1/station/feed?limit=1e400", true, null, 400, "limit"),
                new Hostile("feed wait 2^64+5", HttpMethod.GET, "/api/v1/station/feed?wait=" + TWO_TO_THE_64_PLUS_5, true,
                        null, 400, "wait"),
                new Hostile("station order id with NUL", HttpMethod.GET, "/api/v1/station/orders/SO%001", true, null, 400, "id"),
                new Hostile("enrolment station id with NUL", HttpMethod.POST, "/api/v1/station/enrol", false,
                        "{\"stationId\": \"ST\\u00001\", \"code\": \"abc\"}", 422, "stationId"));
    }

    String station;

    @BeforeEach
    void enrolAStation() {
        station = hub.stationToken("ST-1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRequests")
    void answersHostileInputWithAFourHundredNamingTheField(Hostile request) {
        var response = hub.call(request.method(), request.uri(), request.byStation() ? station : key,
                request.body() == null ? null : request.body());

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(request.status());
        JsonObject error = json(response).getJsonObject("error");
        assertThat(error.getString("field")).isEqualTo(request.field());
        assertThat(error.getString("message")).isNotBlank();
    }

    @Test
    void setsAsideEventsWithHostileFieldsNamingEachFieldAndStoresTheGoodOne() {
        JsonArray events = new JsonArray()
                .add(event(1).put("seq", new java.math.BigInteger(TWO_TO_THE_64_PLUS_5)))
                .add(event(2).put("quantity", new java.math.BigInteger(TWO_TO_THE_64_PLUS_5)))
                .add(event(3).put("orderId", "SO\u00001"))
                .add(event(4).put("at", FAR_FUTURE))
                .add(event(5).put("orderVersion", 1.5))
                .add(event(6).put("packer", new JsonArray(List.of(new JsonArray(List.of(new JsonObject()))))))
                .add("junk")
                .add(event(8));

        var response = hub.post("/api/v1/station/events", station, new JsonObject().put("events", events));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).getJsonArray("rejected").stream().map(r -> ((JsonObject) r).getString("field")))
                .containsExactly("events[0].seq", "events[1].quantity", "events[2].orderId", "events[3].at",
                        "events[4].orderVersion", "events[5].packer", "events[6]");
        assertThat(json(response).getJsonArray("stored")).hasSize(1);
    }

    @Test
    void storesAFourKilobyteScanCutWithAMarkerInsteadOfRefusingTheEvent() {
        String scan = "]C1" + "9".repeat(4093);
        JsonObject event = event(1).put("raw", scan).put("reason", "Unknown code " + scan);

        var response = hub.post("/api/v1/station/events", station, new JsonObject().put("events", new JsonArray().add(event)));

        assertThat(json(response).getJsonArray("rejected")).isEmpty();
        assertThat(json(response).getJsonArray("stored")).hasSize(1);
        JsonObject stored = json(hub.get("/api/v1/events", key)).getJsonArray("events").getJsonObject(0);
        assertThat(stored.getString("raw")).hasSize(io.packcheck.protocol.Limits.MAX_RAW).startsWith("]C1999")
                .endsWith("…[cut from 4096 chars]");
    }

    @Test
    void refusesHostileLinesOfABulkImportNamingLineAndFieldAndAppliesTheRest() {
        String lines = String.join("\n",
                NESTED,
                "{\"sku\": \"MUG-1\", \"name\": \"Mug\", \"barcodes\": [{\"code\": \"4006381333931\", \"quantity\": "
                        + TWO_TO_THE_64_PLUS_5 + "}]}",
                "{\"sku\": \"MUG\\u00002\", \"name\": \"Mug\", \"barcodes\": [{\"code\": \"4006381333931\"}]}",
                "{\"sku\": \"MUG-3\", \"name\": \"Mug\", \"barcodes\": [{\"code\": \"4006381333931\"}]}");

        var response = hub.post("/api/v1/items/bulk", key, lines);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).getLong("created")).isEqualTo(1);
        assertThat(json(response).getJsonArray("refusals").stream().map(r -> ((JsonObject) r).getLong("line") + " "
                + ((JsonObject) r).getString("code") + " " + ((JsonObject) r).getString("field")))
                .containsExactly("1 malformed_json ", "2 out_of_range barcodes[0].quantity", "3 invalid sku");
    }

    static JsonObject event(long seq) {
        return new JsonObject().put("id", UUID.randomUUID().toString()).put("seq", seq).put("kind", "SCAN")
                .put("verdict", "UNKNOWN_CODE").put("at", "2026-11-22T10:00:00Z").put("stationId", "ST-1")
                .put("raw", "]C1" + seq).put("quantity", 0).put("reason", "");
    }
}
