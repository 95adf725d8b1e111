package io.packcheck.core.verify;

import static io.packcheck.core.verify.InMemoryCatalog.codes;
import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.barcode.ScanParser;
import io.packcheck.core.catalog.Item;
import io.packcheck.core.catalog.OrderLine;
import io.packcheck.core.catalog.OrderStatus;
import io.packcheck.core.verify.PackEvent.EventKind;
import io.packcheck.core.verify.PackSession.ItemData;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Dated, lot-tracked and serialised units count only once the code carrying their data has been scanned. */
class DatedItemsTest extends PackFixture {

    static final String MILK = "4012345678901";
    static final String MILK_14 = "04012345678901";

    final ScanParser parser = new ScanParser(Clock.fixed(NOW, BERLIN));

    DatedItemsTest() {
        catalog.item(new Item("MILK", "Oat Milk", codes(MILK), false, false, 5))
                .order(order("SO-MILK", OrderStatus.OPEN, new OrderLine("MILK", 1)))
                .order(order("SO-BREAKFAST", OrderStatus.OPEN, new OrderLine("MILK", 2), new OrderLine("MUG-BLUE", 1)));
    }

    Outcome raw(String raw) {
        return scan(parser.parse(raw));
    }

    @Test
    void aPlainEanOfADatedItemWaitsForItsDateAndCountsNothing() {
        scan("SO-MILK");

        var outcome = raw("]E0" + MILK);

        assertThat(outcome.verdict()).isEqualTo(Verdict.DATA_REQUIRED);
        assertThat(outcome.verdict().isMismatch()).isFalse();
        assertThat(outcome.message()).isEqualTo("Oat Milk (4012345678901) not counted yet: scan the GS1 code with the"
                + " expiry date on the same unit - or scan UNDO to put it aside");
        assertThat(outcome.sku()).contains("MILK");
        assertThat(outcome.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.SCAN);
            assertThat(e.verdict()).isEqualTo(Verdict.DATA_REQUIRED);
            assertThat(e.quantity()).isZero();
        });
        assertThat(session.verified("MILK")).isZero();
        assertThat(session.locked()).isFalse();
        assertThat(session.order()).isPresent();
        assertThat(session.awaiting()).hasValueSatisfying(w -> assertThat(w.missing()).containsExactly(ItemData.EXPIRY_DATE));
    }

    @Test
    void theGs1CodeOfTheSameUnitSuppliesTheDateAndCountsItOnce() {
        scan("SO-BREAKFAST");
        raw("]E0" + MILK);

        var outcome = raw("]d201" + MILK_14 + "17260430");

        assertThat(outcome.verdict()).isEqualTo(Verdict.MATCH);
        assertThat(outcome.message()).isEqualTo("Oat Milk (4012345678901): 1 of 2 packed");
        assertThat(outcome.events()).singleElement().satisfies(e -> assertThat(e.quantity()).isEqualTo(1));
        assertThat(session.verified("MILK")).isEqualTo(1);
        assertThat(session.awaiting()).isEmpty();
    }

    @Test
    void aCodeCarryingOnlyTheDateCompletesTheWaitingUnit() {
        scan("SO-MILK");
        raw("]E0" + MILK);

        var outcome = raw("]C117260430");

        assertThat(outcome.verdict()).isEqualTo(Verdict.ORDER_COMPLETE);
        assertThat(outcome.events()).extracting(PackEvent::kind).containsExactly(EventKind.SCAN, EventKind.ORDER_COMPLETED);
        assertThat(outcome.events().get(0).sku()).contains("MILK");
    }

    @Test
    void theOrderDoesNotCompleteWhileItsLastUnitWaitsForItsDate() {
        scan("SO-MILK");

        var waiting = raw("]E0" + MILK);
        var again = raw("]E0" + MILK);

        assertThat(waiting.verdict()).isEqualTo(Verdict.DATA_REQUIRED);
        assertThat(again.verdict()).isEqualTo(Verdict.DATA_REQUIRED);
        assertThat(session.order()).isPresent();
        assertThat(session.missing()).containsEntry("MILK", 1);
    }

    @Test
    void aDateThatArrivesExpiredLocksRedAndNothingIsCounted() {
        scan("SO-MILK");
        raw("]E0" + MILK);

        var expired = raw("]C117260309");
        var cleared = scan(Commands.CLEAR);

        assertThat(expired.verdict()).isEqualTo(Verdict.EXPIRED);
        assertThat(expired.message()).isEqualTo("Expired: Oat Milk (4012345678901) expired on 2026-03-09 - take it out and scan CLEAR");
        assertThat(cleared.verdict()).isEqualTo(Verdict.COMMAND_ACCEPTED);
        assertThat(session.verified("MILK")).isZero();
        assertThat(session.awaiting()).isEmpty();
        assertThat(session.order()).isPresent();
    }

    @Test
    void aDateThatArrivesWithTooLittleShelfLeftLocksRed() {
        scan("SO-MILK");
        raw("]E0" + MILK);

        var tooShort = raw("]d201" + MILK_14 + "17260314");

        assertThat(tooShort.verdict()).isEqualTo(Verdict.SHELF_LIFE_TOO_SHORT);
        assertThat(tooShort.message()).contains("4 days from today; it must have at least 5");
        assertThat(session.locked()).isTrue();
    }

    @Test
    void aLotTrackedAndDatedItemAsksForWhatIsStillMissing() {
        scan("SO-1234");
        ean(TEA);

        var dateOnly = raw("]C117260601");
        var lot = raw("]C110L-77");

        assertThat(dateOnly.verdict()).isEqualTo(Verdict.DATA_REQUIRED);
        assertThat(dateOnly.message()).startsWith("Green Tea (5901234123457) not counted yet: scan the GS1 code with the lot number");
        assertThat(lot.verdict()).isEqualTo(Verdict.MATCH);
        assertThat(session.packed()).singleElement().satisfies(p -> assertThat(p.lot()).contains("L-77"));
    }

    @Test
    void anotherItemWhileAUnitWaitsIsNotCountedButAWrongItemStillLocks() {
        scan("SO-BREAKFAST");
        raw("]E0" + MILK);

        var mug = ean(MUG);
        var pen = ean(PEN);

        assertThat(mug.verdict()).isEqualTo(Verdict.DATA_REQUIRED);
        assertThat(mug.message()).isEqualTo("Blue Mug (4006381333931) was not counted: first scan the GS1 code with the"
                + " expiry date of Oat Milk (4012345678901) - or scan UNDO to put that one aside");
        assertThat(mug.events().get(0).quantity()).isZero();
        assertThat(pen.verdict()).isEqualTo(Verdict.WRONG_ITEM);
        assertThat(session.verified("MUG-BLUE")).isZero();
        assertThat(session.awaiting()).isPresent();
    }

    @Test
    void undoPutsTheWaitingUnitAside() {
        scan("SO-MILK");
        raw("]E0" + MILK);

        var undo = scan(Commands.UNDO);

        assertThat(undo.verdict()).isEqualTo(Verdict.COMMAND_ACCEPTED);
        assertThat(undo.message()).startsWith("Put aside MILK (]E04012345678901), which was not counted");
        assertThat(undo.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.UNDO);
            assertThat(e.quantity()).isZero();
        });
        assertThat(session.awaiting()).isEmpty();
    }

    @Test
    void neitherShortNorAnotherOrderWhileAUnitWaits() {
        scan("SO-MILK");
        raw("]E0" + MILK);

        var shortScan = scan(Commands.SHORT);
        var otherOrder = scan("SO-1234");

        assertThat(shortScan.verdict()).isEqualTo(Verdict.COMMAND_REFUSED);
        assertThat(shortScan.message()).contains("MILK waits for the expiry date");
        assertThat(otherOrder.verdict()).isEqualTo(Verdict.COMMAND_REFUSED);
        assertThat(session.order()).hasValueSatisfying(o -> assertThat(o.id()).isEqualTo("SO-MILK"));
    }

    @Test
    void aTypedDateIsRefusedUnlessTheStationAllowsIt() {
        scan("SO-MILK");
        raw("]E0" + MILK);

        var refused = raw("(17)260430");
        rules = new PackRules(BERLIN, false, true);
        var accepted = raw("(17)260430");

        assertThat(refused.verdict()).isEqualTo(Verdict.COMMAND_REFUSED);
        assertThat(refused.message()).startsWith("Typed dates, lots and serials are not accepted at this station");
        assertThat(accepted.verdict()).isEqualTo(Verdict.ORDER_COMPLETE);
    }

    @Test
    void aStationThatAllowsTypingSaysHow() {
        rules = new PackRules(BERLIN, false, true);
        scan("SO-MILK");

        var outcome = raw("]E0" + MILK);

        assertThat(outcome.message()).contains("(or type it as printed under the code, (17)YYMMDD)");
    }

    @Test
    void aCodeCarryingOnlyDataWithNothingWaitingIsRefused() {
        scan("SO-MILK");

        var outcome = raw("]C117260430");

        assertThat(outcome.verdict()).isEqualTo(Verdict.COMMAND_REFUSED);
        assertThat(outcome.message()).isEqualTo("Nothing is waiting for the expiry date 2026-04-30: this code carries no"
                + " item number - scan the item's own code");
    }

    @Test
    void aSerialAlreadyPackedInAnotherOrderIsRefused() {
        catalog.serialPacked("PHONE-X", "SN-9", "SO-OLD");
        scan("SO-PHONES");
        ean(PHONE);

        var reused = raw("]C121SN-9");
        scan(Commands.CLEAR);
        var fresh = scan(Scans.withSerial(PHONE_14, "SN-10"));

        assertThat(reused.verdict()).isEqualTo(Verdict.DUPLICATE_SERIAL);
        assertThat(reused.message()).isEqualTo("Serial SN-9 of Phone X (036000291452) was already packed in order SO-OLD"
                + " (a copied label, or a unit that came back) - take it out and scan CLEAR");
        assertThat(reused.events().get(0).serial()).contains("SN-9");
        assertThat(fresh.verdict()).isEqualTo(Verdict.MATCH);
    }

    @Test
    void aSerialPackedBeforeInTheSameOrderIsNoReuse() {
        catalog.serialPacked("PHONE-X", "SN-9", "SO-PHONES");
        scan("SO-PHONES");

        var outcome = scan(Scans.withSerial(PHONE_14, "SN-9"));

        assertThat(outcome.verdict()).isEqualTo(Verdict.MATCH);
    }

    @Test
    void anOrderChangeDoesNotCompleteTheOrderWhileAUnitWaits() {
        scan("SO-BREAKFAST");
        ean(MUG);
        raw("]d201" + MILK_14 + "17260430");
        raw("]E0" + MILK);

        var changed = orderChanged(new io.packcheck.core.catalog.Order("SO-BREAKFAST", 2,
                java.util.List.of(new OrderLine("MILK", 1), new OrderLine("MUG-BLUE", 1)), Optional.empty(), 0,
                OrderStatus.OPEN, Optional.empty()));
        var resolved = raw("]C117260430");

        assertThat(changed).hasValueSatisfying(o -> assertThat(o.verdict()).isNotEqualTo(Verdict.ORDER_COMPLETE));
        assertThat(changed.get().message()).contains("MILK waits for the expiry date");
        assertThat(resolved.verdict()).isEqualTo(Verdict.OVER_QUANTITY);
    }
}
