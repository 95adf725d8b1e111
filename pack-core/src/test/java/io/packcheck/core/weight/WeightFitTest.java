package io.packcheck.core.weight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WeightFitTest {

    static final Optional<String> M = Optional.of("M");
    static final Optional<String> DEFAULT_BOX = Optional.empty();

    /** Loose enough that a handful of exact parcels count as learned: these examples are about which weights, not how sure. */
    static final WeightFit LENIENT = new WeightFit(new WeightFit.Settings(0.02, 2.0, 20.0, 0.05));

    static WeighedParcel parcel(Optional<String> box, double grams, Object... skuThenCount) {
        Map<String, Integer> items = new java.util.TreeMap<>();
        for (int i = 0; i < skuThenCount.length; i += 2) {
            items.put((String) skuThenCount[i], (Integer) skuThenCount[i + 1]);
        }
        return new WeighedParcel(items, box, grams);
    }

    /** MUG 350 g, TEA 120 g, box M 180 g; never shipped alone. */
    static List<WeighedParcel> mixedMugAndTea() {
        return List.of(
                parcel(M, 650, "MUG", 1, "TEA", 1),
                parcel(M, 1000, "MUG", 2, "TEA", 1),
                parcel(M, 770, "MUG", 1, "TEA", 2),
                parcel(M, 1120, "MUG", 2, "TEA", 2),
                parcel(M, 1240, "MUG", 2, "TEA", 3),
                parcel(M, 1350, "MUG", 3, "TEA", 1));
    }

    @Test
    void learnsSkusThatOnlyEverShipMixedTogetherWithTheBoxTare() {
        WeightFitResult fit = LENIENT.fit(mixedMugAndTea());

        assertThat(fit.unit("MUG")).hasValueSatisfying(mug -> {
            assertThat(mug.grams()).isCloseTo(350, within(0.5));
            assertThat(mug.parcels()).isEqualTo(6);
        });
        assertThat(fit.unit("TEA")).hasValueSatisfying(tea -> assertThat(tea.grams()).isCloseTo(120, within(0.5)));
        assertThat(fit.tare(M)).hasValueSatisfying(box -> assertThat(box.grams()).isCloseTo(180, within(0.5)));
        assertThat(fit.outlierParcels()).isEmpty();
    }

    @Test
    void leavesOutAParcelWithAnExtraUnitInsteadOfBendingTheWeights() {
        List<WeighedParcel> parcels = new java.util.ArrayList<>(mixedMugAndTea());
        parcels.add(parcel(M, 650, "MUG", 1, "TEA", 1));
        parcels.add(parcel(M, 1000 + 350, "MUG", 2, "TEA", 1)); // a third mug went in, the station counted two

        WeightFitResult fit = LENIENT.fit(parcels);

        assertThat(fit.outlierParcels()).containsExactly(7);
        assertThat(fit.unit("MUG")).hasValueSatisfying(mug -> assertThat(mug.grams()).isCloseTo(350, within(0.5)));
        assertThat(fit.unit("TEA")).hasValueSatisfying(tea -> assertThat(tea.grams()).isCloseTo(120, within(0.5)));
    }

    @Test
    void skusThatAlwaysShipTogetherInTheSameProportionAreNotSplit() {
        List<WeighedParcel> parcels = List.of(
                parcel(M, 180 + 350, "MUG", 1),
                parcel(M, 180 + 700, "MUG", 2),
                parcel(M, 180 + 350 + 100 + 40, "MUG", 1, "CUP", 1, "LID", 1),
                parcel(M, 180 + 200 + 80, "CUP", 2, "LID", 2));

        WeightFitResult fit = LENIENT.fit(parcels);

        assertThat(fit.estimate(new Component.Unit("MUG"))).get().isNotInstanceOf(Estimate.Confounded.class);
        assertThat(fit.estimate(new Component.Unit("CUP"))).hasValueSatisfying(cup -> {
            assertThat(cup).isInstanceOf(Estimate.Confounded.class);
            assertThat(((Estimate.Confounded) cup).with()).containsExactly(new Component.Unit("LID"));
        });
        assertThat(fit.estimate(new Component.Unit("LID"))).containsInstanceOf(Estimate.Confounded.class);
    }

    @Test
    void aSkuThatAlwaysShipsAloneOneToTheDefaultBoxCannotBeToldFromTheBox() {
        List<WeighedParcel> parcels = List.of(
                parcel(DEFAULT_BOX, 500, "LAMP", 1),
                parcel(DEFAULT_BOX, 501, "LAMP", 1),
                parcel(DEFAULT_BOX, 499, "LAMP", 1));

        WeightFitResult fit = LENIENT.fit(parcels);

        assertThat(fit.estimates()).containsExactly(
                new Estimate.Confounded(new Component.Unit("LAMP"), 3, java.util.Set.of(new Component.Tare(DEFAULT_BOX))),
                new Estimate.Confounded(new Component.Tare(DEFAULT_BOX), 3, java.util.Set.of(new Component.Unit("LAMP"))));
    }

    @Test
    void aKnownWeightSeparatesSkusThatShipTogether() {
        List<WeighedParcel> parcels = List.of(
                parcel(M, 180 + 350 + 100, "MUG", 1, "CUP", 1),
                parcel(M, 180 + 700 + 200, "MUG", 2, "CUP", 2),
                parcel(M, 180 + 350 + 100, "MUG", 1, "CUP", 1),
                parcel(M, 180 + 1050 + 300, "MUG", 3, "CUP", 3));

        WeightFitResult alone = LENIENT.fit(parcels);
        WeightFitResult withCatalogue = LENIENT.fit(parcels, Map.of(new Component.Unit("CUP"), 100.0));

        assertThat(alone.estimate(new Component.Unit("MUG"))).containsInstanceOf(Estimate.Confounded.class);
        assertThat(withCatalogue.estimate(new Component.Unit("MUG"))).hasValueSatisfying(mug ->
                assertThat(mug).isInstanceOfSatisfying(Estimate.Imprecise.class, m -> assertThat(m.grams()).isCloseTo(350, within(0.5))));
        assertThat(withCatalogue.estimate(new Component.Unit("CUP"))).isEmpty();
    }

    @Test
    void aWeightRestingOnASingleParcelIsNotYetLearned() {
        List<WeighedParcel> parcels = new java.util.ArrayList<>(mixedMugAndTea());
        parcels.add(parcel(M, 180 + 350 + 900, "MUG", 1, "KETTLE", 1));

        WeightFitResult fit = LENIENT.fit(parcels);

        assertThat(fit.estimate(new Component.Unit("KETTLE"))).hasValueSatisfying(kettle -> {
            assertThat(kettle).isInstanceOf(Estimate.Imprecise.class);
            assertThat(((Estimate.Imprecise) kettle).grams()).isCloseTo(900, within(1.0));
        });
    }

    @Test
    void sixParcelsAreNotYetEnoughToUseAWeightThatVariesByThreePercent() {
        WeightFitResult fit = new WeightFit().fit(mixedMugAndTea());

        assertThat(fit.estimate(new Component.Unit("MUG"))).hasValueSatisfying(mug -> {
            assertThat(mug).isInstanceOf(Estimate.Imprecise.class);
            assertThat(((Estimate.Imprecise) mug).grams()).isCloseTo(350, within(0.5));
            assertThat(((Estimate.Imprecise) mug).standardErrorGrams()).isGreaterThan(350 * 0.0125);
        });
        assertThat(fit.allLearned()).isEmpty();
    }

    @Test
    void rejectsAParcelThatNamesTheFieldAndTheProblem() {
        assertThatThrownBy(() -> new WeighedParcel(Map.of("MUG", 0), M, 500))
                .hasMessageContaining("parcel items").hasMessageContaining("MUG");
        assertThatThrownBy(() -> new WeighedParcel(Map.of(), M, 500)).hasMessageContaining("parcel items");
        assertThatThrownBy(() -> new WeighedParcel(Map.of("MUG", 1), M, -3)).hasMessageContaining("parcel grams");
        assertThatThrownBy(() -> new WeighedParcel(Map.of("MUG", 1), Optional.of(" "), 500)).hasMessageContaining("parcel box");
    }
}
