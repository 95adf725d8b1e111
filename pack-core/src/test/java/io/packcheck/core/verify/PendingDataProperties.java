package io.packcheck.core.verify;

import static io.packcheck.core.verify.InMemoryCatalog.codes;
import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.barcode.ScanParse;
import io.packcheck.core.barcode.ScanParser;
import io.packcheck.core.catalog.Badge;
import io.packcheck.core.catalog.Item;
import io.packcheck.core.catalog.Order;
import io.packcheck.core.catalog.OrderLine;
import io.packcheck.core.catalog.OrderStatus;
import io.packcheck.core.verify.PackEvent.EventKind;
import io.packcheck.core.verify.PackSession.AwaitingData;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random scan sequences: no unit counts without the data its item must carry, and no order completes while one waits. */
class PendingDataProperties {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");
    static final Set<Verdict> COUNTING = Set.of(Verdict.MATCH, Verdict.LINE_COMPLETE, Verdict.ORDER_COMPLETE);

    static final String MILK_14 = "04012345678901";
    static final String TEA_14 = "05901234123457";
    static final String PHONE_14 = "00036000291452";

    final ScanParser parser = new ScanParser(Clock.fixed(NOW, ZONE));
    final InMemoryCatalog catalog = new InMemoryCatalog()
            .item(new Item("MILK", "Oat Milk", codes("4012345678901"), false, false, 5))
            .item(new Item("TEA", "Green Tea", codes("5901234123457"), false, true, 30))
            .item(new Item("PHONE", "Phone X", codes("036000291452"), true, false, 0))
            .item(new Item("MUG", "Blue Mug", codes("4006381333931"), false, false, 0))
            .item(new Item("PEN", "Red Pen", codes("96385074"), false, false, 0))
            .order(new Order("SO-1", 1, List.of(new OrderLine("MILK", 2), new OrderLine("TEA", 1), new OrderLine("PHONE", 1),
                    new OrderLine("MUG", 1)), Optional.empty(), 0, OrderStatus.OPEN, Optional.empty()))
            .order(new Order("SO-2", 1, List.of(new OrderLine("MILK", 1)), Optional.empty(), 0, OrderStatus.OPEN, Optional.empty()))
            .badge(new Badge("S900", "Sam", Badge.Role.SUPERVISOR))
            .serialPacked("PHONE", "SN-OLD", "SO-0");

    @Provide
    Arbitrary<List<String>> scans() {
        return Arbitraries.of(
                "]C0SO-1", "]C0SO-2",
                // plain codes of dated, lot-tracked, serialised and plain items, and a wrong one
                "]E04012345678901", "]E05901234123457", "]E0036000291452", "]E04006381333931", "]E096385074",
                // full and partial GS1 codes of the same units
                "]d201" + MILK_14 + "17260430", "]d201" + MILK_14 + "17260301", "]d201" + MILK_14 + "17260312",
                "]d201" + TEA_14 + "17260601", "]d201" + TEA_14 + "10L-1", "]d201" + TEA_14 + "17260601" + "10L-2",
                "]d201" + PHONE_14 + "21SN-1", "]d201" + PHONE_14 + "21SN-2", "]d201" + PHONE_14 + "21SN-OLD",
                // codes carrying only data, scanned and typed
                "]C117260430", "]C117250101", "]C110L-3", "]C121SN-3", "(17)260430", "(10)L-4",
                // commands
                "]C0PCK-CLEAR", "]C0PCK-UNDO", "]C0PCK-SHORT", "]C0PCK-R-DAMAGED", "]C0PCK-CANCEL-SESSION",
                "]C0PCK-S-S900", "]C0PCK-R-SUBSTITUTE")
                .list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 400)
    void noUnitCountsWithoutItsDataAndNoOrderCompletesWhileOneWaits(@ForAll("scans") List<String> raws,
            @ForAll boolean typingAllowed) {
        PackRules rules = new PackRules(ZONE, false, typingAllowed);
        PackSession session = PackSession.idle("ST-1");
        for (String raw : raws) {
            ScanParse parse = parser.parse(raw);
            PackSession before = session;
            Outcome outcome = rules.scan(before, parse, catalog, NOW);
            session = outcome.session();
            Optional<AwaitingData> waiting = before.awaiting();

            for (PackEvent e : outcome.events()) {
                boolean counts = e.kind() == EventKind.SCAN && COUNTING.contains(e.verdict()) && e.quantity() > 0;
                if (counts && e.sku().filter(Set.of("TEA")::contains).isPresent()) {
                    assertThat(e.lot()).as("lot of a counted TEA after %s", raws).isPresent();
                }
                if (counts && e.sku().filter(Set.of("PHONE")::contains).isPresent()) {
                    assertThat(e.serial()).as("serial of a counted PHONE after %s", raws).isPresent();
                    assertThat(e.serial()).as("serial packed in another order, after %s", raws).isNotEqualTo(Optional.of("SN-OLD"));
                }
                if (counts && e.sku().filter(Set.of("MILK", "TEA")::contains).isPresent()) {
                    boolean dated = parse instanceof ScanParse.Parsed p && p.scan().expiry().isPresent()
                            || waiting.flatMap(AwaitingData::expiry).isPresent();
                    assertThat(dated).as("a dated unit counted without a date, after %s", raws).isTrue();
                }
                if (e.kind() == EventKind.ORDER_COMPLETED) {
                    // the only unit that may have waited is the one this very scan completed
                    waiting.ifPresent(w -> assertThat(outcome.events().get(0).sku())
                            .as("order completed while %s waited, after %s", w.sku(), raws).contains(w.sku()));
                    assertThat(outcome.events().get(0).quantity()).isPositive();
                }
            }
            // complete exactly when every line is counted and nothing waits
            if (session.order().isPresent() && !session.locked() && session.missing().isEmpty()) {
                assertThat(session.awaitingData()).as("a full box left open without a reason, after %s", raws).isTrue();
            }
            if (session.awaiting().isPresent()) {
                assertThat(session.awaiting().get().missing()).isNotEmpty();
            }
        }
    }
}
