package io.packcheck.hub;

import static io.packcheck.hub.RunningHub.error;
import static io.packcheck.hub.RunningHub.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.label.ShippingLabels;
import io.packcheck.core.verify.Commands;
import io.packcheck.core.verify.ParcelPolicy;
import io.packcheck.core.verify.Verdict;
import io.packcheck.hub.print.Scanned;
import io.packcheck.protocol.FeedChange;
import io.packcheck.protocol.FeedCodec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Box types, shipping labels and parcels over real HTTP, with a station packing by the real rules. */
class ParcelApiTest extends ApiKeyHubTest {

    static final String UPS_1 = "1Z999AA10123456784";
    static final String UPS_2 = "1Z5R89390357567127";
    static final String UPS_3 = "1Z410E7W0392751591";

    static JsonObject order(List<String> labels) {
        return OpsApiTest.order("MUG-1", 1).put("labels", new JsonArray(List.copyOf(labels)));
    }

    /** A station with a scale packing SO-1 (a mug in box M, then two cups) into two labelled parcels. */
    PackingStation packTwoParcels() {
        PackingStation station = new PackingStation(hub, key, "ST-1",
                new ParcelPolicy(true, false, 0, 20, 5, ShippingLabels.standard()));
        station.item("MUG-1", Map.of("INT-MUG", 1), Optional.of(400.0))
                .item("CUP-1", Map.of("INT-CUP", 1), Optional.of(120.0))
                .box("M", 355);
        station.order("SO-1", List.of(UPS_1, UPS_2), "MUG-1", 1, "CUP-1", 2);
        station.scan("SO-1");
        station.scan(Commands.BOX + "M");
        station.scan("INT-MUG");
        assertThat(station.scan(UPS_1).verdict()).isEqualTo(Verdict.WEIGHING);
        assertThat(station.weighed(880).verdict()).as("400 g + 355 g tare, 880 g weighed").isEqualTo(Verdict.WEIGHT_MISMATCH);
        station.scan(Commands.CLEAR);
        assertThat(station.weighed(760).verdict()).isEqualTo(Verdict.PARCEL_CLOSED);
        station.scan("INT-CUP");
        station.scan("INT-CUP");
        assertThat(station.scan(UPS_2).verdict()).isEqualTo(Verdict.WEIGHING);
        assertThat(station.weighed(245).verdict()).isEqualTo(Verdict.ORDER_COMPLETE);
        return station;
    }

