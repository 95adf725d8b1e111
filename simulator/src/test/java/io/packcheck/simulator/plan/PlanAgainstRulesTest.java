package io.packcheck.simulator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.barcode.Gtin;
import io.packcheck.core.barcode.ScanParser;
import io.packcheck.core.catalog.Badge;
import io.packcheck.core.catalog.Box;
import io.packcheck.core.catalog.Item;
import io.packcheck.core.catalog.ItemBarcode;
import io.packcheck.core.catalog.Order;
import io.packcheck.core.catalog.OrderLine;
import io.packcheck.core.catalog.OrderStatus;
import io.packcheck.core.verify.Catalog;
import io.packcheck.core.verify.ItemMatch;
import io.packcheck.core.verify.Outcome;
import io.packcheck.core.verify.PackRules;
import io.packcheck.core.label.ShippingLabels;
import io.packcheck.core.verify.PackSession;
import io.packcheck.core.verify.ParcelPolicy;
import io.packcheck.core.verify.ScaleReading;
import io.packcheck.core.verify.Verdict;
import io.packcheck.simulator.plan.SampleItem.Tracking;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The simulator's figures count a false alarm whenever a station's verdict differs from the one the plan
 * expects, so every plan must get exactly its expected verdicts from the real rules: played here through
 * pack-core's parser and rules against the sample catalog, for every kind of order over many seeds.
 */
class PlanAgainstRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final Instant NOW = TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC);

    private final SampleCatalog sample = SampleCatalog.generate(200, 3, 1);
    private final ScanParser parser = new ScanParser(Clock.fixed(NOW, ZoneOffset.UTC));
    // the simulated stations weigh every parcel on a scale, with the built-in tolerance of max(20 g, 5%)
    private final PackRules rules = new PackRules(ZoneOffset.UTC, false, false,
            new ParcelPolicy(true, false, 0, 20, 5, ShippingLabels.standard()));
    private final Random noise = new Random(3);

    @Test
    void everyPlannedScanGetsTheVerdictThePlanExpectsFromTheRealRules() {
        List<Optional<Injection>> kinds = new ArrayList<>();
        kinds.add(Optional.empty());
        for (Injection injection : Injection.values()) {
            kinds.add(Optional.of(injection));
        }
        int played = 0;
        for (long seed = 0; seed < 60; seed++) {
            for (Optional<Injection> injection : kinds) {
                PackingDay day = new PackingDay(sample, seed, TODAY, NOW, "T-");
                OrderPlan plan = day.order("SO-" + seed, injection);
                played += play(plan, "seed " + seed + " " + injection.map(Enum::name).orElse("no error"));
            }
        }
        assertThat(played).isGreaterThan(1_000);
    }

    @Test
    void aLotTrackedItemOrderedByTheCaseIsScannedWithItsLot() {
        SampleItem lotCase = sample.items(Tracking.LOT).stream().filter(i -> i.casePack().isPresent()).findFirst()
                .orElseThrow(() -> new AssertionError("the sample catalog has no lot-tracked case item"));
        SampleItem.CasePack pack = lotCase.casePack().orElseThrow();

        String label = Scans.lotCaseLabel(pack, TODAY.plusDays(400), "L260042");
        Outcome outcome = rules.scan(opened(lotCase.sku(), pack.quantity()), parser.parse(label), catalog(List.of()), NOW);

        assertThat(label).startsWith("]C101" + pack.gtin14() + "17").endsWith("10L260042");
        // the case is the whole order; with a scale the packer then closes the parcel by its label
        assertThat(outcome.verdict()).as(outcome.message()).isEqualTo(Verdict.LINE_COMPLETE);
    }

    /**
     * Plays the plan's scans, its loads on the scale (read with the scale's noise at both ends, +/-2 g) and a cancel at
     * the hub through the rules; returns how many verdicts it checked.
     */
    private int play(OrderPlan plan, String what) {
        Order order = order(plan, OrderStatus.OPEN);
        Player player = new Player(plan, catalog(List.of(order)), what);
        player.play(plan.steps());
        return player.checked;
    }

    private final class Player {
        private final OrderPlan plan;
        private final Catalog catalog;
        private final String what;
        private PackSession session = PackSession.idle("pack-01");
        private double load;
        private int checked;

        Player(OrderPlan plan, Catalog catalog, String what) {
            this.plan = plan;
            this.catalog = catalog;
            this.what = what;
        }

        void play(List<Step> steps) {
            for (Step step : steps) {
                if (step instanceof Step.CancelAtHub) {
                    Optional<Outcome> blocked = rules.orderChanged(session, order(plan, OrderStatus.CANCELLED), NOW);
                    assertThat(blocked).as(what + ": the cancel reaches the open order").isPresent();
                    session = blocked.get().session();
                } else if (step instanceof Step.Load l) {
                    load = l.grams();
                } else if (step instanceof Step.Weighed weighed) {
                    weigh(weighed);
                } else if (step instanceof Step.Scan scan) {
                    Outcome outcome = rules.scan(session, parser.parse(scan.raw()), catalog, NOW);
                    if (scan.expected().isPresent()) {
                        assertThat(outcome.verdict()).as("%s: %s (%s): %s", what, scan.what(), scan.raw(), outcome.message())
                                .isEqualTo(scan.expected().get());
                        checked++;
                    }
                    session = outcome.session();
                }
                // otherwise another station's scan, or ops at the hub: answered by the hub, not by this station's rules
            }
        }

        private void weigh(Step.Weighed weighed) {
            List<Outcome> readings = new ArrayList<>();
            for (double off : new double[] {-2, 2}) {
                readings.add(rules.weighed(session, new ScaleReading.Settled(load + off), catalog, NOW)
                        .orElseThrow(() -> new AssertionError(what + ": no parcel waits for the scale at " + weighed.what())));
            }
            for (Outcome reading : readings) {
                String as = what + ": " + weighed.what() + " at " + load + " g: " + reading.message();
                if (weighed.error().isEmpty()) {
                    assertThat(reading.verdict()).as(as).isEqualTo(weighed.expected().orElseThrow());
                } else if (weighed.error().get().required()) {
                    assertThat(reading.verdict()).as(as).isEqualTo(Verdict.WEIGHT_MISMATCH);
                } else {
                    assertThat(reading.verdict()).as(as).isIn(Verdict.WEIGHT_MISMATCH, Verdict.ORDER_COMPLETE);
                }
            }
            checked++;
            Outcome taken = readings.get(noise.nextInt(2));
            session = taken.session();
            if (taken.verdict() == Verdict.WEIGHT_MISMATCH) {
                play(weighed.ifCaught());
            }
        }
    }

    private PackSession opened(String sku, int quantity) {
        Order order = new Order("SO-CASE", 1, List.of(new OrderLine(sku, quantity)), Optional.empty(), 0,
                OrderStatus.OPEN, Optional.empty());
        Outcome open = rules.scan(PackSession.idle("pack-01"), parser.parse(Scans.orderSlip(order.id())),
                catalog(List.of(order)), NOW);
        return open.session();
    }

    private static Order order(OrderPlan plan, OrderStatus status) {
        List<OrderLine> lines = new ArrayList<>();
        plan.lines().forEach((sku, quantity) -> lines.add(new OrderLine(sku, quantity)));
        return new Order(plan.id(), status == OrderStatus.OPEN ? 1 : 2, lines, Optional.of(plan.shipBy()), 0, status,
                status == OrderStatus.OPEN ? Optional.empty() : Optional.of("customer called"), plan.labels());
    }

    private Catalog catalog(List<Order> orders) {
        Map<Gtin, ItemMatch> byGtin = new HashMap<>();
        Map<String, Item> items = new HashMap<>();
        for (SampleItem s : sample.items()) {
            List<ItemBarcode> barcodes = new ArrayList<>(List.of(new ItemBarcode(s.ean13(), 1)));
            s.casePack().ifPresent(c -> barcodes.add(new ItemBarcode(c.gtin14(), c.quantity())));
            Item item = new Item(s.sku(), s.name(), barcodes, s.tracking() == Tracking.SERIAL,
                    s.tracking() == Tracking.LOT, s.minShelfLifeDays(), Optional.of(s.weightGrams()), Optional.empty());
            items.put(s.sku(), item);
            for (ItemBarcode barcode : barcodes) {
                byGtin.put(Gtin.tryParse(barcode.code()).orElseThrow(), new ItemMatch(item, barcode.quantity()));
            }
        }
        return new Catalog() {
            @Override
            public Optional<Order> order(String idOrAlias) {
                return orders.stream().filter(o -> o.id().equals(idOrAlias)).findFirst();
            }

            @Override
            public Optional<ItemMatch> itemByGtin(Gtin gtin) {
                return Optional.ofNullable(byGtin.get(gtin));
            }

            @Override
            public Optional<ItemMatch> itemByCode(String code) {
                return Optional.empty();
            }

            @Override
            public Optional<Badge> badge(String code) {
                return Optional.empty();
            }

            @Override
            public Optional<Item> item(String sku) {
                return Optional.ofNullable(items.get(sku));
            }

            @Override
            public Optional<Box> box(String code) {
                return sample.boxes().stream().filter(b -> b.code().equals(code)).findFirst()
                        .map(b -> new Box(b.code(), b.name(), b.tareGrams(), 0, 0, 0));
            }

            @Override
            public Optional<String> orderOfLabel(String trackingNumber) {
                return orders.stream().filter(o -> o.labels().contains(trackingNumber)).map(Order::id).findFirst();
            }
        };
    }
}
