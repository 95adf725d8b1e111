package io.packcheck.simulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.simulator.plan.Injection;
import io.packcheck.simulator.plan.OrderPlan;
import io.packcheck.simulator.process.Jars;
import io.packcheck.simulator.run.Figures;
import io.packcheck.simulator.run.Settings;
import io.packcheck.simulator.run.Simulation;
import io.packcheck.simulator.run.StationDriver;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub jar and station jars as real processes on loopback: socat pty scanners, console lights, the hub's
 * embedded SQLite, the ops API and {@code GET /events}. Every child process is stopped after each test.
 */
class EndToEndTest {

    @TempDir
    Path dir;

    private Simulation sim;

    @AfterEach
    void stopEverything() {
        if (sim != null) {
            sim.close();
        }
    }

    private Simulation start(Settings settings) {
        sim = new Simulation(settings, Jars.locate(Path.of("..")), System.out);
        sim.start();
        return sim;
    }

    @Test
    void aWholeOrderIsPackedAtTheStationAndVerifiedAtTheHub() {
        start(Settings.quick(dir, 1, 2).withErrorShare(0));

        Figures figures = sim.run();

        assertPerfect(figures);
        for (OrderPlan plan : sim.plans().get(0)) {
            assertThat(sim.api().order(plan.id()).getString("status")).isEqualTo("VERIFIED");
        }
    }

    @Test
    void aWrongItemIsRedAtTheStationAndRecordedAtTheHubWithExpectedAndScannedSku() {
        start(Settings.quick(dir, 1, 1).onlyInjecting(Injection.WRONG_ITEM));

        Figures figures = sim.run();

        assertPerfect(figures);
        assertThat(figures.injected()).isEqualTo(1);
        assertThat(figures.caughtRedAtStation()).isEqualTo(1);
        OrderPlan plan = sim.plans().get(0).get(0);
        JsonObject order = sim.api().order(plan.id());
        assertThat(order.getString("status")).isEqualTo("VERIFIED");
        List<JsonObject> mismatches = order.getJsonObject("verification").getJsonArray("mismatches").stream()
                .map(JsonObject.class::cast).toList();
        assertThat(mismatches).singleElement().satisfies(m -> {
            assertThat(m.getString("verdict")).isEqualTo("WRONG_ITEM");
            assertThat(m.getString("sku")).isNotBlank().isNotIn(plan.lines().keySet());
            assertThat(m.getString("expectedSku")).isIn(plan.lines().keySet());
        });
    }

    @Test
    void aCancelDuringPackingBlocksTheStationWithinOneSecond() {
        start(Settings.quick(dir, 1, 2).onlyInjecting(Injection.CANCEL_DURING_PACKING));

        Figures figures = sim.run();

        assertPerfect(figures);
        assertThat(figures.cancels()).isEqualTo(2);
        assertThat(figures.cancelToStationMillis()).hasSize(2).allSatisfy(ms -> assertThat(ms).isLessThanOrEqualTo(1000));
        for (OrderPlan plan : sim.plans().get(0)) {
            assertThat(sim.api().order(plan.id()).getString("status")).isEqualTo("CANCELLED");
        }
    }

    @Test
    void parcelErrorsAreCaughtOnTheScaleAndFixedBeforeTheOrderCompletes() {
        start(Settings.quick(dir, 1, 4).injecting(List.of(Injection.UNSCANNED_ITEM, Injection.LEFT_OUT, Injection.WRONG_BOX,
                Injection.LABEL_SWAP)).withErrorShare(1.0));

        Figures figures = sim.run();

        assertPerfect(figures);
        assertThat(figures.byKind()).containsKeys(Injection.UNSCANNED_ITEM, Injection.LEFT_OUT, Injection.WRONG_BOX);
        assertThat(figures.weightErrors()).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(w -> assertThat(w.caught() || !w.required()).as(w.toString()).isTrue());
        assertThat(figures.missedWeightErrors()).isZero();
        // every parcel weighed once, and once more after each weight error caught
        long caughtOnTheScale = figures.weightErrors().stream().filter(Figures.WeightCheck::caught).count();
        assertThat(figures.weighingMillis()).hasSize(4 + (int) caughtOnTheScale);
        for (OrderPlan plan : sim.plans().get(0)) {
            assertThat(sim.api().order(plan.id()).getString("status")).isEqualTo("VERIFIED");
        }
    }

    @Test
    void theHubKilledAndRestartedWhileStationsPackGetsEveryEventOnce() {
        start(Settings.quick(dir, 2, 12).withRate(4).withHubRestarts(Duration.ofSeconds(4), Duration.ofSeconds(2)));

        Figures figures = sim.run();

        assertThat(sim.record().outages()).isNotEmpty();
        assertPerfect(figures);
    }

    @Test
    void anAgentKilledMidOrderAndMidBatchLosesNothingAndDoublesNothing() {
        start(Settings.quick(dir, 1, 3).withErrorShare(0));
        StationDriver driver = new StationDriver(sim.stations().get(0), sim.api(), sim.record(), 0, 1);
        List<OrderPlan> plans = sim.plans().get(0);
        driver.login("P001", Duration.ofSeconds(60), () -> false);

        // the hub away: the outbox fills; back: the station sends its batch, and is killed while it does
        sim.hub().kill();
        driver.pack(plans.get(0), false, () -> false);
        sim.hub().start();
        driver.killAndRestart();
        // killed again in the middle of an order, right after an accepted scan
        driver.pack(plans.get(1), true, () -> false);
        driver.pack(plans.get(2), true, () -> false);
        Figures figures = sim.figures();

        assertThat(sim.record().agentKills()).isEqualTo(3);
        assertPerfect(figures);
        for (OrderPlan plan : plans) {
            assertThat(sim.api().order(plan.id()).getString("status")).isEqualTo("VERIFIED");
        }
    }

    @Test
    void tenStationsPackAtOnce() {
        start(Settings.quick(dir, 10, 20));

        Figures figures = sim.run();

        assertPerfect(figures);
        assertThat(figures.injected()).isPositive();
        for (List<OrderPlan> station : sim.plans()) {
            for (OrderPlan plan : station) {
                assertThat(sim.api().order(plan.id()).getString("status"))
                        .isEqualTo(plan.endsVerified() ? "VERIFIED" : "CANCELLED");
            }
        }
    }

    private static void assertPerfect(Figures figures) {
        figures.print(System.out);
        assertThat(figures.problems()).as("problems").isEmpty();
        assertThat(figures.catchRate()).isEqualTo(1.0);
        assertThat(figures.falseAlarms()).isZero();
        assertThat(figures.lost()).isZero();
        assertThat(figures.doubledEvents()).isZero();
        assertThat(figures.scans()).isPositive();
    }
}
