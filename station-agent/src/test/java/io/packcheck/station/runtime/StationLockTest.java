package io.packcheck.station.runtime;

import static io.packcheck.station.lights.Output.AMBER;
import static io.packcheck.station.lights.Output.BUZZER;
import static io.packcheck.station.lights.Output.GREEN;
import static io.packcheck.station.lights.Output.RED;
import static io.packcheck.station.runtime.Stations.MUG;
import static io.packcheck.station.runtime.Stations.ORDER;
import static io.packcheck.station.runtime.Stations.RED_MUG;
import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.catalog.Order;
import io.packcheck.core.catalog.OrderLine;
import io.packcheck.core.catalog.OrderStatus;
import io.packcheck.core.verify.Verdict;
import io.packcheck.station.lights.Output;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tower while the pack session is locked, through the whole station on virtual time. */
class StationLockTest {

    static final String OTHER_ORDER = "SO-2000";
    static final String CANCELLED_ORDER = "SO-9000";
    static final List<String> CATALOG = List.of(
            "{\"type\":\"item\",\"sku\":\"MUG-BLUE\",\"name\":\"Blue Mug\",\"barcodes\":[{\"code\":\"" + MUG + "\",\"quantity\":1}]}",
            "{\"type\":\"item\",\"sku\":\"MUG-RED\",\"name\":\"Red Mug\",\"barcodes\":[{\"code\":\"" + RED_MUG + "\",\"quantity\":1}]}",
            "{\"type\":\"order\",\"id\":\"" + ORDER + "\",\"lines\":[{\"sku\":\"MUG-BLUE\",\"quantity\":2}]}",
            "{\"type\":\"order\",\"id\":\"" + OTHER_ORDER + "\",\"lines\":[{\"sku\":\"MUG-RED\",\"quantity\":1}]}",
            "{\"type\":\"order\",\"id\":\"" + CANCELLED_ORDER + "\",\"status\":\"cancelled\",\"lines\":[{\"sku\":\"MUG-RED\",\"quantity\":1}]}");

    @TempDir
    Path dir;

    private StationHarness station;

    @BeforeEach
    void start() {
        station = StationHarness.start(dir, CATALOG);
    }

    @AfterEach
    void stop() {
        station.close();
    }

