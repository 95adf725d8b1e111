package io.packcheck.station.runtime;

import static io.packcheck.station.runtime.Stations.MUG;
import static io.packcheck.station.runtime.Stations.ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.label.ShippingLabels;
import io.packcheck.core.verify.PackEvent;
import io.packcheck.core.verify.ParcelPolicy;
import io.packcheck.core.verify.ScaleReading;
import io.packcheck.core.verify.Verdict;
import io.packcheck.station.lights.Output;
import io.packcheck.station.store.OutboxEntry;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parcels through the whole station: labels, the scale read off the station thread, the lights and the outbox. */
class StationParcelTest {

    static final String UPS = "1Z999AA10123456784";
    static final List<String> CATALOG = List.of(
            "{\"type\":\"item\",\"sku\":\"MUG-BLUE\",\"name\":\"Blue Mug\",\"weightGrams\":360,"
                    + "\"barcodes\":[{\"code\":\"" + MUG + "\",\"quantity\":1}]}",
            "{\"type\":\"box\",\"code\":\"M\",\"name\":\"Medium box\",\"tareGrams\":230}",
            "{\"type\":\"order\",\"id\":\"" + ORDER + "\",\"labels\":[\"" + UPS + "\"],"
                    + "\"lines\":[{\"sku\":\"MUG-BLUE\",\"quantity\":2}]}");

    @TempDir
    Path dir;

    private final Deque<ScaleReading> readings = new ArrayDeque<>();
    private StationHarness station;

    @AfterEach
    void stop() {
        station.close();
    }

    private void start() {
        ParcelPolicy policy = new ParcelPolicy(true, false, 0, 20, 5, ShippingLabels.standard());
        station = StationHarness.withScale(dir, CATALOG, policy, () -> readings.isEmpty()
                ? new ScaleReading.NotReady("the scale does not answer") : readings.poll());
    }

    private Verdict lastVerdict() {
        return station.view().lastVerdict().orElseThrow().verdict();
    }

    private List<PackEvent> events() {
        return station.outbox.oldestUnconfirmed(100).stream().map(OutboxEntry::event).toList();
    }

    @Test
    void theLabelClosesTheParcelTheScaleConfirmsItAndTheOrderCompletesGreen() {
        start();
        readings.add(new ScaleReading.Settled(950));
        station.scan(ORDER);
        station.scan("PCK-BOX-M");
        station.scan(MUG);
        station.scan(MUG);

        station.scan(UPS);

        assertThat(lastVerdict()).isEqualTo(Verdict.ORDER_COMPLETE);
        assertThat(station.tower.isLit(Output.GREEN)).isTrue();
        PackEvent closed = events().stream().filter(e -> e.kind() == PackEvent.EventKind.PARCEL_CLOSED).findFirst().orElseThrow();
        PackEvent.Parcel parcel = closed.parcel().orElseThrow();
        assertThat(parcel.label()).contains(UPS);
        assertThat(parcel.box()).contains("M");
        assertThat(parcel.weightGrams()).contains(950.0);
        assertThat(parcel.expectedGrams()).contains(950.0);
        assertThat(station.storedSession().orElseThrow().order()).isEmpty();
    }

    @Test
    void aHeavyParcelLocksRedUntilClearedAndTheScaleAgrees() {
        start();
        readings.add(new ScaleReading.Settled(1085));
        station.scan(ORDER);
        station.scan(MUG);
        station.scan(MUG);

        station.scan(UPS);

        assertThat(lastVerdict()).isEqualTo(Verdict.WEIGHT_MISMATCH);
        assertThat(station.view().lock()).isPresent();
        assertThat(station.tower.isLit(Output.RED)).isTrue();
        assertThat(station.view().lastVerdict().orElseThrow().reason())
                .isEqualTo("Wrong weight: parcel 1 should weigh 720 g +/- 36, it weighs 1,085 g: one Blue Mug too many?"
                        + " - check the box, then scan CLEAR to weigh it again");

        readings.add(new ScaleReading.Settled(722));
        station.scan("PCK-CLEAR");

        assertThat(lastVerdict()).isEqualTo(Verdict.ORDER_COMPLETE);
        assertThat(station.tower.isLit(Output.RED)).isFalse();
    }

    @Test
    void aScaleThatDoesNotAnswerShowsAmberAndTheParcelStaysOpenAcrossARestart() {
        start();
        station.scan(ORDER);
        station.scan(MUG);
        station.scan(MUG);

        station.scan(UPS);

        assertThat(lastVerdict()).isEqualTo(Verdict.SCALE_NOT_READY);
        assertThat(station.tower.isLit(Output.AMBER)).isTrue();
        assertThat(station.view().lock()).isEmpty();
        assertThat(station.storedSession().orElseThrow().weighing()).isTrue();
        assertThat(station.view().order().orElseThrow().parcel()).map(p -> p.words())
                .contains("Parcel 1 - label " + UPS + " - closed, on the scale");

        station.close();
        readings.add(new ScaleReading.Settled(720));
        start();

        assertThat(station.storedSession().orElseThrow().order()).isEmpty();
        assertThat(events()).extracting(PackEvent::kind).contains(PackEvent.EventKind.PARCEL_CLOSED,
                PackEvent.EventKind.ORDER_COMPLETED);
    }

    @Test
    void anotherOrdersLabelLocksRedAndIsNotCounted() {
        start();
        station.scan(ORDER);
        station.scan(MUG);

        station.scan("1Z999AA10123456793");

        assertThat(lastVerdict()).isEqualTo(Verdict.LABEL_MISMATCH);
        assertThat(station.tower.isLit(Output.RED)).isTrue();
        assertThat(station.storedSession().orElseThrow().parcels()).isEmpty();
        assertThat(Optional.of(station.storedSession().orElseThrow().verified("MUG-BLUE"))).contains(1);
    }
}
