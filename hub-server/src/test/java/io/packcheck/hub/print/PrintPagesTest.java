package io.packcheck.hub.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packcheck.core.catalog.Badge;
import io.packcheck.core.catalog.Item;
import io.packcheck.core.catalog.ItemBarcode;
import io.packcheck.core.catalog.Order;
import io.packcheck.core.catalog.OrderLine;
import io.packcheck.core.catalog.OrderStatus;
import io.packcheck.core.enrol.Enrolment;
import io.packcheck.core.enrol.EnrolmentParse;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrintPagesTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T08:15:42Z"), ZoneOffset.UTC);
    static final List<CommandCode> COMMANDS = List.of(
            new CommandCode("Clear (wrong item taken out)", "PCK-CLEAR"),
            new CommandCode("Undo last scan", "PCK-UNDO"),
            new CommandCode("Short: rest is missing", "PCK-SHORT"),
            new CommandCode("Cancel session", "PCK-CANCEL"),
            new CommandCode("Log out", "PCK-LOGOUT"),
            new CommandCode("Override: item damaged", "PCK-R-DAMAGED"),
            new CommandCode("Override: substitute approved", "PCK-R-SUBST"));
    static final Enrolment ENROLMENT = new Enrolment(
            URI.create("https://hub.example.com:8443/packcheck"), "PACK-07", "q8Zr2Lx0_vN-4tYbWc1mKe7a");

    private final PrintPages pages = new PrintPages(Paper.A4, CLOCK);

    static Order order(String id) {
        return new Order(id, 3, List.of(new OrderLine("SKU-MUG", 2), new OrderLine("SKU-TEA", 1)),
                Optional.of(Instant.parse("2026-11-22T16:00:00Z")), 0, OrderStatus.OPEN, Optional.empty());
    }

    static Map<String, Item> items() {
        return Map.of(
                "SKU-MUG", new Item("SKU-MUG", "Mug <b>blue</b> & white", List.of(new ItemBarcode("05901234123457", 1)),
                        false, false, 0),
                "SKU-TEA", new Item("SKU-TEA", "Green tea 50 bags", List.of(), false, false, 0));
    }

    static List<Badge> badges() {
        return List.of(
                new Badge("ann01", "Ann O'Neil", Badge.Role.PACKER),
                new Badge("bob02", "Bob <Boss>", Badge.Role.SUPERVISOR));
    }

    @Test
    void aPackSlipCarriesTheOrderIdAsItsOnlyBarcodeAndListsTheLines() {
        var html = pages.packSlip(order("ORD-10023"), items());

        assertThat(Scanned.barcodesOf(html)).containsExactly("ORD-10023");
        assertThat(html).contains("SKU-MUG", "SKU-TEA", "Green tea 50 bags", "2026-11-22 16:00 UTC", "2 lines, 3 units");
    }

    @Test
    void aPackSlipEscapesTheOrderIdAndItemNames() {
        var html = pages.packSlip(order("<script>alert(1)</script>"), items());

        assertThat(html).doesNotContain("<script>", "<b>blue</b>");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "Mug &lt;b&gt;blue&lt;/b&gt; &amp; white");
        assertThat(Scanned.barcodesOf(html)).containsExactly("<script>alert(1)</script>");
    }

    @Test
    void aPackSlipShowsNoNameForAnSkuTheCatalogDoesNotKnow() {
        var html = pages.packSlip(order("ORD-1"), Map.of());

        assertThat(html).contains("<td class=\"sku\">SKU-TEA</td><td></td>");
    }

    @Test
    void refusesAPackSlipForAnOrderIdNoScannerCanSendNamingTheField() {
        assertThatThrownBy(() -> pages.packSlip(order("ORD-\u00c41"), items()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("order id 'ORD-\u00c41' has character U+00C4 at position 5");
    }

    @Test
    void pagesAreLaidOutForTheChosenPaperWithPrintRules() {
        var a4 = pages.packSlip(order("ORD-1"), items());
        var letter = new PrintPages(Paper.LETTER, CLOCK).packSlip(order("ORD-1"), items());

        assertThat(a4).contains("@page { size: A4; margin: 12mm; }", "page-break-inside: avoid",
                "@media print { .screen-only { display: none; }");
        assertThat(letter).contains("@page { size: letter; margin: 12mm; }");
        assertThat(a4).contains("printed 2026-11-20 08:15 UTC");
    }

    @Test
    void aBadgeSheetHasOneCardPerBadgeWithItsRolePrefix() {
        var html = pages.badges(badges());

        assertThat(Scanned.barcodesOf(html)).containsExactly("PCK-P-ann01", "PCK-S-bob02");
        assertThat(html).contains("<section class=\"card packer\">", "<section class=\"card supervisor\">");
        assertThat(html).contains("Ann O&#39;Neil", "Bob &lt;Boss&gt;").doesNotContain("<Boss>");
    }

    @Test
    void aBadgeWithoutANameShowsItsCode() {
        var html = pages.badges(List.of(new Badge("c77", "", Badge.Role.PACKER)));

        assertThat(html).contains("<p class=\"name\">c77</p>");
    }

    @Test
    void anEmptyBadgeSheetSaysSoInsteadOfPrintingBlankCards() {
        var html = pages.badges(List.of());

        assertThat(html).contains("No badges to print.");
        assertThat(Scanned.svgs(html)).isEmpty();
    }

    @Test
    void refusesABadgeWhoseCodeCannotBeABarcodeNamingTheBadge() {
        var bad = List.of(new Badge("ann01", "Ann", Badge.Role.PACKER), new Badge("j\u00f6rg", "J\u00f6rg", Badge.Role.SUPERVISOR));

        assertThatThrownBy(() -> pages.badges(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("supervisor badge 'j\u00f6rg' 'PCK-S-j\u00f6rg' has character U+00F6");
    }

    @Test
    void theCommandSheetCarriesEveryCommandInTheOrderGiven() {
        var html = pages.commandSheet(COMMANDS);

        assertThat(Scanned.barcodesOf(html)).containsExactlyElementsOf(COMMANDS.stream().map(CommandCode::code).toList());
        assertThat(html).contains("Clear (wrong item taken out)", "Override: item damaged");
    }

    @Test
    void aCommandCodeMustBeACommand() {
        assertThatThrownBy(() -> new CommandCode("Clear", "CLEAR"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("command 'Clear': code 'CLEAR' must start with PCK-");
        assertThatThrownBy(() -> new CommandCode(" ", "PCK-CLEAR"))
                .hasMessage("command label is empty (code PCK-CLEAR)");
    }

    @Test
    void theEnrolmentSheetQrIsAcceptedByTheStationParser() {
        var html = pages.enrolmentSheet(ENROLMENT, Optional.empty());

        var scanned = Scanned.barcodesOf(html);

        assertThat(scanned).hasSize(1);
        assertThat(Enrolment.parse("]Q1" + scanned.get(0))).isEqualTo(new EnrolmentParse.Parsed(ENROLMENT));
        assertThat(html).contains("Enrol station PACK-07", "https://hub.example.com:8443/packcheck");
        assertThat(html).doesNotContain("Valid until");
    }

    @Test
    void theEnrolmentSheetShowsWhenTheCodeExpires() {
        var html = pages.enrolmentSheet(ENROLMENT, Optional.of(Instant.parse("2026-11-21T08:15:00Z")));

        assertThat(html).contains("<dt>Valid until</dt><dd>2026-11-21 08:15 UTC</dd>");
    }

    @Test
    void paperIsReadFromAQueryParameterWithAClearError() {
        assertThat(Paper.parse("letter")).isEqualTo(Paper.LETTER);
        assertThat(Paper.parse("A4")).isEqualTo(Paper.A4);
        assertThatThrownBy(() -> Paper.parse("a5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("paper 'a5' is not known; use a4 or letter");
    }
}
