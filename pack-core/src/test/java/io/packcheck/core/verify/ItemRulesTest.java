package io.packcheck.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.verify.PackEvent.EventKind;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ItemRulesTest extends PackFixture {

    @Test
    void countsAnItemOfTheOrderAndReportsEverythingAnalyticsNeeds() {
        scan("PCK-P-P100");
        scan("SO-1234");

        var outcome = ean(MUG);

        assertThat(outcome.verdict()).isEqualTo(Verdict.MATCH);
        assertThat(outcome.message()).isEqualTo("Blue Mug (4006381333931): 1 of 3 packed");
        assertThat(outcome.sku()).contains("MUG-BLUE");
        assertThat(session.verified("MUG-BLUE")).isEqualTo(1);
        assertThat(outcome.events()).singleElement().isEqualTo(new PackEvent(EventKind.SCAN, Verdict.MATCH, NOW, "ST-1",
                Optional.of("P100"), Optional.of("SO-1234"), 1, Optional.of("MUG-BLUE"), Optional.empty(),
                "]E0" + MUG, 1, Optional.empty(), Optional.empty(), outcome.message(), Optional.empty(), Optional.empty()));
    }

    @Test
    void matchesAnItemByItsNonGtinCode() {
        scan("SO-CABLE");

        var outcome = scan("LBL-CABLE");

        assertThat(outcome.verdict()).isEqualTo(Verdict.LINE_COMPLETE);
        assertThat(session.verified("CABLE")).isEqualTo(1);
    }

    @Test
    void answersLineCompleteWhenTheLineIsFull() {
        scan("SO-1234");
        ean(MUG);
        ean(MUG);

        var outcome = ean(MUG);

        assertThat(outcome.verdict()).isEqualTo(Verdict.LINE_COMPLETE);
        assertThat(outcome.message()).startsWith("Blue Mug (4006381333931): all 3 packed. Still to pack: 2 x TEA-GREEN, 1 x PHONE-X");
    }

    @Test
    void aCaseCountsItsPackQuantity() {
        scan("SO-2000");

        var caseScan = ean(MUG_CASE);
        ean(MUG);
        var last = ean(MUG);

        assertThat(caseScan.verdict()).isEqualTo(Verdict.MATCH);
        assertThat(caseScan.message()).isEqualTo("pack of 6 Blue Mug (14006381333938): 6 of 8 packed");
        assertThat(caseScan.events().get(0).quantity()).isEqualTo(6);
        assertThat(last.verdict()).isEqualTo(Verdict.ORDER_COMPLETE);
    }

    @Test
    void aCaseThatWouldExceedTheLineIsOverQuantity() {
        scan("SO-1234");

        var outcome = ean(MUG_CASE);

        assertThat(outcome.verdict()).isEqualTo(Verdict.OVER_QUANTITY);
        assertThat(outcome.message()).isEqualTo(
                "Too many: order SO-1234 needs 3 of pack of 6 Blue Mug (14006381333938), 0 already packed and this pack holds 6"
                        + " - take it out and scan CLEAR");
        assertThat(session.verified("MUG-BLUE")).isZero();
        assertThat(session.locked()).isTrue();
    }

    @Test
    void oneItemMoreThanTheLineIsOverQuantity() {
        scan("SO-1234");
        ean(MUG);
        ean(MUG);
        ean(MUG);

        var outcome = ean(MUG);

        assertThat(outcome.verdict()).isEqualTo(Verdict.OVER_QUANTITY);
        assertThat(outcome.events().get(0).verdict().isMismatch()).isTrue();
        assertThat(session.verified("MUG-BLUE")).isEqualTo(3);
    }

    @Test
    void completesTheOrderWithTheLastItemAndFreesTheStation() {
        scan("PCK-P-P100");
        scan("SO-MUGS");
        ean(MUG);

        var outcome = ean(MUG);

        assertThat(outcome.verdict()).isEqualTo(Verdict.ORDER_COMPLETE);
        assertThat(outcome.message()).isEqualTo("Order SO-MUGS complete: 2 units verified - close the box");
        assertThat(outcome.events()).extracting(PackEvent::kind).containsExactly(EventKind.SCAN, EventKind.ORDER_COMPLETED);
        assertThat(outcome.events().get(1).quantity()).isEqualTo(2);
        assertThat(outcome.events().get(1).orderId()).contains("SO-MUGS");
        assertThat(session.order()).isEmpty();
        assertThat(session.packer()).contains("P100");
    }

    @Test
    void refusesAWrongItemNamingItAndWhatIsExpected() {
        scan("SO-1234");

        var outcome = ean(PEN);

        assertThat(outcome.verdict()).isEqualTo(Verdict.WRONG_ITEM);
        assertThat(outcome.message()).isEqualTo("Wrong item: Red Pen (96385074) is not on order SO-1234 - take it out and scan CLEAR");
        assertThat(outcome.sku()).contains("PEN-RED");
        assertThat(outcome.events()).singleElement().satisfies(e -> {
            assertThat(e.sku()).contains("PEN-RED");
            assertThat(e.expectedSku()).contains("MUG-BLUE");
            assertThat(e.quantity()).isEqualTo(1);
        });
        assertThat(session.lock()).hasValueSatisfying(l -> assertThat(l.verdict()).isEqualTo(Verdict.WRONG_ITEM));
        assertThat(session.unitsInBox()).isZero();
    }

    @Test
    void answersUnknownCodeToACodeThatIsNoItemOrderBadgeOrCommand() {
        scan("SO-1234");

        var outcome = scan("XYZ-42");

        assertThat(outcome.verdict()).isEqualTo(Verdict.UNKNOWN_CODE);
        assertThat(outcome.message()).startsWith("Unknown code 'XYZ-42'");
        assertThat(session.locked()).isFalse();
    }

    @Test
    void answersUnknownCodeToAnUnknownCommand() {
        var outcome = scan("PCK-FOO");

        assertThat(outcome.verdict()).isEqualTo(Verdict.UNKNOWN_CODE);
        assertThat(outcome.message()).isEqualTo("Unknown command 'PCK-FOO': see the command sheet");
    }

    @Test
    void answersUnreadableToARejectedScanWithTheParserReason() {
        scan("SO-1234");

        var outcome = scan(Scans.rejected("]d20117991399", "AI (17): 13 is not a month"));

        assertThat(outcome.verdict()).isEqualTo(Verdict.UNREADABLE);
        assertThat(outcome.message()).isEqualTo("Could not read that barcode (AI (17): 13 is not a month) - scan it again");
        assertThat(outcome.events().get(0).raw()).isEqualTo("]d20117991399");
        assertThat(session.locked()).isFalse();
    }

    @Test
    void refusesAnItemThatExpiredYesterdayButAcceptsOneExpiringToday() {
        scan("SO-1234");

        var today = scan(Scans.expiring(MUG_14, TODAY));
        var yesterday = scan(Scans.expiring(MUG_14, TODAY.minusDays(1)));

        assertThat(today.verdict()).isEqualTo(Verdict.MATCH);
        assertThat(yesterday.verdict()).isEqualTo(Verdict.EXPIRED);
        assertThat(yesterday.message()).isEqualTo("Expired: Blue Mug (4006381333931) expired on 2026-03-09 - take it out and scan CLEAR");
        assertThat(session.verified("MUG-BLUE")).isEqualTo(1);
    }

    @Test
    void todayIsTheStationsDateNotUtc() {
        // 23:30 UTC on the 10th is already the 11th in Berlin
        at = java.time.Instant.parse("2026-03-10T23:30:00Z");
        scan("SO-1234");
        var berlin = scan(Scans.expiring(MUG_14, TODAY));
        rules = new PackRules(java.time.ZoneOffset.UTC);
        scan(Commands.CLEAR);

        var utc = scan(Scans.expiring(MUG_14, TODAY));

        assertThat(berlin.verdict()).isEqualTo(Verdict.EXPIRED);
        assertThat(utc.verdict()).isEqualTo(Verdict.MATCH);
    }

    @Test
    void refusesAnItemWithLessShelfLifeThanTheItemRequires() {
        scan("SO-1234");

        var short29 = scan(Scans.gs1(TEA_14, Optional.of(TODAY.plusDays(29)), Optional.of("L1"), Optional.empty()));
        scan(Commands.CLEAR);
        var enough30 = scan(Scans.gs1(TEA_14, Optional.of(TODAY.plusDays(30)), Optional.of("L1"), Optional.empty()));

        assertThat(short29.verdict()).isEqualTo(Verdict.SHELF_LIFE_TOO_SHORT);
        assertThat(short29.message()).isEqualTo("Shelf life too short: Green Tea (5901234123457) expires on 2026-04-08,"
                + " 29 days from today; it must have at least 30 - take it out and scan CLEAR");
        assertThat(enough30.verdict()).isEqualTo(Verdict.MATCH);
    }

    @Test
    void aLotTrackedItemScannedWithoutItsLotWaitsForItInsteadOfCounting() {
        scan("SO-1234");

        var withoutLot = ean(TEA);
        var withLot = scan(Scans.gs1(TEA_14, Optional.of(TODAY.plusDays(60)), Optional.of("LOT7"), Optional.empty()));

        assertThat(withoutLot.verdict()).isEqualTo(Verdict.DATA_REQUIRED);
        assertThat(withoutLot.message()).contains("the expiry date and the lot number");
        assertThat(withLot.verdict()).isEqualTo(Verdict.MATCH);
        assertThat(withLot.events().get(0).lot()).contains("LOT7");
        assertThat(session.packed()).singleElement().satisfies(p -> assertThat(p.lot()).contains("LOT7"));
    }

    @Test
    void aSerialisedItemScannedWithoutItsSerialIsNotCounted() {
        scan("SO-1234");

        var withoutSerial = ean(PHONE);

        assertThat(withoutSerial.verdict()).isEqualTo(Verdict.DATA_REQUIRED);
        assertThat(withoutSerial.message()).startsWith("Phone X (036000291452) not counted yet: scan the GS1 code with the serial number");
        assertThat(session.verified("PHONE-X")).isZero();
        assertThat(session.locked()).isFalse();
    }

    @Test
    void refusesASerialAlreadyInTheBox() {
        scan("SO-PHONES");
        scan(Scans.withSerial(PHONE_14, "SN-1"));

        var again = scan(Scans.withSerial(PHONE_14, "SN-1"));
        scan(Commands.CLEAR);
        var other = scan(Scans.withSerial(PHONE_14, "SN-2"));

        assertThat(again.verdict()).isEqualTo(Verdict.DUPLICATE_SERIAL);
        assertThat(again.events().get(0).serial()).contains("SN-1");
        assertThat(other.verdict()).isEqualTo(Verdict.ORDER_COMPLETE);
    }
}
