package io.packcheck.hub;

import static io.packcheck.hub.RunningHub.error;
import static io.packcheck.hub.RunningHub.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OpsApiTest extends ApiKeyHubTest {

    static JsonObject mug() {
        return new JsonObject().put("name", "Mug").put("barcodes", new JsonArray()
                .add(new JsonObject().put("code", "05901234123457"))
                .add(new JsonObject().put("code", "15901234123454").put("quantity", 6)));
    }

    static JsonObject order(String sku, int quantity) {
        return new JsonObject().put("lines", new JsonArray().add(new JsonObject().put("sku", sku).put("quantity", quantity)));
    }

    @Test
    void createsAnItemThenReportsItUnchanged() {
        var first = hub.put("/api/v1/items/MUG-1", key, mug());

        var second = hub.put("/api/v1/items/MUG-1", key, mug());

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(json(first).getJsonObject("item").getJsonArray("barcodes").getJsonObject(1).getInteger("quantity")).isEqualTo(6);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json(second).getString("result")).isEqualTo("unchanged");
    }

    @Test
    void refusesABarcodeWithAWrongCheckDigitNamingTheField() {
        JsonObject body = mug();
        body.getJsonArray("barcodes").getJsonObject(1).put("code", "15901234123455");

        var response = hub.put("/api/v1/items/MUG-1", key, body);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(error(response).getString("field")).isEqualTo("barcodes[1].code");
        assertThat(error(response).getString("message")).contains("check digit 5, expected 4");
    }

    @Test
    void answersMalformedJsonWith400() {
        var response = hub.put("/api/v1/items/MUG-1", key, "{\"name\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response).getString("code")).isEqualTo("malformed_json");
    }

    @Test
    void answersAnOversizedBodyWith413() {
        JsonObject body = mug().put("name", "x".repeat(2 * 1024 * 1024));

        var response = hub.put("/api/v1/items/MUG-1", key, body);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(error(response).getString("code")).isEqualTo("too_large");
    }

    @Test
    void refusesAWrongTypeWith422() {
        var response = hub.put("/api/v1/orders/O-1", key, order("MUG-1", 1).put("priority", "high"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(error(response).getString("field")).isEqualTo("priority");
    }

    @Test
    void raisesTheVersionOnEveryChangeButNotOnAResend() {
        hub.put("/api/v1/orders/O-1", key, order("MUG-1", 1));
        var resent = hub.put("/api/v1/orders/O-1", key, order("MUG-1", 1));

        var changed = hub.put("/api/v1/orders/O-1", key, order("MUG-1", 2));
        var held = hub.post("/api/v1/orders/O-1/hold", key, new JsonObject().put("reason", "address check"));

        assertThat(json(resent).getJsonObject("order").getLong("version")).isEqualTo(1);
        assertThat(json(changed).getJsonObject("order").getLong("version")).isEqualTo(2);
        assertThat(json(held).getJsonObject("order").getLong("version")).isEqualTo(3);
        assertThat(json(held).getJsonObject("order").getString("status")).isEqualTo("ON_HOLD");
        assertThat(json(held).getJsonObject("order").getString("holdReason")).isEqualTo("address check");
    }

    @Test
    void releasesAHeldOrderToItsEarlierStatusAndRefusesAReleaseOfAnOpenOne() {
        hub.put("/api/v1/orders/O-1", key, order("MUG-1", 1));
        hub.post("/api/v1/orders/O-1/hold", key, null);

        var released = hub.post("/api/v1/orders/O-1/release", key, null);
        var again = hub.post("/api/v1/orders/O-1/release", key, null);

        assertThat(json(released).getJsonObject("order").getString("status")).isEqualTo("OPEN");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(error(again).getString("code")).isEqualTo("order_not_held");
    }

    @Test
    void refusesToChangeACancelledOrder() {
        hub.put("/api/v1/orders/O-1", key, order("MUG-1", 1));
        hub.post("/api/v1/orders/O-1/cancel", key, new JsonObject().put("reason", "customer"));

        var response = hub.put("/api/v1/orders/O-1", key, order("MUG-1", 5));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json(hub.get("/api/v1/orders/O-1", key)).getString("status")).isEqualTo("CANCELLED");
    }

    @Test
    void answersAnUnknownOrderWith404() {
        var response = hub.get("/api/v1/orders/NOPE", key);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(error(response).getString("field")).isEqualTo("id");
    }

    @Test
    void bulkImportAppliesGoodLinesAndReportsEachBadOneWithoutLeavingHalfAnOrder() {
        hub.put("/api/v1/orders/O-1", key, order("A", 1).put("aliases", new JsonArray().add("TOTE-1")));
        String ndjson = """
                {"id":"O-2","lines":[{"sku":"A","quantity":1}]}
                {"id":"O-3","lines":[{"sku":"A","quantity":1},{"sku":"B","quantity":0}]}
                this is not json
                {"id":"O-4","lines":[{"sku":"B","quantity":1}],"aliases":["TOTE-2","TOTE-1"]}

                {"id":"O-5","lines":[{"sku":"C","quantity":3}],"shipBy":"2026-11-22T16:00:00Z"}
                """;

        var response = hub.post("/api/v1/orders/bulk", key, ndjson);

        JsonObject result = json(response);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(result.getLong("created")).isEqualTo(2);
        assertThat(result.getLong("refused")).isEqualTo(3);
        JsonArray refusals = result.getJsonArray("refusals");
        assertThat(refusals.getJsonObject(0).getInteger("line")).isEqualTo(2);
        assertThat(refusals.getJsonObject(0).getString("field")).isEqualTo("lines[1].quantity");
        assertThat(refusals.getJsonObject(1).getInteger("line")).isEqualTo(3);
        assertThat(refusals.getJsonObject(2).getInteger("line")).isEqualTo(4);
        assertThat(refusals.getJsonObject(2).getString("code")).isEqualTo("alias_taken");
        assertThat(hub.get("/api/v1/orders/O-3", key).statusCode()).isEqualTo(404);
        assertThat(hub.get("/api/v1/orders/O-4", key).statusCode()).isEqualTo(404);
        assertThat(json(hub.get("/api/v1/orders/O-5", key)).getString("shipBy")).isEqualTo("2026-11-22T16:00:00Z");
    }

    @Test
    void bulkImportsItemsAcrossSeveralBatches() {
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < 2500; i++) {
            ndjson.append(new JsonObject().put("sku", "SKU-" + i).put("name", "Item " + i)
                    .put("barcodes", new JsonArray().add(new JsonObject().put("code", "INT-" + i))).encode()).append('\n');
        }

        var response = hub.post("/api/v1/items/bulk", key, ndjson.toString());

        assertThat(json(response).getLong("created")).isEqualTo(2500);
        assertThat(json(response).getLong("refused")).isZero();
    }

    @Test
    void listsOrdersOfOneStatusAPageAtATime() {
        for (int i = 1; i <= 5; i++) {
            hub.put("/api/v1/orders/O-" + i, key, order("A", 1));
        }
        hub.post("/api/v1/orders/O-2/cancel", key, null);

        var page = json(hub.get("/api/v1/orders?status=OPEN&page=2&pageSize=2", key));
        var bad = hub.get("/api/v1/orders?status=SHIPPED", key);

        assertThat(page.getLong("total")).isEqualTo(4);
        assertThat(page.getJsonArray("orders").stream().map(o -> ((JsonObject) o).getString("id"))).containsExactly("O-4", "O-5");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(error(bad).getString("field")).isEqualTo("status");
    }

    @Test
    void keepsOrdersAcrossARestart() {
        hub.put("/api/v1/orders/O-1", key, order("MUG-1", 3));

        hub.restart();

        var response = hub.get("/api/v1/orders/O-1", key);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).getJsonArray("lines").getJsonObject(0).getInteger("quantity")).isEqualTo(3);
    }

    @Test
    void servesAnOpenApiFileDescribingEveryRoute() {
        var response = hub.get("/api/v1/openapi.yaml", null);

        String yaml = response.bodyAsString();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(yaml).startsWith("openapi: 3.");
        assertThat(hub.verticle.routes()).hasSizeGreaterThan(15).contains("GET /dashboard/*", "GET /webjars/*", "GET /");
        for (String route : hub.verticle.routes()) {
            String method = route.substring(0, route.indexOf(' ')).toLowerCase();
            String path = route.substring(route.indexOf(' ') + 1).replaceAll(":(\\w+)", "{$1}").replaceAll("\\*$", "{path}");
            int at = yaml.indexOf("\n  " + path + ":\n");
            assertThat(at).as("path %s in openapi.yaml", path).isPositive();
            int next = yaml.indexOf("\n  /", at + 3);
            String section = yaml.substring(at, next < 0 ? yaml.indexOf("\ncomponents:") : next);
            assertThat(section).as("%s", route).contains("\n    " + method + ":\n");
        }
    }

    @Test
    void namesEveryRouteInTheReadmesApiSection() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("\n### API\n");
        String section = readme.substring(start, readme.indexOf("\n## ", start));
        Set<String> documented = new HashSet<>();
        // `GET /path`, `PUT|DELETE /path`, `POST /a/{id}/x|y` (x, then y for the last word), `GET /f.png|svg?...`
        Matcher m = Pattern.compile("`((?:GET|PUT|POST|DELETE)(?:\\|(?:GET|PUT|POST|DELETE))*) (/[^`\\s?\\[]*)").matcher(section);
        while (m.find()) {
            String[] alternatives = m.group(2).split("\\|");
            String first = alternatives[0];
            int cut = Math.max(first.lastIndexOf('/'), first.lastIndexOf('.')) + 1;
            for (String method : m.group(1).split("\\|")) {
                for (int i = 0; i < alternatives.length; i++) {
                    String path = i == 0 ? first : first.substring(0, cut) + alternatives[i];
                    documented.add(method + " " + path.replaceAll("\\{\\w+}", "{}"));
                }
            }
        }

        assertThat(start).isPositive();
        for (String route : hub.verticle.routes()) {
            // HEAD is answered wherever GET is, so the README names only GET
            String named = route.replaceFirst("^HEAD ", "GET ").replaceAll(":\\w+", "{}");
            assertThat(documented).as("README's API section names %s", route).contains(named);
        }
    }

    @Test
    void answersReadiness() {
        var response = hub.get("/health/ready", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).getString("database")).isEqualTo("UP");
    }

    @Test
    void refusesABulkImportWithoutTokenBeforeReadingIt() {
        var response = hub.post("/api/v1/orders/bulk", null, "{\"id\":\"O-1\",\"lines\":[{\"sku\":\"A\",\"quantity\":1}]}\n");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(hub.get("/api/v1/orders/O-1", key).statusCode()).isEqualTo(404);
    }

    @Test
    void answersABulkLineLongerThanTheLimitWith413() {
        String ndjson = "{\"id\":\"O-1\",\"lines\":[{\"sku\":\"A\",\"quantity\":1}]}\n"
                + "{\"id\":\"O-2\",\"pad\":\"" + "x".repeat(300 * 1024) + "\"}\n";

        var response = hub.post("/api/v1/orders/bulk", key, ndjson);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(error(response).getString("field")).isEqualTo("line 2");
    }

    @Test
    void givesChangesAfterARestartCursorsBeyondTheOldOnes() {
        String station = hub.stationToken("ST-1");
        hub.put("/api/v1/orders/O-1", key, order("A", 1));
        String cursor = json(hub.get("/api/v1/station/feed", station)).getString("cursor");

        hub.restart();
        hub.put("/api/v1/orders/O-2", key, order("A", 1));

        JsonObject page = json(hub.get("/api/v1/station/feed?after=" + cursor, station));
        assertThat(page.getJsonArray("changes").stream().map(c -> ((JsonObject) c).getString("id"))).containsExactly("O-2");
    }
}
