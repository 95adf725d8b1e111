package io.packcheck.hub;

import static io.packcheck.hub.RunningHub.await;
import static io.packcheck.hub.RunningHub.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Weighed parcels reach the hub as station events; it learns unit weights from them and tells the stations. */
class LearnedWeightsTest extends ApiKeyHubTest {

    /** True weights: the catalogue has MUG right, TEA wrong (200 g), LAMP not at all. */
    static final Map<String, Double> TRUE_GRAMS = Map.of("MUG", 350.0, "TEA", 120.0, "LAMP", 900.0);
    static final Map<Optional<String>, Double> TARES = Map.of(Optional.of("M"), 180.0, Optional.empty(), 60.0);

    String station;
    final WeighedParcels parcels = new WeighedParcels("ST-1", TRUE_GRAMS, TARES);

    @BeforeEach
    void catalogue() {
        station = hub.stationToken("ST-1");
        item("MUG", "4006381333931", 350.0);
        item("TEA", "5901234123457", 200.0);
        item("LAMP", "96385074", null);
        putOrder("SO-1", "MUG");
        putOrder("SO-BAD", "MUG");
    }

    void item(String sku, String code, Double weightGrams) {
        JsonObject body = new JsonObject().put("name", sku)
                .put("barcodes", new JsonArray().add(new JsonObject().put("code", code)));
        if (weightGrams != null) {
            body.put("weightGrams", weightGrams);
        }
        assertThat(hub.put("/api/v1/items/" + sku, key, body).statusCode()).isLessThan(300);
    }

    void putOrder(String id, String sku) {
        JsonObject body = new JsonObject().put("lines", new JsonArray().add(new JsonObject().put("sku", sku).put("quantity", 1)));
        assertThat(hub.put("/api/v1/orders/" + id, key, body).statusCode()).isLessThan(300);
    }

    void shipMixedParcels(int count, long seed) {
        post(new JsonArray(new java.util.ArrayList<Object>(parcels.mixed("SO-1", count, seed, hub.clock.instant()))));
    }

    void post(JsonArray events) {
        var response = hub.post("/api/v1/station/events", station, new JsonObject().put("events", events));
        assertThat(response.statusCode()).as(response.bodyAsString()).isLessThan(300);
    }

    Map<String, JsonObject> weightsReport(String query) {
        return json(hub.get("/api/v1/reports/weights" + query, key)).getJsonArray("rows").stream()
                .map(JsonObject.class::cast).collect(Collectors.toMap(r -> r.getString("sku"), r -> r));
    }

    Map<String, JsonObject> feedItems(String after) {
        return json(hub.get("/api/v1/station/feed?after=" + after, station)).getJsonArray("changes").stream()
                .map(JsonObject.class::cast).filter(c -> c.getString("type").equals("item"))
                .collect(Collectors.toMap(c -> c.getString("sku"), c -> c));
    }

    @Test
    void learnsWeightsFromWeighedParcelsAndReportsTheCatalogueWeightThatDisagrees() {
        // a box's tare hides under its contents' spread: it takes more parcels than a unit weight
        shipMixedParcels(300, 1);

        List<String> changed = await(hub.verticle.weights().refitIfNew());

        assertThat(changed).containsExactlyInAnyOrder("LAMP", "MUG", "TEA");
        Map<String, JsonObject> report = weightsReport("");
        assertThat(report.get("LAMP").getDouble("learnedGrams")).isCloseTo(900, within(10.0));
        assertThat(report.get("LAMP").getValue("catalogueGrams")).isNull();
        assertThat(report.get("LAMP").getBoolean("disagrees")).isFalse();
        assertThat(report.get("LAMP").getInteger("parcels")).isGreaterThan(10);
        assertThat(report.get("MUG").getDouble("learnedGrams")).isCloseTo(350, within(5.0));
        assertThat(report.get("MUG").getBoolean("disagrees")).isFalse();
        assertThat(report.get("TEA").getDouble("catalogueGrams")).isEqualTo(200.0);
        assertThat(report.get("TEA").getDouble("learnedGrams")).isCloseTo(120, within(5.0));
        assertThat(report.get("TEA").getBoolean("disagrees")).isTrue();
        assertThat(weightsReport("?disagreeing=true")).containsOnlyKeys("TEA");
        JsonArray tares = json(hub.get("/api/v1/reports/weights", key)).getJsonArray("tares");
        assertThat(tares.stream().map(JsonObject.class::cast).collect(Collectors.toMap(
                t -> String.valueOf(t.getString("box")), t -> t.getDouble("grams"))))
                .hasEntrySatisfying("M", grams -> assertThat(grams).isCloseTo(180, within(5.0)))
                .hasEntrySatisfying("null", grams -> assertThat(grams).isCloseTo(60, within(5.0)));
    }

