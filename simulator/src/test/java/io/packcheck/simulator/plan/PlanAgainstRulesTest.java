package io.packcheck.simulator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.barcode.Gtin;
import io.packcheck.core.barcode.ScanParser;
import io.packcheck.core.catalog.Badge;
import io.packcheck.core.catalog.Item;
import io.packcheck.core.catalog.ItemBarcode;
import io.packcheck.core.catalog.Order;
import io.packcheck.core.catalog.OrderLine;
import io.packcheck.core.catalog.OrderStatus;
import io.packcheck.core.verify.Catalog;
import io.packcheck.core.verify.ItemMatch;
import io.packcheck.core.verify.Outcome;
import io.packcheck.core.verify.PackRules;
import io.packcheck.core.verify.PackSession;
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
    private final PackRules rules = new PackRules(ZoneOffset.UTC, false);

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
        assertThat(outcome.verdict()).as(outcome.message()).isEqualTo(io.packcheck.core.verify.Verdict.ORDER_COMPLETE);
    }

    /** Plays the plan's scans (and a cancel at the hub) through the rules; returns how many scans it checked. */
    private int play(OrderPlan plan, String what) {
        Order order = order(plan, OrderStatus.OPEN);
        Catalog catalog = catalog(List.of(order));
        PackSession session = PackSession.idle("pack-01");
        int checked = 0;
        for (Step step : plan.steps()) {
            if (step instanceof Step.CancelAtHub) {
                Optional<Outcome> blocked = rules.orderChanged(session, order(plan, OrderStatus.CANCELLED), NOW);
                assertThat(blocked).as(what + ": the cancel reaches the open order").isPresent();
                session = blocked.get().session();
                continue;
            }
            if (!(step instanceof Step.Scan scan)) {
                // another station's scan, or ops at the hub: answered by the hub, not by this station's rules
                continue;
            }
            Outcome outcome = rules.scan(session, parser.parse(scan.raw()), catalog, NOW);
            if (scan.expected().isPresent()) {
                assertThat(outcome.verdict()).as("%s: %s (%s): %s", what, scan.what(), scan.raw(), outcome.message())
                        .isEqualTo(scan.expected().get());
                checked++;
            }
            session = outcome.session();
        }
        return checked;
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
                status == OrderStatus.OPEN ? Optional.empty() : Optional.of("customer called"));
    }

    private Catalog catalog(List<Order> orders) {
        Map<Gtin, ItemMatch> byGtin = new HashMap<>();
        for (SampleItem s : sample.items()) {
            List<ItemBarcode> barcodes = new ArrayList<>(List.of(new ItemBarcode(s.ean13(), 1)));
            s.casePack().ifPresent(c -> barcodes.add(new ItemBarcode(c.gtin14(), c.quantity())));
            Item item = new Item(s.sku(), s.name(), barcodes, s.tracking() == Tracking.SERIAL,
                    s.tracking() == Tracking.LOT, s.minShelfLifeDays());
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
        };
    }
}
