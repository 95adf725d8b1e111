package io.packcheck.hub;

import static io.packcheck.hub.RunningHub.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.catalog.Order;
import io.packcheck.core.verify.Verdict;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hub counts a box as the station did: overrides, extras, trims after an order change, UNDO. */
class OverrideCountsTest extends ApiKeyHubTest {

    static final String MUG = "4006381333931";
    static final String MUG_CASE_OF_6 = "14006381333938";
    static final String CUP = "5901234123457";
    // AI 17 in the past for the hub clock's 2026-11-22
    static final String EXPIRED_MUG = "]C1010400638133393117261101";

    PackingStation station;

    @BeforeEach
    void catalog() {
        station = new PackingStation(hub, key, "ST-1");
        station.item("MUG", Map.of(MUG, 1, MUG_CASE_OF_6, 6)).item("CUP", Map.of(CUP, 1));
    }

    private JsonObject verification(String orderId) {
        return json(hub.get("/api/v1/orders/" + orderId, key)).getJsonObject("verification");
    }

    private static Map<String, Object> map(JsonObject units) {
        return units.getMap();
    }

    @Test
    void countsTheUnitAnOverrideLetInSoAnOrderFinishedUnderOverrideShowsTwoOfTwo() {
        station.order("SO-1", "MUG", 2);
        station.scan("SO-1");
        station.scan(MUG);
        assertThat(station.scan(EXPIRED_MUG).verdict()).isEqualTo(Verdict.EXPIRED);

        station.scan("PCK-S-SUP1");
        assertThat(station.scan("PCK-R-CUSTOMER-OK").verdict()).isEqualTo(Verdict.ORDER_COMPLETE);

        JsonObject order = json(hub.get("/api/v1/orders/SO-1", key));
        assertThat(order.getString("status")).isEqualTo("VERIFIED");
        assertThat(map(order.getJsonObject("verification").getJsonObject("packed"))).isEqualTo(Map.of("MUG", 2));
        assertThat(order.getJsonObject("verification").getBoolean("overridden")).isTrue();
    }

    @Test
    void saysInTheEventFeedAndTheReportsThatAnOrderWasCompletedUnderAnOverride() {
        station.order("SO-1", "MUG", 2);
        station.scan("SO-1");
        station.scan(MUG);
        station.scan(EXPIRED_MUG);
        station.scan("PCK-S-SUP1");
        station.scan("PCK-R-CUSTOMER-OK");
        station.order("SO-2", "CUP", 1);
        station.scan("SO-2");
        station.scan(CUP);

        JsonArray events = json(hub.get("/api/v1/events?limit=100", key)).getJsonArray("events");
        JsonObject total = json(hub.get("/api/v1/reports/mismatch-rate?by=station", key)).getJsonObject("total");
        JsonObject row = json(hub.get("/api/v1/reports/mismatch-rate?by=station", key)).getJsonArray("rows").getJsonObject(0);

        assertThat(events.stream().map(e -> (JsonObject) e).filter(e -> e.getString("kind").equals("ORDER_COMPLETED"))
                .map(e -> e.getString("orderId") + "=" + e.getBoolean("overridden")))
                .containsExactly("SO-1=true", "SO-2=false");
        assertThat(total.getLong("completed")).isEqualTo(2);
        assertThat(total.getLong("completedOverridden")).isEqualTo(1);
        assertThat(row.getLong("completedOverridden")).isEqualTo(1);
        assertThat(verification("SO-2").getBoolean("overridden")).isFalse();
    }

    @Test
    void countsTheRestOfAnOverriddenCaseAsExtraAndUndoTakesTheWholeCaseBack() {
        station.order("SO-1", "MUG", 2, "CUP", 1);
        station.scan("SO-1");
        station.scan(MUG);
        assertThat(station.scan(MUG_CASE_OF_6).verdict()).isEqualTo(Verdict.OVER_QUANTITY);
        station.scan("PCK-S-SUP1");
        station.scan("PCK-R-SUBSTITUTE");
        JsonObject overridden = verification("SO-1");

        station.scan("PCK-UNDO");

        assertThat(map(overridden.getJsonObject("packed"))).isEqualTo(Map.of("MUG", 2));
        assertThat(map(overridden.getJsonObject("extra"))).isEqualTo(Map.of("MUG", 5));
        JsonObject undone = verification("SO-1");
        assertThat(map(undone.getJsonObject("packed"))).isEqualTo(Map.copyOf(station.counted())).isEqualTo(Map.of("MUG", 1));
        assertThat(map(undone.getJsonObject("extra"))).isEmpty();
    }

    @Test
    void takesOutTheExcessAStationTrimsWhenTheOrderShrankWhilePacked() {
        station.order("SO-1", "MUG", 3, "CUP", 1);
        station.scan("SO-1");
        station.scan(MUG);
        station.scan(MUG);
        station.scan(MUG);
        Order smaller = station.order("SO-1", "MUG", 1, "CUP", 1);
        assertThat(station.changed(smaller).verdict()).isEqualTo(Verdict.OVER_QUANTITY);

        station.scan("PCK-CLEAR");

        assertThat(map(verification("SO-1").getJsonObject("packed"))).isEqualTo(Map.copyOf(station.counted()))
                .isEqualTo(Map.of("MUG", 1));
        assertThat(station.scan(CUP).verdict()).isEqualTo(Verdict.ORDER_COMPLETE);
        assertThat(map(verification("SO-1").getJsonObject("packed"))).isEqualTo(Map.of("MUG", 1, "CUP", 1));
        assertThat(verification("SO-1").getBoolean("overridden")).isFalse();
    }

    @Test
    void keepsTheExcessAsExtrasWhenASupervisorLetsTheShrunkOrderGoAsPacked() {
        station.order("SO-1", "MUG", 3, "CUP", 1);
        station.scan("SO-1");
        station.scan(MUG);
        station.scan(MUG);
        station.changed(station.order("SO-1", "MUG", 1, "CUP", 1));
        station.scan("PCK-S-SUP1");
        station.scan("PCK-R-ORDER-OUTDATED");

        assertThat(station.scan(CUP).verdict()).isEqualTo(Verdict.ORDER_COMPLETE);

        JsonObject detail = verification("SO-1");
        assertThat(map(detail.getJsonObject("packed"))).isEqualTo(Map.of("MUG", 1, "CUP", 1));
        assertThat(map(detail.getJsonObject("extra"))).isEqualTo(Map.of("MUG", 1));
        assertThat(detail.getBoolean("overridden")).isTrue();
    }

    @Test
    void startsTheCountAgainWhenTheStationCancelsAndReopensTheOrder() {
        station.order("SO-1", "MUG", 2);
        station.scan("SO-1");
        station.scan(MUG);
        station.scan("PCK-CANCEL");

        station.scan("SO-1");
        station.scan(MUG);

        assertThat(map(verification("SO-1").getJsonObject("packed"))).isEqualTo(Map.copyOf(station.counted()))
                .isEqualTo(Map.of("MUG", 1));
    }
}