    @Test
    void stationsSeeTheLearnedWeightBesideTheCatalogueWeightOnTheFeed() {
        String cursor = json(hub.get("/api/v1/station/feed", station)).getString("cursor");
        shipMixedParcels(60, 2);

        await(hub.verticle.weights().refitIfNew());
        Map<String, JsonObject> items = feedItems(cursor);

        assertThat(items.get("LAMP").getDouble("learnedWeightGrams")).isCloseTo(900, within(10.0));
        assertThat(items.get("LAMP").getValue("weightGrams")).isNull();
        assertThat(items.get("TEA").getDouble("weightGrams")).isEqualTo(200.0);
        assertThat(items.get("TEA").getDouble("learnedWeightGrams")).isCloseTo(120, within(5.0));
    }

    @Test
    void aRefitThatMovesNoWeightSendsNothingAgain() {
        shipMixedParcels(60, 3);
        await(hub.verticle.weights().refitIfNew());
        String cursor = json(hub.get("/api/v1/station/feed", station)).getString("cursor");

        shipMixedParcels(1, 4);
        List<String> changed = await(hub.verticle.weights().refitIfNew());

        assertThat(changed).isEmpty();
        assertThat(feedItems(cursor)).isEmpty();
    }

    @Test
    void leavesOutParcelsASupervisorLetThroughAndParcelsOfOrdersThatEndedAsExceptions() {
        shipMixedParcels(60, 5);
        JsonArray wrong = new JsonArray();
        // more lamps weighing 600 g than right ones: were they fitted, no robust fit could outvote them
        for (int i = 0; i < 100; i++) {
            wrong.add(parcels.closed("SO-1", Map.of("LAMP", 1), Optional.of("M"), 780.0, Optional.of("SUP1"), hub.clock.instant()));
            wrong.add(parcels.closed("SO-BAD", Map.of("LAMP", 2), Optional.of("M"), 1380.0, Optional.empty(), hub.clock.instant()));
        }
        wrong.add(parcels.shorted("SO-BAD", hub.clock.instant()));
        post(wrong);

        await(hub.verticle.weights().refitIfNew());

        assertThat(json(hub.get("/api/v1/orders/SO-BAD", key)).getString("status")).isEqualTo("EXCEPTION");
        Map<String, JsonObject> report = weightsReport("");
        assertThat(report).as("LAMP learned").containsKey("LAMP");
        assertThat(report.get("LAMP").getDouble("learnedGrams")).isCloseTo(900, within(10.0));
    }

    @Test
    void aLearnedWeightThatMovesIsSentToTheStationsAgain() {
        shipMixedParcels(60, 6);
        await(hub.verticle.weights().refitIfNew());
        String cursor = json(hub.get("/api/v1/station/feed", station)).getString("cursor");
        JsonArray conflicting = new JsonArray();
        // twice as many parcels again, each saying a lamp weighs 600 g (the supplier changed it): the new weight wins
        for (int i = 0; i < 60; i++) {
            conflicting.add(parcels.closed("SO-1", Map.of("LAMP", 1), Optional.empty(), 660.0, Optional.empty(),
                    hub.clock.instant()));
            conflicting.add(parcels.closed("SO-1", Map.of("LAMP", 2), Optional.empty(), 1260.0, Optional.empty(),
                    hub.clock.instant()));
        }
        post(conflicting);

        List<String> changed = await(hub.verticle.weights().refitIfNew());

        assertThat(changed).contains("LAMP");
        assertThat(feedItems(cursor).get("LAMP").getDouble("learnedWeightGrams")).isCloseTo(600, within(10.0));
    }

    @Test
    void theWeightsReportIsForSupervisorsNotStations() {
        assertThat(hub.get("/api/v1/reports/weights", station).statusCode()).isEqualTo(403);
        assertThat(hub.get("/api/v1/reports/weights", null).statusCode()).isEqualTo(401);
        assertThat(hub.get("/api/v1/reports/weights?format=csv", key).bodyAsString())
                .startsWith("sku,catalogueGrams,learnedGrams,parcels,spreadGrams,disagrees");
    }
}
