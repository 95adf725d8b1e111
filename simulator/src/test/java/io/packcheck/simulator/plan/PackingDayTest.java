package io.packcheck.simulator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.barcode.ScanParse;
import io.packcheck.core.barcode.ScanParser;
import io.packcheck.core.verify.Verdict;
import io.packcheck.simulator.plan.Step.Scan;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PackingDayTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final SampleCatalog SAMPLE = SampleCatalog.generate(200, 3, 1);
    private final SampleCatalog catalog = SAMPLE;

    @ParameterizedTest
    @EnumSource(value = Injection.class, names = {"WRONG_ITEM", "ONE_TOO_MANY", "EXPIRED_LOT", "DUPLICATE_SERIAL"})
    void everyInjectedErrorComesOnceBeforeTheOrderCompletesAndIsClearedAfter(Injection injection) {
        for (long seed = 0; seed < 40; seed++) {
            PackingDay day = new PackingDay(catalog, seed, TODAY, Instant.EPOCH, "T-");

            OrderPlan plan = day.order("SO-1", Optional.of(injection));
            List<Scan> scans = scans(plan);

            List<Scan> injected = scans.stream().filter(s -> s.injected().isPresent()).toList();
            assertThat(injected).as("seed %d", seed).hasSize(1);
            int at = scans.indexOf(injected.get(0));
            assertThat(scans.get(at + 1).raw()).isEqualTo("]A0PCK-CLEAR");
            assertEndsComplete(plan);
            assertThat(at).isLessThan(scans.size() - 1);
        }
    }

    @Test
    void aStrayScanWhileLockedComesBetweenTheWrongItemAndItsClear() {
        for (long seed = 0; seed < 40; seed++) {
            PackingDay day = new PackingDay(catalog, seed, TODAY, Instant.EPOCH, "T-");

            OrderPlan plan = day.order("SO-1", Optional.of(Injection.STRAY_SCAN_WHILE_LOCKED));
            List<Scan> scans = scans(plan);

            int stray = indexOf(scans, Injection.STRAY_SCAN_WHILE_LOCKED);
            assertThat(scans.get(stray).expected()).contains(Verdict.LOCKED);
            assertThat(scans.get(stray - 1).expected()).as("seed %d", seed).contains(Verdict.WRONG_ITEM);
            assertThat(scans.get(stray + 1).raw()).isEqualTo("]A0PCK-CLEAR");
            assertEndsComplete(plan);
        }
    }

    @Test
    void aDatedUnitWithoutItsDateWaitsAndItsGs1CodeThenCountsIt() {
        for (long seed = 0; seed < 40; seed++) {
            PackingDay day = new PackingDay(catalog, seed, TODAY, Instant.EPOCH, "T-");

            OrderPlan plan = day.order("SO-1", Optional.of(Injection.DATED_WITHOUT_DATE));
            List<Scan> scans = scans(plan);

            int plain = indexOf(scans, Injection.DATED_WITHOUT_DATE);
            String gtin13 = scans.get(plain).raw().substring(3);
            assertThat(scans.get(plain).raw()).startsWith("]E0");
            assertThat(scans.get(plain).expected()).contains(Verdict.DATA_REQUIRED);
            assertThat(scans.get(plain + 1).correctItem()).as("seed %d", seed).isTrue();
            assertThat(scans.get(plain + 1).raw()).startsWith("]d201" + "0" + gtin13);
            assertEndsComplete(plan);
        }
    }

    @Test
    void aReusedSerialIsOneThisStationPackedInAnEarlierOrder() {
        PackingDay day = new PackingDay(catalog, 3, TODAY, Instant.EPOCH, "T-");

        OrderPlan first = day.order("SO-1", Optional.of(Injection.REUSED_SERIAL));
        OrderPlan serials = day.order("SO-2", Optional.of(Injection.DUPLICATE_SERIAL));
        OrderPlan reuse = day.order("SO-3", Optional.of(Injection.REUSED_SERIAL));

        assertThat(first.injection()).as("nothing packed yet to reuse").isEmpty();
        List<Scan> scans = scans(reuse);
        int reused = indexOf(scans, Injection.REUSED_SERIAL);
        assertThat(scans.get(reused).expected()).contains(Verdict.DUPLICATE_SERIAL);
        assertThat(scans(serials)).filteredOn(Scan::correctItem).extracting(Scan::raw).contains(scans.get(reused).raw());
        assertThat(scans.get(reused + 1).raw()).isEqualTo("]A0PCK-CLEAR");
    }

    @Test
    void aSecondStationTriesTheOrderAndOpsTriesAnItemWithOneOfItsBarcodes() {
        PackingDay day = new PackingDay(catalog, 5, TODAY, Instant.EPOCH, "T-");

        OrderPlan second = day.order("SO-7", Optional.of(Injection.SECOND_STATION));
        OrderPlan clash = day.order("SO-8", Optional.of(Injection.DUPLICATED_BARCODE));

        assertThat(second.steps()).contains(new Step.OpenAtAnotherStation("SO-7", "]C0SO-7"));
        assertThat(second.steps().indexOf(new Step.OpenAtAnotherStation("SO-7", "]C0SO-7"))).isGreaterThan(1);
        Step.PutItemWithTakenBarcode put = clash.steps().stream().filter(Step.PutItemWithTakenBarcode.class::isInstance)
                .map(Step.PutItemWithTakenBarcode.class::cast).findFirst().orElseThrow();
        assertThat(clash.lines()).containsKey(put.owner());
        assertThat(catalog.items()).anySatisfy(item -> {
            assertThat(item.sku()).isEqualTo(put.owner());
            assertThat(item.ean13()).isEqualTo(put.barcode());
        });
    }

    @Test
    void aLabelSwapScansTheNextOrdersLabelThenClearsAndScansItsOwn() {
        for (long seed = 0; seed < 40; seed++) {
            PackingDay day = new PackingDay(catalog, seed, TODAY, Instant.EPOCH, "T-");

            OrderPlan plan = day.order("SO-1", Optional.of(Injection.LABEL_SWAP));
            OrderPlan next = day.order("SO-2", Optional.empty());

            List<Scan> scans = scans(plan);
            int swap = indexOf(scans, Injection.LABEL_SWAP);
            assertThat(plan.labels()).as("seed %d", seed).hasSize(1);
            String own = Scans.label(plan.labels().get(0));
            assertThat(scans.get(swap).expected()).contains(Verdict.LABEL_MISMATCH);
            assertThat(scans.get(swap).raw()).isNotEqualTo(own);
            assertThat(scans(next)).extracting(Scan::raw).as("the next order's label").contains(scans.get(swap).raw());
            assertThat(scans.get(swap + 1).raw()).isEqualTo("]A0PCK-CLEAR");
            assertThat(scans.get(swap + 2)).isEqualTo(Scan.expect(own, Verdict.WEIGHING, "label " + plan.labels().get(0)));
            assertThat(weighings(plan.steps())).singleElement().satisfies(w -> {
                assertThat(w.raw()).isEqualTo(own);
                assertThat(w.expected()).contains(Verdict.ORDER_COMPLETE);
            });
        }
    }

    @Test
    void anUnscannedUnitMakesTheParcelHeavyByItsOwnWeightAndComesOutWhenCaught() {
        for (long seed = 0; seed < 40; seed++) {
            PackingDay day = new PackingDay(catalog, seed, TODAY, Instant.EPOCH, "T-");

            OrderPlan plan = day.order("SO-1", Optional.of(Injection.UNSCANNED_ITEM));

            List<Step.Load> loads = loads(plan.steps());
            Step.Load extra = loads.stream().filter(l -> l.what().contains("without a scan")).findFirst().orElseThrow();
            double unit = extra.grams() - loads.get(loads.indexOf(extra) - 1).grams();
            Step.Weighed weighed = injectedWeighing(plan, Injection.UNSCANNED_ITEM);
            assertThat(weighed.error().orElseThrow().grams()).as("seed %d", seed)
                    .isCloseTo(unit, org.assertj.core.data.Offset.offset(0.001)).isGreaterThan(38);
            assertCaughtThenFixed(plan, weighed, closingLoad(plan) - unit);
        }
    }

    @Test
    void aUnitLeftOutMakesTheParcelLightByItsOwnWeightAndGoesInWhenCaught() {
        for (long seed = 0; seed < 40; seed++) {
            PackingDay day = new PackingDay(catalog, seed, TODAY, Instant.EPOCH, "T-");

            OrderPlan plan = day.order("SO-1", Optional.of(Injection.LEFT_OUT));

            long counted = scans(plan).stream().filter(Scan::correctItem).count();
            long put = loads(plan.steps()).stream().filter(l -> l.what().startsWith("put ")).count();
            assertThat(put).as("seed %d: one scan puts nothing in", seed).isEqualTo(counted - 1);
            Step.Weighed weighed = injectedWeighing(plan, Injection.LEFT_OUT);
            double missing = -weighed.error().orElseThrow().grams();
            assertThat(missing).isGreaterThan(38);
            assertCaughtThenFixed(plan, weighed, closingLoad(plan) + missing);
        }
    }

    @Test
    void aWrongBoxIsTheBoxTypeOfTheFarthestTareAndIsRepackedWhenCaught() {
        for (long seed = 0; seed < 40; seed++) {
            PackingDay day = new PackingDay(catalog, seed, TODAY, Instant.EPOCH, "T-");

            OrderPlan plan = day.order("SO-1", Optional.of(Injection.WRONG_BOX));

            String scanned = scans(plan).get(1).raw().substring("]A0PCK-BOX-".length());
            double scannedTare = tare(scanned);
            double usedTare = loads(plan.steps()).get(0).grams();
            Step.Weighed weighed = injectedWeighing(plan, Injection.WRONG_BOX);
            assertThat(weighed.error().orElseThrow().grams()).as("seed %d", seed).isEqualTo(usedTare - scannedTare);
            assertThat(Math.abs(usedTare - scannedTare)).isGreaterThanOrEqualTo(240);
            assertCaughtThenFixed(plan, weighed, closingLoad(plan) - usedTare + scannedTare);
        }
    }

    @Test
    void theScaleCarriesTheBoxAndEveryUnitAtItsTrueWeightWithinThreePercent() {
        for (long seed = 0; seed < 40; seed++) {
            PackingDay day = new PackingDay(catalog, seed, TODAY, Instant.EPOCH, "T-");

            OrderPlan plan = day.order("SO-1", Optional.empty());

            double items = plan.lines().entrySet().stream()
                    .mapToDouble(l -> item(l.getKey()).weightGrams() * l.getValue()).sum();
            double tare = tare(scans(plan).get(1).raw().substring("]A0PCK-BOX-".length()));
            assertThat(loads(plan.steps()).get(0).grams()).isEqualTo(tare);
            assertThat(closingLoad(plan) - tare).as("seed %d", seed).isBetween(items * 0.97, items * 1.03);
            assertThat(weighings(plan.steps())).singleElement()
                    .satisfies(w -> assertThat(w.expected()).contains(Verdict.ORDER_COMPLETE));
        }
    }

    @Test
    void withoutListedLabelsEveryParcelGetsAPrintedLabelFirstAndNoLabelIsSwapped() {
        PackingDay day = new PackingDay(catalog, 4, TODAY, Instant.EPOCH, "T-", false);

        OrderPlan plan = day.order("SO-1", Optional.of(Injection.LABEL_SWAP));

        assertThat(plan.labels()).isEmpty();
        assertThat(plan.injection()).isEmpty();
        assertThat(scans(plan).get(2).expected()).contains(Verdict.LABEL_SCANNED);
    }

    private static void assertCaughtThenFixed(OrderPlan plan, Step.Weighed weighed, double fixedLoad) {
        assertThat(weighed.expected()).contains(Verdict.WEIGHT_MISMATCH);
        assertThat(weighed.ifCaught()).hasSize(3);
        assertThat(weighed.ifCaught().get(0)).isInstanceOfSatisfying(Step.Load.class,
                l -> assertThat(l.grams()).isCloseTo(fixedLoad, org.assertj.core.data.Offset.offset(0.001)));
        assertThat(weighed.ifCaught().get(1)).isInstanceOfSatisfying(Scan.class, s -> {
            assertThat(s.raw()).isEqualTo("]A0PCK-CLEAR");
            assertThat(s.expected()).contains(Verdict.WEIGHING);
        });
        assertThat(weighed.ifCaught().get(2)).isEqualTo(Step.Weighed.expect(weighed.raw(), Verdict.ORDER_COMPLETE,
                "parcel weighed again"));
        double expected = plan.lines().entrySet().stream().mapToDouble(l -> SAMPLE.items().stream()
                .filter(i -> i.sku().equals(l.getKey())).findFirst().orElseThrow().weightGrams() * l.getValue()).sum()
                + tare(scans(plan).get(1).raw().substring("]A0PCK-BOX-".length()));
        assertThat(weighed.error().orElseThrow().parcelGrams()).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.001));
    }

    private static Step.Weighed injectedWeighing(OrderPlan plan, Injection injection) {
        List<Step.Weighed> injected = weighings(plan.steps()).stream()
                .filter(w -> w.injected().equals(Optional.of(injection))).toList();
        assertThat(injected).hasSize(1);
        assertThat(plan.steps()).filteredOn(Scan.class::isInstance).map(Scan.class::cast)
                .noneMatch(s -> s.injected().isPresent());
        return injected.get(0);
    }

    /** What the scale carries when the parcel is weighed: the last load before the (first) weighing. */
    private static double closingLoad(OrderPlan plan) {
        List<Step> steps = plan.steps();
        int weighing = steps.indexOf(weighings(steps).get(0));
        return loads(steps.subList(0, weighing)).get(loads(steps.subList(0, weighing)).size() - 1).grams();
    }

    private static List<Step.Load> loads(List<Step> steps) {
        return steps.stream().filter(Step.Load.class::isInstance).map(Step.Load.class::cast).toList();
    }

    private static double tare(String box) {
        return SAMPLE.boxes().stream().filter(b -> b.code().equals(box)).findFirst().orElseThrow().tareGrams();
    }

    private SampleItem item(String sku) {
        return catalog.items().stream().filter(i -> i.sku().equals(sku)).findFirst().orElseThrow();
    }

    private static int indexOf(List<Scan> scans, Injection injection) {
        List<Scan> injected = scans.stream().filter(s -> s.injected().equals(Optional.of(injection))).toList();
        assertThat(injected).hasSize(1);
        return scans.indexOf(injected.get(0));
    }

    @Test
    void aCancelComesFromTheHubAfterTheFirstItemAndThePackerPutsEverythingBack() {
        PackingDay day = new PackingDay(catalog, 5, TODAY, Instant.EPOCH, "T-");

        List<Step> steps = day.order("SO-9", Optional.of(Injection.CANCEL_DURING_PACKING)).steps();

        int cancel = steps.indexOf(new Step.CancelAtHub("SO-9"));
        assertThat(steps.subList(0, cancel)).filteredOn(Scan.class::isInstance).map(Scan.class::cast)
                .filteredOn(Scan::correctItem).hasSize(1);
        assertThat(steps.get(cancel - 1)).isInstanceOfSatisfying(Scan.class, s -> assertThat(s.correctItem()).isTrue());
        assertThat(((Scan) steps.get(cancel + 1)).raw()).isEqualTo("]A0PCK-CANCEL");
        assertThat(steps.get(cancel + 2)).isEqualTo(new Step.Load(0, "parcel off the scale"));
        assertThat(steps).hasSize(cancel + 3).noneMatch(Step.Weighed.class::isInstance);
    }

    @Test
    void aCorrectOrderCountsEveryUnitOfEveryLineAndEndsComplete() {
        for (long seed = 0; seed < 40; seed++) {
            PackingDay day = new PackingDay(catalog, seed, TODAY, Instant.EPOCH, "T-");

            OrderPlan plan = day.order("SO-2", Optional.empty());

            List<Scan> scans = scans(plan);
            assertThat(scans.get(0).expected()).contains(Verdict.ORDER_OPENED);
            assertThat(scans.get(1).raw()).startsWith("]A0PCK-BOX-");
            assertThat(scans).filteredOn(s -> s.expected().filter(Verdict::isMismatch).isPresent()).isEmpty();
            // a listed label closes the parcel once all is in; a label printed here is scanned first, and again to close
            boolean listed = !plan.labels().isEmpty();
            assertThat(scans.stream().filter(s -> s.expected().equals(Optional.of(Verdict.LINE_COMPLETE))))
                    .hasSize(plan.lines().size());
            assertThat(scans).filteredOn(s -> s.expected().equals(Optional.of(Verdict.LABEL_SCANNED))).hasSize(listed ? 0 : 1);
            Scan closing = scans.get(scans.size() - 1);
            assertThat(closing.expected()).contains(Verdict.WEIGHING);
            assertThat(closing.raw()).startsWith("]C01Z");
            assertThat(weighings(plan.steps())).singleElement().satisfies(w -> assertThat(w.raw()).isEqualTo(closing.raw()));
            assertEndsComplete(plan);
        }
    }

    @Test
    void everyScanIsReadableByTheStationParser() {
        ScanParser parser = new ScanParser(Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        for (Injection injection : Injection.values()) {
            PackingDay day = new PackingDay(catalog, injection.ordinal(), TODAY, Instant.EPOCH, "T-");

            List<Scan> scans = scans(day.order("SO-3", Optional.of(injection)));

            assertThat(scans).allSatisfy(s -> assertThat(parser.parse(s.raw())).isInstanceOf(ScanParse.Parsed.class));
        }
    }

    @Test
    void injectionsTakeEachKindInTurnForTheInjectedShare() {
        java.util.Random always = new java.util.Random(1);

        List<Optional<Injection>> first = java.util.stream.IntStream.rangeClosed(1, 5)
                .mapToObj(n -> PackingDay.injectionFor(n, 1.0, always)).toList();

        assertThat(first).containsExactly(Optional.of(Injection.WRONG_ITEM), Optional.of(Injection.ONE_TOO_MANY),
                Optional.of(Injection.EXPIRED_LOT), Optional.of(Injection.DUPLICATE_SERIAL),
                Optional.of(Injection.CANCEL_DURING_PACKING));
        assertThat(PackingDay.injectionFor(1, 0.0, always)).isEmpty();
    }

    /** The scale's reading completes the order, and the packer takes the parcel off the scale. */
    private static void assertEndsComplete(OrderPlan plan) {
        List<Step> steps = plan.steps();
        assertThat(steps.get(steps.size() - 1)).isEqualTo(new Step.Load(0, "parcel off the scale"));
        Step.Weighed last = weighings(steps).get(weighings(steps).size() - 1);
        Step.Weighed done = last.ifCaught().isEmpty() ? last : (Step.Weighed) last.ifCaught().get(last.ifCaught().size() - 1);
        assertThat(done.expected()).contains(Verdict.ORDER_COMPLETE);
    }

    private static List<Step.Weighed> weighings(List<Step> steps) {
        return steps.stream().filter(Step.Weighed.class::isInstance).map(Step.Weighed.class::cast).toList();
    }

    private static List<Scan> scans(OrderPlan plan) {
        return plan.steps().stream().filter(Scan.class::isInstance).map(Scan.class::cast).toList();
    }
}