    @Test
    void keepsABoxTypeAndListsIt() {
        var created = hub.put("/api/v1/boxes/M", key, new JsonObject().put("name", "Medium").put("tareGrams", 355)
                .put("innerLengthMm", 300).put("innerWidthMm", 200).put("innerHeightMm", 150));
        var resent = hub.put("/api/v1/boxes/M", key, new JsonObject().put("name", "Medium").put("tareGrams", 355)
                .put("innerLengthMm", 300).put("innerWidthMm", 200).put("innerHeightMm", 150));
        hub.put("/api/v1/boxes/S", key, new JsonObject().put("tareGrams", 120.5));

        var list = json(hub.get("/api/v1/boxes", key));
        var one = hub.get("/api/v1/boxes/M", key);
        var unknown = hub.get("/api/v1/boxes/XL", key);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(resent).getString("result")).isEqualTo("unchanged");
        assertThat(list.getJsonArray("boxes").stream().map(b -> ((JsonObject) b).getString("code"))).containsExactly("M", "S");
        assertThat(list.getJsonArray("boxes").getJsonObject(1).getDouble("tareGrams")).isEqualTo(120.5);
        assertThat(json(one).getString("name")).isEqualTo("Medium");
        assertThat(json(one).getInteger("innerHeightMm")).isEqualTo(150);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(error(unknown).getString("message")).contains("XL");
    }

    @Test
    void refusesBadBoxBodiesNamingTheField() {
        var noTare = hub.put("/api/v1/boxes/M", key, new JsonObject().put("name", "Medium"));
        var negative = hub.put("/api/v1/boxes/M", key, new JsonObject().put("tareGrams", -5));
        var lowerCase = hub.put("/api/v1/boxes/medium", key, new JsonObject().put("tareGrams", 5));
        var size = hub.put("/api/v1/boxes/M", key, new JsonObject().put("tareGrams", 5).put("innerLengthMm", "big"));
        var station = hub.put("/api/v1/boxes/M", hub.stationToken("ST-1"), new JsonObject().put("tareGrams", 5));

        assertThat(noTare.statusCode()).isEqualTo(422);
        assertThat(error(noTare).getString("field")).isEqualTo("tareGrams");
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(error(negative).getString("field")).isEqualTo("tareGrams");
        assertThat(error(lowerCase).getString("field")).isEqualTo("code");
        assertThat(error(lowerCase).getString("message")).contains("PCK-BOX-medium");
        assertThat(error(size).getString("field")).isEqualTo("innerLengthMm");
        assertThat(station.statusCode()).isEqualTo(403);
        assertThat(json(hub.get("/api/v1/boxes", key)).getJsonArray("boxes")).isEmpty();
    }

    @Test
    void keepsAnOrdersLabelsAndRefusesALabelAnotherOrderLists() {
        var first = hub.put("/api/v1/orders/SO-1", key, order(List.of(UPS_1, UPS_2)));

        var taken = hub.put("/api/v1/orders/SO-2", key, order(List.of(UPS_3, "1z999aa1-0123456784")));
        int afterRefusal = hub.get("/api/v1/orders/SO-2", key).statusCode();
        hub.post("/api/v1/orders/SO-1/cancel", key, null);
        var afterCancel = hub.put("/api/v1/orders/SO-2", key, order(List.of(UPS_1)));

        assertThat(json(first).getJsonObject("order").getJsonArray("labels")).containsExactly(UPS_1, UPS_2);
        assertThat(json(hub.get("/api/v1/orders/SO-1", key)).getJsonArray("labels")).containsExactly(UPS_1, UPS_2);
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(error(taken).getString("code")).isEqualTo("label_taken");
        assertThat(error(taken).getString("field")).isEqualTo("labels[1]");
        assertThat(error(taken).getString("message")).contains("1z999aa1-0123456784", "order SO-1", "as " + UPS_1);
        assertThat(afterRefusal).as("nothing half written").isEqualTo(404);
        assertThat(afterCancel.statusCode()).as("a cancelled order gives its labels up").isEqualTo(201);
    }

    @Test
    void refusesTheSameLabelTwiceOnOneOrderAndAResendChangesNothing() {
        var twice = hub.put("/api/v1/orders/SO-1", key, order(List.of(UPS_1, "1z999aa10123456784")));
        hub.put("/api/v1/orders/SO-1", key, order(List.of(UPS_1)));
        var resent = hub.put("/api/v1/orders/SO-1", key, order(List.of(UPS_1)));
        var relabelled = hub.put("/api/v1/orders/SO-1", key, order(List.of(UPS_2)));

        assertThat(twice.statusCode()).isEqualTo(422);
        assertThat(error(twice).getString("field")).isEqualTo("labels[1]");
        assertThat(json(resent).getString("result")).isEqualTo("unchanged");
        assertThat(json(relabelled).getJsonObject("order").getLong("version")).isEqualTo(2);
        assertThat(hub.put("/api/v1/orders/SO-2", key, order(List.of(UPS_1))).statusCode())
                .as("a label the order let go of is free").isEqualTo(201);
    }

    @Test
    void refusesATakenLabelInABulkImportLineByLine() {
        hub.put("/api/v1/orders/SO-1", key, order(List.of(UPS_1)));
        String ndjson = order(List.of(UPS_2)).put("id", "SO-2").encode() + "\n"
                + order(List.of(UPS_1)).put("id", "SO-3").encode() + "\n"
                + order(List.of(UPS_3, "1z410e7w0392751591")).put("id", "SO-4").encode() + "\n";

        JsonObject result = json(hub.post("/api/v1/orders/bulk", key, ndjson));

        assertThat(result.getInteger("created")).isEqualTo(1);
        assertThat(result.getJsonArray("refusals").stream().map(r -> (JsonObject) r)
                .map(r -> r.getInteger("line") + " " + r.getString("code") + " " + r.getString("field")))
                .containsExactly("2 label_taken labels[0]", "3 invalid labels[1]");
    }

    @Test
    void feedsBoxesLabelsAndItemWeightsToAStation() {
        String station = hub.stationToken("ST-1");
        hub.put("/api/v1/items/MUG-1", key, OpsApiTest.mug().put("weightGrams", 412.5));
        hub.put("/api/v1/boxes/M", key, new JsonObject().put("name", "Medium").put("tareGrams", 355));
        hub.put("/api/v1/orders/SO-1", key, order(List.of(UPS_1)));

        var page = FeedCodec.page(json(hub.get("/api/v1/station/feed", station)));

        assertThat(page.changes()).hasSize(3);
        var item = (FeedChange.ItemChanged) page.changes().get(0);
        var box = (FeedChange.BoxChanged) page.changes().get(1);
        var order = (FeedChange.OrderChanged) page.changes().get(2);
        assertThat(item.item().weightGrams()).contains(412.5);
        assertThat(box.box().tareGrams()).isEqualTo(355);
        assertThat(box.box().name()).isEqualTo("Medium");
        assertThat(order.order().order().labels()).containsExactly(UPS_1);
    }

    @Test
    void feedsAChangeAfterARestartWhoseLastChangeWasABox() {
        String station = hub.stationToken("ST-1");
        hub.put("/api/v1/items/MUG-1", key, OpsApiTest.mug().put("weightGrams", 412.5));
        hub.put("/api/v1/boxes/M", key, new JsonObject().put("tareGrams", 355));
        String cursor = json(hub.get("/api/v1/station/feed", station)).getString("cursor");

        hub.restart();
        hub.put("/api/v1/orders/SO-1", key, order(List.of(UPS_1)));

        var page = FeedCodec.page(json(hub.get("/api/v1/station/feed?after=" + cursor, station)));
        assertThat(page.changes()).singleElement().isInstanceOf(FeedChange.OrderChanged.class);
        var all = FeedCodec.page(json(hub.get("/api/v1/station/feed", station)));
        assertThat(((FeedChange.ItemChanged) all.changes().get(0)).item().weightGrams()).as("kept in the database").contains(412.5);
    }

    @Test
    void keepsAnItemsWeightWhenAnotherItemTakesOneOfItsCodes() {
        String station = hub.stationToken("ST-1");
        hub.put("/api/v1/items/MUG-1", key, OpsApiTest.mug().put("weightGrams", 412.5));
        String cursor = json(hub.get("/api/v1/station/feed", station)).getString("cursor");

        hub.put("/api/v1/items/CASE-1?moveBarcodes=true", key, new JsonObject().put("name", "Case")
                .put("barcodes", new JsonArray().add(new JsonObject().put("code", "15901234123454").put("quantity", 6))));

        var page = FeedCodec.page(json(hub.get("/api/v1/station/feed?after=" + cursor, station)));
        var mug = (FeedChange.ItemChanged) page.changes().get(0);
        assertThat(mug.item().sku()).isEqualTo("MUG-1");
        assertThat(mug.item().barcodes()).hasSize(1);
        assertThat(mug.item().weightGrams()).contains(412.5);
    }

    @Test
    void recordsAParcelOnceWhenItsEventArrivesTwice() {
        String token = hub.stationToken("ST-1");
        hub.put("/api/v1/orders/SO-1", key, order(List.of()));
        JsonObject closed = StationApiTest.event("ST-1", 1, "PARCEL_CLOSED", "PARCEL_CLOSED", "SO-1", 1)
                .put("parcel", new JsonObject().put("number", 1).put("box", "M").put("label", UPS_1)
                        .put("items", new JsonObject().put("MUG-1", 1)).put("weightGrams", 760.0)
                        .put("expectedGrams", 755.0).put("toleranceGrams", 37.75));

        var first = json(hub.post("/api/v1/station/events", token, StationApiTest.batch(closed)));
        var again = json(hub.post("/api/v1/station/events", token, StationApiTest.batch(closed)));

        assertThat(first.getJsonArray("stored")).hasSize(1);
        assertThat(again.getJsonArray("duplicates")).containsExactly(closed.getString("id"));
        JsonArray parcels = json(hub.get("/api/v1/orders/SO-1", key)).getJsonObject("verification").getJsonArray("parcels");
        assertThat(parcels).hasSize(1);
        JsonObject parcel = parcels.getJsonObject(0);
        assertThat(parcel.getInteger("number")).isEqualTo(1);
        assertThat(parcel.getString("label")).isEqualTo(UPS_1);
        assertThat(parcel.getString("box")).isEqualTo("M");
        assertThat(parcel.getDouble("weightGrams")).isEqualTo(760.0);
        assertThat(parcel.getDouble("expectedWeightGrams")).isEqualTo(755.0);
        assertThat(parcel.getDouble("toleranceGrams")).isEqualTo(37.75);
        assertThat(parcel.getJsonArray("items")).containsExactly(new JsonObject().put("sku", "MUG-1").put("quantity", 1));
        JsonArray events = json(hub.get("/api/v1/events", key)).getJsonArray("events");
        assertThat(events).hasSize(1);
        assertThat(events.getJsonObject(0).getString("kind")).isEqualTo("PARCEL_CLOSED");
        assertThat(events.getJsonObject(0).getJsonObject("parcel").getString("label")).isEqualTo(UPS_1);
    }

    @Test
    void answersWhichParcelOfWhichOrderALabelWentOutWith() {
        packTwoParcels();

        var second = hub.get("/api/v1/parcels/" + UPS_2, key);
        var spaced = hub.get("/api/v1/parcels/1z999aa1-0123456784", hub.stationToken("ST-2"));

        assertThat(second.statusCode()).isEqualTo(200);
        JsonObject found = json(second);
        assertThat(found.getString("label")).isEqualTo(UPS_2);
        assertThat(found.getString("orderId")).isEqualTo("SO-1");
        assertThat(found.getInteger("parcel")).isEqualTo(2);
        assertThat(found.getInteger("of")).isEqualTo(2);
        assertThat(found.getString("stationId")).isEqualTo("ST-1");
        assertThat(found.getString("closedAt")).isEqualTo(hub.clock.instant().toString());
        assertThat(found.getJsonArray("items")).containsExactly(new JsonObject().put("sku", "CUP-1").put("quantity", 2));
        assertThat(found.getDouble("weightGrams")).isEqualTo(245.0);
        assertThat(found.getDouble("expectedWeightGrams")).isEqualTo(240.0);
        assertThat(found.getValue("box")).isNull();
        assertThat(spaced.statusCode()).as("a label spelled otherwise, found by a station").isEqualTo(200);
        assertThat(json(spaced).getInteger("parcel")).isEqualTo(1);
        assertThat(json(spaced).getString("box")).isEqualTo("M");
        assertThat(json(spaced).getDouble("weightGrams")).as("the weighing that was accepted").isEqualTo(760.0);
    }

    @Test
    void answers404ForALabelNoParcelCarries() {
        hub.put("/api/v1/orders/SO-1", key, order(List.of(UPS_1)));

        var listed = hub.get("/api/v1/parcels/" + UPS_1, key);
        var unknown = hub.get("/api/v1/parcels/" + UPS_3, key);

        assertThat(listed.statusCode()).isEqualTo(404);
        assertThat(error(listed).getString("message")).contains("listed on order SO-1", "no parcel was closed");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(error(unknown).getString("field")).isEqualTo("label");
        assertThat(error(unknown).getString("message")).contains(UPS_3, "no order lists");
    }

    @Test
    void showsTheParcelsInTheOrdersVerification() {
        packTwoParcels();

        JsonObject order = json(hub.get("/api/v1/orders/SO-1", key));

        assertThat(order.getString("status")).isEqualTo("VERIFIED");
        JsonArray parcels = order.getJsonObject("verification").getJsonArray("parcels");
        assertThat(parcels).hasSize(2);
        assertThat(parcels.getJsonObject(0).getString("label")).isEqualTo(UPS_1);
        assertThat(parcels.getJsonObject(0).getDouble("expectedWeightGrams")).isEqualTo(755.0);
        assertThat(parcels.getJsonObject(0).getDouble("toleranceGrams")).isEqualTo(37.75);
        assertThat(parcels.getJsonObject(1).getInteger("number")).isEqualTo(2);
        assertThat(parcels.getJsonObject(1).getJsonArray("items"))
                .containsExactly(new JsonObject().put("sku", "CUP-1").put("quantity", 2));
    }

    @Test
    void learnsALabelAStationBoundToAnOrderThatListedNone() {
        PackingStation station = new PackingStation(hub, key, "ST-1",
                new ParcelPolicy(false, true, 0, 20, 5, ShippingLabels.standard()));
        station.item("MUG-1", Map.of("INT-MUG", 1));
        station.order("SO-1", "MUG-1", 1);
        station.scan("SO-1");
        station.scan("INT-MUG");

        assertThat(station.scan(UPS_3).verdict()).isEqualTo(Verdict.ORDER_COMPLETE);

        assertThat(json(hub.get("/api/v1/parcels/" + UPS_3, key)).getString("orderId")).isEqualTo("SO-1");
        var other = hub.put("/api/v1/orders/SO-2", key, order(List.of(UPS_3)));
        assertThat(other.statusCode()).as("the label went out with SO-1").isEqualTo(409);
        assertThat(error(other).getString("message")).contains("order SO-1");
    }

    @Test
    void dropsTheParcelsOfAnOrderCancelledAtTheStation() {
        PackingStation station = new PackingStation(hub, key, "ST-1");
        station.item("MUG-1", Map.of("INT-MUG", 1)).item("CUP-1", Map.of("INT-CUP", 1));
        station.order("SO-1", List.of(UPS_1, UPS_2), "MUG-1", 1, "CUP-1", 1);
        station.scan("SO-1");
        station.scan("INT-MUG");
        assertThat(station.scan(UPS_1).verdict()).isEqualTo(Verdict.PARCEL_CLOSED);
        assertThat(hub.get("/api/v1/parcels/" + UPS_1, key).statusCode()).isEqualTo(200);

        station.scan(Commands.CANCEL);

        assertThat(hub.get("/api/v1/parcels/" + UPS_1, key).statusCode()).isEqualTo(404);
        assertThat(json(hub.get("/api/v1/orders/SO-1", key)).getJsonObject("verification").getJsonArray("parcels")).isEmpty();
    }

    @Test
    void countsLabelAndWeightMismatchesInTheRatesKindsAndTrail() {
        PackingStation station = packTwoParcels();
        station.order("SO-9", "CUP-1", 2);
        station.scan("SO-9");
        station.scan("INT-CUP");
        assertThat(station.scan(UPS_1).verdict()).as("SO-1's label").isEqualTo(Verdict.LABEL_MISMATCH);
        station.scan(Commands.CLEAR);

        JsonObject rate = json(hub.get("/api/v1/reports/mismatch-rate?by=station", key));
        JsonArray kinds = json(hub.get("/api/v1/reports/mismatch-kinds", key)).getJsonArray("rows");
        JsonArray trail = json(hub.get("/api/v1/reports/orders/SO-1/trail", key)).getJsonArray("rows");
        JsonArray causes = json(hub.get("/api/v1/reports/weekly", key)).getJsonArray("causes");

        // item scans 4, label scans 3 (one refused), weighings 3 (one refused, two closing parcels)
        assertThat(rate.getJsonObject("total").getLong("mismatches")).isEqualTo(2);
        assertThat(rate.getJsonObject("total").getLong("scans")).isEqualTo(10);
        assertThat(kinds.stream().map(k -> ((JsonObject) k).getString("kind") + "=" + ((JsonObject) k).getLong("count")))
                .containsExactlyInAnyOrder("WEIGHT_MISMATCH=1", "LABEL_MISMATCH=1");
        assertThat(causes.stream().map(c -> ((JsonObject) c).getString("kind")))
                .containsExactlyInAnyOrder("WEIGHT_MISMATCH", "LABEL_MISMATCH");
        assertThat(trail.stream().map(r -> (JsonObject) r).filter(r -> "PARCEL_CLOSED".equals(r.getString("kind")))
                .map(r -> r.getString("parcelDetail")))
                .containsExactly("parcel 1 closed: " + UPS_1 + ", box M, 760 g, expected 755 +/- 38",
                        "parcel 2 closed: " + UPS_2 + ", 245 g, expected 240 +/- 20");
        assertThat(trail.stream().map(r -> (JsonObject) r).filter(r -> "WEIGHT_MISMATCH".equals(r.getString("verdict")))
                .map(r -> r.getString("parcelDetail") + " " + r.getBoolean("mismatch")))
                .containsExactly("parcel 1 refused: " + UPS_1 + ", box M, weighs 880 g, expected 755 +/- 38 true");
    }

    @Test
    void printsASlipPerParcelWithTheOrderAndLabelAsBarcodes() {
        packTwoParcels();

        var slip = hub.get("/api/v1/print/orders/SO-1/parcels/1", key);
        var missing = hub.get("/api/v1/print/orders/SO-1/parcels/3", key);
        var notANumber = hub.get("/api/v1/print/orders/SO-1/parcels/first", key);

        assertThat(slip.statusCode()).isEqualTo(200);
        assertThat(slip.getHeader("Content-Type")).startsWith("text/html");
        String html = slip.bodyAsString();
        assertThat(html).contains("Parcel 1 of 2", "MUG-1", "760 g (expected 755 g +/- 38)", "box M")
                .doesNotContain("not verified");
        assertThat(Scanned.barcodesOf(html)).containsExactly("SO-1", UPS_1);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(error(missing).getString("message")).contains("parcels closed: 2");
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(error(notANumber).getString("field")).isEqualTo("number");
    }

    @Test
    void printsTheBoxTypesAndNewBoxAsBarcodes() {
        hub.put("/api/v1/boxes/S", key, new JsonObject().put("name", "Small").put("tareGrams", 120));
        hub.put("/api/v1/boxes/M-2", key, new JsonObject().put("tareGrams", 355).put("innerLengthMm", 300)
                .put("innerWidthMm", 200).put("innerHeightMm", 150));

        var sheet = hub.get("/api/v1/print/boxes", key);

        assertThat(sheet.statusCode()).isEqualTo(200);
        assertThat(sheet.bodyAsString()).contains("BOX S - Small (120 g empty)", "inside 300 x 200 x 150 mm");
        assertThat(Scanned.barcodesOf(sheet.bodyAsString())).containsExactly("PCK-NEWBOX", "PCK-BOX-M-2", "PCK-BOX-S");
    }

    @Test
    void acceptsAParcelEventOfAnUnknownOrderWithoutBreakingTheBatch() {
        String token = hub.stationToken("ST-1");
        JsonObject closed = StationApiTest.event("ST-1", 1, "PARCEL_CLOSED", "PARCEL_CLOSED", "SO-404", 1)
                .put("id", UUID.randomUUID().toString())
                .put("parcel", new JsonObject().put("number", 1).put("label", UPS_2).put("items", new JsonObject()));

        var stored = json(hub.post("/api/v1/station/events", token, StationApiTest.batch(closed)));

        assertThat(stored.getJsonArray("stored")).hasSize(1);
        assertThat(json(hub.get("/api/v1/parcels/" + UPS_2, key)).getString("orderId")).isEqualTo("SO-404");
    }
}
