package io.packcheck.core.verify;

import static io.packcheck.core.verify.InMemoryCatalog.codes;

import io.packcheck.core.barcode.ScanParse;
import io.packcheck.core.catalog.Badge;
import io.packcheck.core.catalog.Item;
import io.packcheck.core.catalog.ItemBarcode;
import io.packcheck.core.catalog.Order;
import io.packcheck.core.catalog.OrderLine;
import io.packcheck.core.catalog.OrderStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** A station with a small catalog, driven scan by scan; each test gets a fresh one. */
class PackFixture {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    static final String MUG = "4006381333931";
    static final String MUG_14 = "04006381333931";
    static final String MUG_CASE = "14006381333938";
    static final String TEA = "5901234123457";
    static final String TEA_14 = "05901234123457";
    static final String PHONE = "036000291452";
    static final String PHONE_14 = "00036000291452";
    static final String PEN = "96385074";

    static final Order SO_1234 = order("SO-1234", OrderStatus.OPEN,
            new OrderLine("MUG-BLUE", 3), new OrderLine("TEA-GREEN", 2), new OrderLine("PHONE-X", 1));

    final InMemoryCatalog catalog = new InMemoryCatalog()
            .item(new Item("MUG-BLUE", "Blue Mug", List.of(new ItemBarcode(MUG, 1), new ItemBarcode(MUG_CASE, 6)), false, false, 0))
            .item(new Item("TEA-GREEN", "Green Tea", codes(TEA), false, true, 30))
            .item(new Item("PHONE-X", "Phone X", codes(PHONE), true, false, 0))
            .item(new Item("PEN-RED", "Red Pen", codes(PEN), false, false, 0))
            .item(new Item("CABLE", "USB Cable", codes("LBL-CABLE"), false, false, 0))
            .order(SO_1234, "PS-1234", "TOTE-17")
            .order(order("SO-2000", OrderStatus.OPEN, new OrderLine("MUG-BLUE", 8)))
            .order(order("SO-PHONES", OrderStatus.OPEN, new OrderLine("PHONE-X", 2)))
            .order(order("SO-MUGS", OrderStatus.OPEN, new OrderLine("MUG-BLUE", 2)))
            .order(order("SO-CABLE", OrderStatus.IN_PROGRESS, new OrderLine("CABLE", 1), new OrderLine("PEN-RED", 1)))
            .order(new Order("SO-HOLD", 1, List.of(new OrderLine("MUG-BLUE", 1)), Optional.empty(), 0,
                    OrderStatus.ON_HOLD, Optional.of("address check")))
            .order(order("SO-CANC", OrderStatus.CANCELLED, new OrderLine("MUG-BLUE", 1)))
            .order(order("SO-DONE", OrderStatus.VERIFIED, new OrderLine("MUG-BLUE", 1)))
            .badge(new Badge("P100", "Ana", Badge.Role.PACKER))
            .badge(new Badge("S900", "Sam", Badge.Role.SUPERVISOR));

    PackRules rules = new PackRules(BERLIN);
    PackSession session = PackSession.idle("ST-1");
    Instant at = NOW;

    static Order order(String id, OrderStatus status, OrderLine... lines) {
        return new Order(id, 1, List.of(lines), Optional.empty(), 0, status, Optional.empty());
    }

    /** Scans and keeps the new session, as the station does. */
    Outcome scan(ScanParse scan) {
        Outcome outcome = rules.scan(session, scan, catalog, at);
        session = outcome.session();
        return outcome;
    }

    Outcome scan(String text) {
        return scan(Scans.text(text));
    }

    Outcome ean(String digits) {
        return scan(Scans.ean(digits));
    }

    Optional<Outcome> orderChanged(Order updated) {
        Optional<Outcome> outcome = rules.orderChanged(session, updated, at);
        outcome.ifPresent(o -> session = o.session());
        return outcome;
    }
}