    private void lockWithAWrongItem() {
        station.scan(ORDER);
        station.scan(MUG);
        station.scan(RED_MUG);
        assertThat(station.view().lastVerdict().orElseThrow().verdict()).isEqualTo(Verdict.WRONG_ITEM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UNKNOWN-CODE-77", "PCK-UNDO", "PCK-SHORT", OTHER_ORDER, "PCK-LOGOUT", "PCK-CLEARX"})
    void aStrayScanWhileLockedMayFlashButRedAndTheBuzzerAreBackWithin300Ms(String stray) {
        lockWithAWrongItem();

        station.scan(stray);
        station.advanceMillis(300);

        assertThat(station.view().lock()).as("the screen says locked").isPresent();
        assertThat(station.tower.litOutputs()).containsExactly(RED, BUZZER);
    }

    @Test
    void anUnreadableFrameWhileLockedLeavesRedAndTheBuzzerOn() {
        lockWithAWrongItem();

        station.garble();
        boolean redDuringTheFlash = station.tower.isLit(RED);
        station.advanceMillis(300);

        assertThat(redDuringTheFlash).isTrue();
        assertThat(station.tower.litOutputs()).containsExactly(RED, BUZZER);
    }

    @Test
    void onlyTheAcknowledgeButtonSilencesTheBuzzerAndRedHoldsUntilCleared() {
        lockWithAWrongItem();
        station.scan("UNKNOWN-CODE-77");
        station.scan("PCK-UNDO");
        station.garble();
        station.advanceMillis(60_000);
        List<Output> beforeTheButton = station.tower.litOutputs();

        station.pressButton();
        station.scan("UNKNOWN-CODE-77");
        station.advanceMillis(300);
        List<Output> afterTheButton = station.tower.litOutputs();
        station.scan("PCK-CLEAR");
        station.advanceMillis(1000);

        assertThat(beforeTheButton).containsExactly(RED, BUZZER);
        assertThat(afterTheButton).containsExactly(RED);
        assertThat(station.tower.litOutputs()).isEmpty();
        assertThat(station.tower.lines()).last().isEqualTo(Stations.GREEN);
    }

    @Test
    void anItemScannedIntoTheLockedBoxSoundsTheSilencedBuzzerAgainAndAtTheHandheld() {
        lockWithAWrongItem();
        station.pressButton();
        int badScansBefore = station.badScans();

        station.scan(MUG);
        station.advanceMillis(300);

        assertThat(station.view().lastVerdict().orElseThrow().verdict()).isEqualTo(Verdict.LOCKED);
        assertThat(station.tower.litOutputs()).containsExactly(RED, BUZZER);
        assertThat(station.badScans()).isEqualTo(badScansBefore + 1);
    }

    @Test
    void aStrayScanWhileLockedPrintsTheLockOnItsLightsLine() {
        lockWithAWrongItem();

        station.scan("UNKNOWN-CODE-77");

        assertThat(station.tower.lines()).last().isEqualTo("LIGHTS green=off amber=on red=on buzzer=on");
    }

    @Test
    void aCancelledOrderScannedToOpenIsRefusedInAmberNotRed() {
        station.scan(CANCELLED_ORDER);
        station.advanceMillis(1000);

        assertThat(station.view().lastVerdict().orElseThrow().verdict()).isEqualTo(Verdict.ORDER_BLOCKED);
        assertThat(station.view().lock()).isEmpty();
        assertThat(station.tower.litOutputs()).containsExactly(AMBER);
        assertThat(station.badScans()).isEqualTo(1);
    }

    @Test
    void aRestartedStationShowsTheStoredLockWithItsBuzzer() {
        lockWithAWrongItem();
        station.close();

        station = StationHarness.start(dir, List.of());
        station.advanceMillis(1000);

        assertThat(station.tower.lines()).containsExactly(Stations.LIGHT_OFF, Stations.RED);
        assertThat(station.tower.litOutputs()).containsExactly(RED, BUZZER);
        assertThat(station.view().lock()).isPresent();
    }

    @Test
    void aNewVersionOfTheOrderThatKeepsTheLockLeavesASilencedBuzzerSilent() {
        lockWithAWrongItem();
        station.pressButton();

        station.station.orderChanged(order(2, OrderStatus.IN_PROGRESS, 3));
        station.advanceMillis(300);

        assertThat(station.view().lock()).isPresent();
        assertThat(station.tower.litOutputs()).containsExactly(RED);
    }

    @Test
    void theHubCancellingTheLockedOrderIsANewReasonAndSoundsTheBuzzerAgain() {
        lockWithAWrongItem();
        station.pressButton();

        station.station.orderChanged(order(2, OrderStatus.CANCELLED, 2));
        station.advanceMillis(300);

        assertThat(station.view().lastVerdict().orElseThrow().verdict()).isEqualTo(Verdict.ORDER_BLOCKED);
        assertThat(station.tower.litOutputs()).containsExactly(RED, BUZZER);
    }

    private static Order order(long version, OrderStatus status, int mugs) {
        return new Order(ORDER, version, List.of(new OrderLine("MUG-BLUE", mugs)), Optional.empty(), 0, status,
                Optional.empty());
    }

    @Test
    void theOrderCompleteStaysGreen() {
        station.scan(ORDER);
        station.scan(MUG);
        station.scan(MUG);
        station.advanceMillis(5000);

        assertThat(station.view().lastVerdict().orElseThrow().verdict()).isEqualTo(Verdict.ORDER_COMPLETE);
        assertThat(station.tower.litOutputs()).containsExactly(GREEN);
    }
}
