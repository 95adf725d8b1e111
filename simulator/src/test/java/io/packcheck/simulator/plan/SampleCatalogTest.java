package io.packcheck.simulator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.barcode.Gtin;
import io.packcheck.simulator.plan.SampleItem.Tracking;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleCatalogTest {

    private final SampleCatalog catalog = SampleCatalog.generate(200, 3, 42);

    @Test
    void hasAboutTwoHundredItemsWithValidUniqueBarcodes() {
        List<String> codes = catalog.items().stream()
                .flatMap(i -> java.util.stream.Stream.concat(java.util.stream.Stream.of(i.ean13()),
                        i.casePack().stream().map(SampleItem.CasePack::gtin14)))
                .toList();

        assertThat(catalog.items()).hasSizeBetween(190, 210);
        assertThat(codes).doesNotHaveDuplicates();
        assertThat(codes).allSatisfy(c -> assertThat(Gtin.parse(c)).isInstanceOf(Gtin.Result.Valid.class));
    }

    @Test
    void mixesPlainLotTrackedSerialisedAndCasePackedItems() {
        assertThat(catalog.items(Tracking.LOT)).isNotEmpty().allSatisfy(i -> assertThat(i.minShelfLifeDays()).isPositive());
        assertThat(catalog.items(Tracking.SERIAL)).isNotEmpty();
        assertThat(catalog.items()).filteredOn(i -> i.casePack().isPresent()).isNotEmpty();
        assertThat(catalog.items().get(0).body().getBoolean("lotTracked")).isFalse();
    }

    @Test
    void everyItemHasARealisticWeightAndTheBoxesDifferInTare() {
        assertThat(catalog.items()).allSatisfy(i -> {
            assertThat(i.weightGrams()).isBetween(40.0, 2000.0);
            assertThat(i.body().getDouble("weightGrams")).isEqualTo(i.weightGrams());
        });
        assertThat(catalog.boxes()).extracting(SampleBox::code).containsExactly("S", "M", "L");
        assertThat(catalog.boxes()).extracting(SampleBox::tareGrams).doesNotHaveDuplicates();
        assertThat(catalog.boxes().get(0).body().encode()).isEqualTo("{\"name\":\"Small box\",\"tareGrams\":150.0}");
    }

    @Test
    void hasOnePackerBadgePerStationAndASupervisor() {
        assertThat(catalog.badges()).extracting(b -> b.getString("role")).containsExactly("packer", "packer", "packer", "supervisor");
        assertThat(catalog.packerBadge(2)).isEqualTo("P002");
    }

    @Test
    void theSameSeedGivesTheSameCatalog() {
        assertThat(SampleCatalog.generate(200, 3, 42).items()).isEqualTo(catalog.items());
    }
}
