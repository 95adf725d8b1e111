package io.packcheck.hub;

import static io.packcheck.hub.RunningHub.error;
import static io.packcheck.hub.RunningHub.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import io.packcheck.core.enrol.Enrolment;
import io.packcheck.core.enrol.EnrolmentParse;
import io.packcheck.core.verify.Commands;
import io.packcheck.hub.print.Scanned;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The print routes over real HTTP; every barcode on a page is read back with zxing. */
class PrintRoutesTest extends ApiKeyHubTest {

    @Test
    void printsThePackSlipWithTheOrderIdAsADecodableBarcodeAndTheItemNames() {
        hub.put("/api/v1/items/MUG-1", key, new JsonObject().put("name", "Blue mug")
                .put("barcodes", new JsonArray().add(new JsonObject().put("code", "05901234123457"))));
        hub.put("/api/v1/orders/SO-1001", key, new JsonObject()
                .put("lines", new JsonArray().add(new JsonObject().put("sku", "MUG-1").put("quantity", 2))));

        var response = hub.get("/api/v1/print/orders/SO-1001/slip?paper=letter", key);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).startsWith("text/html");
        String html = response.bodyAsString();
        assertThat(html).contains("Blue mug").contains("size: letter");
        assertThat(Scanned.barcodesOf(html)).containsExactly("SO-1001");
    }

    @Test
    void answers404ForASlipOfAnUnknownOrder() {
        var response = hub.get("/api/v1/print/orders/NOPE/slip", key);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(error(response).getString("field")).isEqualTo("id");
    }

    @Test
    void printsAllBadgesOrOnlyTheNamedOnes() {
        hub.put("/api/v1/badges/ANNA", key, new JsonObject().put("name", "Anna").put("role", "packer"));
        hub.put("/api/v1/badges/BOB", key, new JsonObject().put("name", "Bob").put("role", "supervisor"));
        hub.put("/api/v1/badges/CAI", key, new JsonObject().put("name", "Cai").put("role", "packer"));

        String all = hub.get("/api/v1/print/badges", key).bodyAsString();
        String some = hub.get("/api/v1/print/badges?code=BOB&code=CAI", key).bodyAsString();

        assertThat(Scanned.barcodesOf(all)).containsExactly("PCK-P-ANNA", "PCK-S-BOB", "PCK-P-CAI");
        assertThat(Scanned.barcodesOf(some)).containsExactly("PCK-S-BOB", "PCK-P-CAI");
    }

    @Test
    void refusesABadgePageNamingAnUnknownBadge() {
        hub.put("/api/v1/badges/ANNA", key, new JsonObject().put("name", "Anna").put("role", "packer"));

        var response = hub.get("/api/v1/print/badges?code=ANNA,ZED", key);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(error(response).getString("message")).contains("ZED");
    }

    @Test
    void printsEveryCommandOfTheStationsSheet() {
        String html = hub.get("/api/v1/print/commands", key).bodyAsString();

        assertThat(Scanned.barcodesOf(html))
                .containsExactlyElementsOf(Commands.sheet().stream().map(Commands.SheetEntry::barcode).toList());
    }

    @Test
    void theEnrolmentSheetCarriesAFreshCodeTheHubExchangesForAToken() {
        var response = hub.get("/api/v1/print/stations/pack-09/enrolment?hubUrl="
                + URLEncoder.encode("http://hub.local:8080", StandardCharsets.UTF_8), key);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        List<String> codes = Scanned.barcodesOf(response.bodyAsString());
        assertThat(codes).hasSize(1);
        EnrolmentParse parse = Enrolment.parse(codes.get(0));
        assertThat(parse).isInstanceOf(EnrolmentParse.Parsed.class);
        Enrolment enrolment = ((EnrolmentParse.Parsed) parse).enrolment();
        assertThat(enrolment.stationId()).isEqualTo("pack-09");
        assertThat(enrolment.hubUrl()).hasToString("http://hub.local:8080");
        var exchanged = hub.post("/api/v1/station/enrol", null,
                new JsonObject().put("stationId", "pack-09").put("code", enrolment.code()));
        assertThat(exchanged.statusCode()).isEqualTo(200);
        assertThat(json(exchanged).getString("token")).startsWith("pcs_");
    }

    @Test
    void servesASingleCode128PngThatDecodes() {
        var response = hub.get("/api/v1/print/barcode.png?type=code128&data=SO-42", key);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).isEqualTo("image/png");
        assertThat(Scanned.decode(Scanned.png(response.bodyAsBuffer().getBytes()), BarcodeFormat.CODE_128))
                .isEqualTo("SO-42");
    }

    @Test
    void servesASingleQrPngThatDecodes() {
        String data = "PCK-ENROL:1:pack-01:abcdefghijklmnopqrstuvwx:aHR0cDovL2h1Yjo4MDgw";

        var response = hub.get("/api/v1/print/barcode.png?type=qr&scale=4&data=" + data, key);

        assertThat(Scanned.decode(Scanned.png(response.bodyAsBuffer().getBytes()), BarcodeFormat.QR_CODE)).isEqualTo(data);
    }

    @Test
    void servesASingleSvgThatDecodes() {
        var response = hub.get("/api/v1/print/barcode.svg?data=TOTE-7", key);

        assertThat(response.getHeader("Content-Type")).isEqualTo("image/svg+xml");
        assertThat(Scanned.barcodesOf(response.bodyAsString())).containsExactly("TOTE-7");
    }

    @Test
    void refusesBarcodeRequestsNamingTheBadParameter() {
        var noData = hub.get("/api/v1/print/barcode.png", key);
        var badType = hub.get("/api/v1/print/barcode.png?type=ean13&data=1", key);
        var tooLong = hub.get("/api/v1/print/barcode.png?data=" + "X".repeat(49), key);

        assertThat(noData.statusCode()).isEqualTo(400);
        assertThat(error(noData).getString("field")).isEqualTo("data");
        assertThat(error(badType).getString("field")).isEqualTo("type");
        assertThat(error(tooLong).getString("field")).isEqualTo("data");
        assertThat(error(tooLong).getString("message")).contains("49 characters");
    }

    @Test
    void printRoutesNeedAnApiKey() {
        assertThat(hub.get("/api/v1/print/commands", null).statusCode()).isEqualTo(401);
    }
}
