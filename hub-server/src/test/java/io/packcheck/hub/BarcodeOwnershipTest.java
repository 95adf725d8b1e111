package io.packcheck.hub;

import static io.packcheck.hub.RunningHub.error;
import static io.packcheck.hub.RunningHub.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.hub.storage.SqliteDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarcodeOwnershipTest extends ApiKeyHubTest {

    static JsonObject item(String name, String... codes) {
        JsonArray barcodes = new JsonArray();
        for (String code : codes) {
            barcodes.add(new JsonObject().put("code", code));
        }
        return new JsonObject().put("name", name).put("barcodes", barcodes);
    }

    private List<String> codesOf(JsonObject feedItem) {
        return feedItem.getJsonArray("barcodes").stream().map(b -> ((JsonObject) b).getString("code")).toList();
    }

    private List<JsonObject> feed() {
        return json(hub.get("/api/v1/station/feed", hub.stationToken("ST-" + System.nanoTime())))
                .getJsonArray("changes").stream().map(c -> (JsonObject) c).toList();
    }

    @Test
    void refusesAnItemWhoseBarcodeBelongsToAnotherSkuWith409NamingIt() {
        hub.put("/api/v1/items/MUG-BLUE", key, item("Blue mug", "4006381333931"));

        var response = hub.put("/api/v1/items/MUG-RED", key, item("Red mug", "INT-9", "4006381333931"));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(error(response).getString("code")).isEqualTo("barcode_taken");
        assertThat(error(response).getString("field")).isEqualTo("barcodes[1].code");
        assertThat(error(response).getString("message")).contains("4006381333931", "MUG-BLUE", "moveBarcodes=true");
        assertThat(feed()).extracting(c -> c.getString("sku")).containsExactly("MUG-BLUE");
    }

    @Test
    void comparesCodesAsGtin14SoAnEan13ClashesWithItsGtin14Form() {
        hub.put("/api/v1/items/MUG-BLUE", key, item("Blue mug", "4006381333931"));

        var response = hub.put("/api/v1/items/MUG-RED", key, item("Red mug", "04006381333931"));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(error(response).getString("message")).contains("belongs to item MUG-BLUE (as 4006381333931)");
    }

    @Test
    void letsAnItemKeepItsOwnCodesWhenItChanges() {
        hub.put("/api/v1/items/MUG-BLUE", key, item("Blue mug", "4006381333931"));

        var response = hub.put("/api/v1/items/MUG-BLUE", key, item("Blue mug, 300 ml", "04006381333931", "INT-1"));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void movesACodeOnlyWhenAskedAndTheOldOwnerChangesFirstInTheFeed() {
        hub.put("/api/v1/items/MUG-BLUE", key, item("Blue mug", "4006381333931", "INT-1"));

        var moved = hub.put("/api/v1/items/MUG-RED?moveBarcodes=true", key, item("Red mug", "4006381333931"));

        assertThat(moved.statusCode()).isEqualTo(201);
        List<JsonObject> changes = feed();
        assertThat(changes).extracting(c -> c.getString("sku")).containsExactly("MUG-BLUE", "MUG-RED");
        assertThat(codesOf(changes.get(0))).containsExactly("INT-1");
        assertThat(codesOf(changes.get(1))).containsExactly("4006381333931");
        assertThat(hub.put("/api/v1/items/MUG-BLUE", key, item("Blue mug", "4006381333931", "INT-1")).statusCode())
                .as("the code is MUG-RED's now").isEqualTo(409);
    }

    @Test
    void refusesToMoveTheOnlyCodeOfAnItem() {
        hub.put("/api/v1/items/MUG-BLUE", key, item("Blue mug", "4006381333931"));

        var response = hub.put("/api/v1/items/MUG-RED?moveBarcodes=true", key, item("Red mug", "4006381333931"));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(error(response).getString("code")).isEqualTo("barcode_last_code");
        assertThat(error(response).getString("message")).contains("only code of item MUG-BLUE");
    }

    @Test
    void freesTheCodesOfADeletedItemAndOfACodeTakenOff() {
        hub.put("/api/v1/items/MUG-BLUE", key, item("Blue mug", "4006381333931", "INT-1"));
        hub.put("/api/v1/items/CUP", key, item("Cup", "5901234123457"));
        hub.put("/api/v1/items/MUG-BLUE", key, item("Blue mug", "INT-1"));
        hub.call(io.vertx.core.http.HttpMethod.DELETE, "/api/v1/items/CUP", key, null);

        var takenOff = hub.put("/api/v1/items/MUG-RED", key, item("Red mug", "4006381333931"));
        var deleted = hub.put("/api/v1/items/PLATE", key, item("Plate", "5901234123457"));

        assertThat(takenOff.statusCode()).isEqualTo(201);
        assertThat(deleted.statusCode()).isEqualTo(201);
    }

    @Test
    void refusesTheClashingLineOfABulkImportWithTheSameMessageAndAppliesTheOthers() {
        hub.put("/api/v1/items/MUG-BLUE", key, item("Blue mug", "4006381333931"));
        String ndjson = item("Red mug", "04006381333931").put("sku", "MUG-RED").encode() + "\n"
                + item("Cup", "5901234123457").put("sku", "CUP").encode() + "\n"
                + item("Saucer", "5901234123457").put("sku", "SAUCER").encode() + "\n";

        JsonObject result = json(hub.post("/api/v1/items/bulk", key, ndjson));

        assertThat(result.getLong("created")).isEqualTo(1);
        assertThat(result.getLong("refused")).isEqualTo(2);
        JsonObject first = result.getJsonArray("refusals").getJsonObject(0);
        assertThat(first.getLong("line")).isEqualTo(1);
        assertThat(first.getString("code")).isEqualTo("barcode_taken");
        assertThat(first.getString("field")).isEqualTo("barcodes[0].code");
        assertThat(first.getString("message")).contains("belongs to item MUG-BLUE");
        assertThat(result.getJsonArray("refusals").getJsonObject(1).getString("message")).contains("belongs to item CUP");
    }

    @Test
    void movesCodesInABulkImportWhenAsked() {
        hub.put("/api/v1/items/MUG-BLUE", key, item("Blue mug", "4006381333931", "INT-1"));
        String ndjson = item("Red mug", "4006381333931").put("sku", "MUG-RED").encode() + "\n";

        JsonObject result = json(hub.post("/api/v1/items/bulk?moveBarcodes=true", key, ndjson));
        var badFlag = hub.post("/api/v1/items/bulk?moveBarcodes=yes", key, ndjson);

        assertThat(result.getLong("created")).isEqualTo(1);
        assertThat(result.getLong("refused")).isZero();
        assertThat(badFlag.statusCode()).isEqualTo(400);
        assertThat(error(badFlag).getString("field")).isEqualTo("moveBarcodes");
    }

    @Test
    void indexesTheCodesOfItemsStoredBeforeTheHubKnewOwnersSoALaterClashIsRefused() throws Exception {
        hub.put("/api/v1/items/MUG-BLUE", key, item("Blue mug", "4006381333931"));
        hub.close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(SqliteDatabase.FILE_NAME));
                Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM item_barcode");
        }
        hub.start();

        var response = hub.put("/api/v1/items/MUG-RED", key, item("Red mug", "4006381333931"));

        assertThat(response.statusCode()).isEqualTo(409);
    }
}
