package io.packcheck.core.verify;

import static io.packcheck.core.verify.InMemoryCatalog.codes;
import static io.packcheck.core.verify.PackFixture.BERLIN;
import static io.packcheck.core.verify.PackFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.barcode.ScanParser;
import io.packcheck.core.catalog.Badge;
import io.packcheck.core.catalog.Box;
import io.packcheck.core.catalog.Item;
import io.packcheck.core.catalog.Order;
import io.packcheck.core.catalog.OrderLine;
import io.packcheck.core.catalog.OrderStatus;
import io.packcheck.core.label.ShippingLabels;
import io.packcheck.core.verify.PackEvent.EventKind;
import io.packcheck.core.verify.PackEvent.Parcel;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ParcelRulesTest {

    private static final String UPS_1 = "1Z999AA10123456784";
    private static final String UPS_2 = "1Z999AA10123456793";
    private static final String SSCC = "034012345000000002";

    private final InMemoryCatalog catalog = new InMemoryCatalog()
            .item(new Item("MUG", "Mug", codes("4006381333931"), false, false, 0, Optional.of(360.0), Optional.empty()))
            .item(new Item("TEA", "Green Tea", codes("5901234123457"), false, false, 0, Optional.empty(), Optional.of(120.0)))
            .item(new Item("PEN", "Pen", codes("96385074"), false, false, 0))
            .box(new Box("M", "Medium box", 230, 300, 200, 150))
            .order(order("SO-1", List.of(), new OrderLine("MUG", 2), new OrderLine("TEA", 1)))
            .order(order("SO-L", List.of(UPS_1, SSCC), new OrderLine("MUG", 1)))
            .order(order("SO-2", List.of(UPS_2), new OrderLine("TEA", 1)))
            .order(order("SO-PEN", List.of(), new OrderLine("PEN", 1), new OrderLine("MUG", 1)))
            .badge(new Badge("S900", "Sam", Badge.Role.SUPERVISOR));

    private final ScanParser parser = new ScanParser(Clock.fixed(NOW, ZoneOffset.UTC));
    private PackRules rules = rules(false, false);
    private PackSession session = PackSession.idle("ST-1");

    private static Order order(String id, List<String> labels, OrderLine... lines) {
        return new Order(id, 1, List.of(lines), Optional.empty(), 0, OrderStatus.OPEN, Optional.empty(), labels);
    }

    private static PackRules rules(boolean weighing, boolean requireLabel) {
        return new PackRules(BERLIN, false, false, new ParcelPolicy(weighing, requireLabel, 50, 20, 5,
                new ShippingLabels(Optional.of(Pattern.compile("SITE-(\\d{6})")))));
    }

    private Outcome scan(String raw) {
        Outcome outcome = rules.scan(session, parser.parse(raw), catalog, NOW);
        session = outcome.session();
        return outcome;
    }

    private Optional<Outcome> weigh(double grams) {
        Optional<Outcome> outcome = rules.weighed(session, new ScaleReading.Settled(grams), catalog, NOW);
        outcome.ifPresent(o -> session = o.session());
        return outcome;
    }

    private static List<Parcel> parcels(Outcome outcome) {
        return outcome.events().stream().filter(e -> e.kind() == EventKind.PARCEL_CLOSED).map(e -> e.parcel().orElseThrow()).toList();
    }

    @Test
    void anOrderWithoutLabelsOnAStationWithoutScaleCompletesWithItsLastUnitAsBefore() {
        scan("SO-1");
        scan("4006381333931");
        scan("4006381333931");

        Outcome last = scan("5901234123457");

        assertThat(last.verdict()).isEqualTo(Verdict.ORDER_COMPLETE);
        assertThat(last.events()).extracting(PackEvent::kind).containsExactly(EventKind.SCAN, EventKind.ORDER_COMPLETED);
    }

    @Test
    void anOrderWithLabelsWaitsForTheLabelAndTheLabelClosesTheParcelAndTheOrder() {
        scan("SO-L");

        Outcome packed = scan("4006381333931");
        Outcome labelled = scan(UPS_1);

        assertThat(packed.verdict()).isEqualTo(Verdict.LINE_COMPLETE);
        assertThat(packed.message()).isEqualTo("All 1 unit packed: scan the shipping label to close parcel 1");
        assertThat(labelled.verdict()).isEqualTo(Verdict.ORDER_COMPLETE);
        assertThat(parcels(labelled)).containsExactly(new Parcel(1, Optional.empty(), Optional.of(UPS_1), Map.of("MUG", 1),
                Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(labelled.events()).extracting(PackEvent::kind).containsExactly(EventKind.SCAN, EventKind.PARCEL_CLOSED,
                EventKind.ORDER_COMPLETED);
    }

    @Test
    void anSsccOnAGs1128LabelCountsAsTheOrdersLabel() {
        scan("SO-L");
        scan("4006381333931");

        Outcome labelled = scan("]C100" + SSCC);

        assertThat(labelled.verdict()).isEqualTo(Verdict.ORDER_COMPLETE);
        assertThat(parcels(labelled).get(0).label()).contains(SSCC);
    }

    @Test
    void anotherOrdersLabelLocksRedNamingThatOrderAndClearTakesItOff() {
        scan("SO-L");
        scan("4006381333931");

        Outcome wrong = scan(UPS_2);
        Outcome stray = scan("4006381333931");
        Outcome cleared = scan("PCK-CLEAR");
        Outcome right = scan(UPS_1);

        assertThat(wrong.verdict()).isEqualTo(Verdict.LABEL_MISMATCH);
        assertThat(wrong.message()).isEqualTo("Wrong label: UPS label " + UPS_2 + " is order SO-2's label, not SO-L's"
                + " - take it off and scan CLEAR");
        assertThat(stray.verdict()).isEqualTo(Verdict.LOCKED);
        assertThat(cleared.message()).startsWith("Cleared LABEL_MISMATCH: the wrong label is off the box");
        assertThat(right.verdict()).isEqualTo(Verdict.ORDER_COMPLETE);
    }

    @Test
    void aLabelNotListedOnAnOrderWithLabelsIsAMismatchAndCannotBeOverridden() {
        scan("SO-L");
        scan("4006381333931");

        Outcome unlisted = scan("SITE-123456");
        Outcome override = scan("PCK-S-S900");

        assertThat(unlisted.verdict()).isEqualTo(Verdict.LABEL_MISMATCH);
        assertThat(unlisted.message()).contains("site label 123456 is not one of order SO-L's labels (" + UPS_1 + ", " + SSCC + ")");
        assertThat(override.verdict()).isEqualTo(Verdict.COMMAND_REFUSED);
        assertThat(session.locked()).isTrue();
    }

    @Test
    void anUnlistedLabelOnAnOrderWithoutLabelsIsBoundToIt() {
        scan("SO-PEN");
        Outcome labelled = scan("SITE-000042");
        scan("96385074");

        Outcome done = scan("4006381333931");

        assertThat(labelled.verdict()).isEqualTo(Verdict.LABEL_SCANNED);
        assertThat(done.verdict()).isEqualTo(Verdict.ORDER_COMPLETE);
        assertThat(parcels(done).get(0).label()).contains("000042");
    }

    @Test
    void labelFirstThenItemsThenTheNextLabelClosesTheFirstParcelAndStartsTheSecond() {
        rules = rules(false, true);
        scan("SO-1");

        Outcome first = scan("SITE-000001");
        scan("4006381333931");
        Outcome second = scan("SITE-000002");
        scan("4006381333931");
        Outcome lastUnit = scan("5901234123457");

        assertThat(first.verdict()).isEqualTo(Verdict.LABEL_SCANNED);
        assertThat(second.verdict()).isEqualTo(Verdict.PARCEL_CLOSED);
        assertThat(parcels(second)).extracting(Parcel::label, Parcel::items)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Optional.of("000001"), Map.of("MUG", 1)));
        assertThat(lastUnit.verdict()).isEqualTo(Verdict.ORDER_COMPLETE);
        assertThat(parcels(lastUnit)).extracting(Parcel::number, Parcel::label, Parcel::items)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, Optional.of("000002"), Map.of("MUG", 1, "TEA", 1)));
        assertThat(lastUnit.message()).endsWith("Order SO-1 complete: 3 units verified in 2 parcels - close the box");
    }

    @Test
    void newBoxNeedsTheLabelFirstWhenTheStationRequiresOne() {
        rules = rules(false, true);
        scan("SO-1");
        scan("4006381333931");

        Outcome early = scan("PCK-NEWBOX");

        assertThat(early.verdict()).isEqualTo(Verdict.LABEL_REQUIRED);
        assertThat(session.parcels()).isEmpty();
    }

    @Test
    void theScaleClosesTheParcelWhenTheWeightIsWithinTolerance() {
        rules = rules(true, false);
        scan("SO-1");
        scan("4006381333931");
        scan("4006381333931");

        Outcome lastUnit = scan("5901234123457");
        Outcome closing = scan("PCK-NEWBOX");
        // 2 x 360 g catalogue + 120 g learned + 50 g default tare = 890 g, tolerance max(20, 44.5)
        Outcome weighed = weigh(905).orElseThrow();

        assertThat(lastUnit.verdict()).isEqualTo(Verdict.LINE_COMPLETE);
        assertThat(lastUnit.message()).isEqualTo("All 3 units packed: with the box on the scale, scan its shipping label"
                + " or NEW BOX to weigh and close parcel 1");
        assertThat(closing.verdict()).isEqualTo(Verdict.WEIGHING);
        assertThat(session.order()).isEmpty();
        assertThat(weighed.verdict()).isEqualTo(Verdict.ORDER_COMPLETE);
        assertThat(parcels(weighed)).containsExactly(new Parcel(1, Optional.empty(), Optional.empty(),
                Map.of("MUG", 2, "TEA", 1), Optional.of(905.0), Optional.of(890.0), Optional.of(44.5)));
    }

    @Test
    void aParcelTooHeavyLocksRedWithTheNumbersAndTheLikelyCause() {
        rules = rules(true, false);
        scan("SO-1");
        scan("4006381333931");
        scan("4006381333931");
        scan("5901234123457");
        scan("PCK-NEWBOX");

        Outcome heavy = weigh(1255).orElseThrow();

        assertThat(heavy.verdict()).isEqualTo(Verdict.WEIGHT_MISMATCH);
        assertThat(heavy.message()).isEqualTo("Wrong weight: parcel 1 should weigh 890 g +/- 45, it weighs 1,255 g:"
                + " one Mug too many? - check the box, then scan CLEAR to weigh it again");
        assertThat(session.locked()).isTrue();
        assertThat(heavy.events().get(0).parcel().orElseThrow().weightGrams()).contains(1255.0);
    }

    @Test
    void aParcelTooLightNamesTheMissingItemAndClearWeighsAgain() {
        rules = rules(true, false);
        scan("SO-1");
        scan("4006381333931");
        scan("4006381333931");
        scan("5901234123457");
        scan("PCK-NEWBOX");

        Outcome light = weigh(772).orElseThrow();
        Outcome cleared = scan("PCK-CLEAR");
        Outcome again = weigh(889).orElseThrow();

        assertThat(light.message()).contains("one Green Tea missing?");
        assertThat(cleared.verdict()).isEqualTo(Verdict.WEIGHING);
        assertThat(again.verdict()).isEqualTo(Verdict.ORDER_COMPLETE);
    }

    @Test
    void aSupervisorCanAcceptARefusedWeightAndTheParcelRecordsTheOverride() {
        rules = rules(true, false);
        scan("SO-1");
        scan("4006381333931");
        scan("4006381333931");
        scan("5901234123457");
        scan("PCK-NEWBOX");
        weigh(1500);

        scan("PCK-S-S900");
        Outcome accepted = scan("PCK-R-CHECKED");

        assertThat(accepted.verdict()).isEqualTo(Verdict.ORDER_COMPLETE);
        PackEvent closed = accepted.events().stream().filter(e -> e.kind() == EventKind.PARCEL_CLOSED).findFirst().orElseThrow();
        assertThat(closed.reasonCode()).contains("CHECKED");
        assertThat(closed.supervisor()).contains("S900");
        assertThat(closed.parcel().orElseThrow().weightGrams()).contains(1500.0);
    }

    @Test
    void aScaleThatDoesNotSettleGivesAmberAndNewBoxWeighsAgain() {
        rules = rules(true, false);
        scan("SO-1");
        scan("4006381333931");
        scan("4006381333931");
        scan("5901234123457");
        scan("PCK-NEWBOX");

        Outcome notReady = rules.weighed(session, new ScaleReading.NotReady("the scale is not settling"), catalog, NOW)
                .orElseThrow();
        session = notReady.session();
        Outcome item = scan("4006381333931");
        Outcome retry = scan("PCK-NEWBOX");

        assertThat(notReady.verdict()).isEqualTo(Verdict.SCALE_NOT_READY);
        assertThat(notReady.message()).startsWith("Parcel 1 not weighed: the scale is not settling");
        assertThat(session.locked()).isFalse();
        assertThat(item.verdict()).isEqualTo(Verdict.COMMAND_REFUSED);
        assertThat(retry.verdict()).isEqualTo(Verdict.WEIGHING);
    }

    @Test
    void anItemWithoutAnyWeightIsWeighedButNotChecked() {
        rules = rules(true, false);
        scan("SO-PEN");
        scan("96385074");
        scan("4006381333931");
        scan("PCK-NEWBOX");

        Outcome weighed = weigh(5000).orElseThrow();

        assertThat(weighed.verdict()).isEqualTo(Verdict.ORDER_COMPLETE);
        assertThat(weighed.message()).contains("weight not checked: no weight known for PEN");
        assertThat(parcels(weighed).get(0).expectedGrams()).isEmpty();
    }

    @Test
    void aBoxTypeSetsTheTareAndABoxTypeCodeOnAFullParcelStartsTheNextInThatBox() {
        rules = rules(true, false);
        scan("SO-1");
        Outcome box = scan("PCK-BOX-M");
        scan("4006381333931");
        Outcome next = scan("PCK-BOX-M");

        Outcome weighed = weigh(360 + 230).orElseThrow();

        assertThat(box.message()).startsWith("Parcel 1 goes in box M (Medium box), 230 g empty");
        assertThat(next.verdict()).isEqualTo(Verdict.WEIGHING);
        assertThat(weighed.verdict()).isEqualTo(Verdict.PARCEL_CLOSED);
        assertThat(parcels(weighed).get(0).box()).contains("M");
        assertThat(session.current().box()).contains("M");
        assertThat(session.parcelNumber()).isEqualTo(2);
    }

    @Test
    void anUnknownBoxTypeIsRefusedNamingIt() {
        scan("SO-1");

        Outcome unknown = scan("PCK-BOX-XXL");

        assertThat(unknown.verdict()).isEqualTo(Verdict.COMMAND_REFUSED);
        assertThat(unknown.message()).startsWith("Unknown box type XXL: it is not in the box catalogue");
    }

    @Test
    void undoWorksPerParcelAndLeavesAClosedParcelAlone() {
        scan("SO-1");
        scan("4006381333931");
        scan("PCK-NEWBOX");

        Outcome undo = scan("PCK-UNDO");

        assertThat(undo.verdict()).isEqualTo(Verdict.COMMAND_REFUSED);
        assertThat(undo.message()).isEqualTo("Nothing to undo in parcel 2: parcel 1 is closed and stays as it is");
        assertThat(session.verified("MUG")).isEqualTo(1);
    }

    @Test
    void undoWhileWeighingReopensTheParcelAndTakesTheClosingLabelBack() {
        rules = rules(true, false);
        scan("SO-L");
        scan("4006381333931");
        scan(UPS_1);

        Outcome undo = scan("PCK-UNDO");

        assertThat(undo.message()).startsWith("Parcel 1 is open again (label " + UPS_1 + " taken back)");
        assertThat(session.weighing()).isFalse();
        assertThat(session.current().label()).isEmpty();
    }

    @Test
    void aLateScaleAnswerChangesNothing() {
        rules = rules(true, false);
        scan("SO-1");

        assertThat(weigh(100)).isEmpty();
    }

    @Test
    void aLabelWithoutAnOpenOrderSaysWhatItIs() {
        Outcome label = scan(UPS_1);

        assertThat(label.verdict()).isEqualTo(Verdict.NO_ORDER_OPEN);
        assertThat(label.message()).startsWith("No order open: UPS label " + UPS_1 + " is a shipping label");
    }
}
