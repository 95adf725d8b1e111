package io.packcheck.simulator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.barcode.ScanParse;
import io.packcheck.core.barcode.ScanParser;
import io.packcheck.core.label.Carrier;
import io.packcheck.core.label.ShippingLabel;
import io.packcheck.core.label.ShippingLabels;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabelsTest {

    private final ScanParser parser = new ScanParser(Clock.systemUTC());

    @Test
    void computesUpsCheckDigitOfThePublishedExample() {
        assertThat(Labels.ups("999AA1", "01", 2345678)).isEqualTo("1Z999AA10123456784");
    }

    @Test
    void everyLabelPrintedIsAUpsLabelTheStationRecognisesAndNoneRepeats() {
        Labels printer = new Labels("S12-");
        List<String> printed = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            printed.add(printer.next());
        }

        assertThat(printed).doesNotHaveDuplicates().allSatisfy(number -> {
            ScanParse parse = parser.parse(Scans.label(number));
            assertThat(parse).isInstanceOf(ScanParse.Parsed.class);
            Optional<ShippingLabel> label = ShippingLabels.standard().recognise(((ScanParse.Parsed) parse).scan());
            assertThat(label).as(number).hasValueSatisfying(l -> {
                assertThat(l.carrier()).isEqualTo(Carrier.UPS);
                assertThat(l.trackingNumber()).isEqualTo(number);
            });
        });
        assertThat(printed.get(0)).startsWith("1ZS12XXX03");
    }

    @Test
    void stationsPrintDifferentLabels() {
        assertThat(new Labels("S1-").next()).isNotEqualTo(new Labels("S10-").next());
    }
}
