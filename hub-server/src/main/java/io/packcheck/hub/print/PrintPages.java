package io.packcheck.hub.print;

import io.packcheck.core.catalog.Badge;
import io.packcheck.core.catalog.Item;
import io.packcheck.core.catalog.Order;
import io.packcheck.core.catalog.OrderLine;
import io.packcheck.core.enrol.Enrolment;
import io.packcheck.hub.parcels.ClosedParcel;
import io.packcheck.hub.parcels.ParcelWords;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The printable pages as self-contained HTML (barcodes inline as SVG, print CSS in the head): pack slip,
 * parcel slip, badge sheet, command sheet, box-type sheet and station enrolment sheet. Every piece of user text is HTML-escaped, and
 * a page is built whole or not at all: text that cannot be a barcode throws before anything is returned.
 */
public final class PrintPages {

    /** Badge prefixes the station recognises: a packer logs in, a supervisor authorises an override. */
    public static final String PACKER_BADGE_PREFIX = "PCK-P-";
    public static final String SUPERVISOR_BADGE_PREFIX = "PCK-S-";

    // 0.33 mm (13 mil) suits any handheld at arm's length; a 48-character id still fits across the sheet
    private static final double SLIP_MODULE_MM = 0.33;
    // a card is 85.6 mm wide: 0.25 mm keeps a 20-character badge code inside it
    private static final double CARD_MODULE_MM = 0.25;
    private static final double COMMAND_MODULE_MM = 0.33;
    // about 50 mm across for a typical enrolment: a scanner reads it from a hand-held sheet without aiming
    private static final double QR_MODULE_MM = 1.0;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Paper paper;
    private final Clock clock;

    public PrintPages(Paper paper, Clock clock) {
        this.paper = paper;
        this.clock = clock;
    }

    /** The code a badge's barcode carries: {@code PCK-P-<code>} or {@code PCK-S-<code>}. */
    public static String badgeBarcode(Badge badge) {
        return (badge.role() == Badge.Role.SUPERVISOR ? SUPERVISOR_BADGE_PREFIX : PACKER_BADGE_PREFIX) + badge.code();
    }

    /** The slip that goes into the tote: the order id as Code 128 and the lines to pack; items give the names. */
    public String packSlip(Order order, Map<String, Item> itemsBySku) {
        String barcode = BarcodeSvg.svg(Barcodes.code128("order id", order.id()), SLIP_MODULE_MM);
        var rows = new StringBuilder();
        int units = 0;
        for (OrderLine line : order.lines()) {
            String name = Optional.ofNullable(itemsBySku.get(line.sku())).map(Item::name).orElse("");
            units += line.quantity();
            rows.append("<tr><td class=\"sku\">").append(Html.escape(line.sku()))
                    .append("</td><td>").append(Html.escape(name))
                    .append("</td><td class=\"qty\">").append(line.quantity())
                    .append("</td><td class=\"tick\"><span class=\"box\"></span></td></tr>\n");
        }
        String shipBy = order.shipBy().map(STAMP::format).orElse("not set");
        String body = "<header class=\"slip-head\"><div><p class=\"kicker\">Pack slip</p>"
                + "<h1 class=\"order-id\">" + Html.escape(order.id()) + "</h1>"
                + "<p class=\"meta\">Ship by " + Html.escape(shipBy)
                + (order.priority() > 0 ? " &middot; priority " + order.priority() : "")
                + " &middot; " + order.lines().size() + " lines, " + units + " units</p></div>"
                + "<figure class=\"code\">" + barcode + "</figure></header>\n"
                + "<p class=\"hint\">Scan the barcode at the pack station to open this order, then scan every item.</p>\n"
                + "<table class=\"lines\"><thead><tr><th>SKU</th><th>Item</th><th class=\"qty\">Qty</th>"
                + "<th class=\"tick\">Packed</th></tr></thead>\n<tbody>\n" + rows + "</tbody></table>\n";
        return page("Pack slip " + order.id(), "slip", body);
    }

    /** Badge cards (ID-1 card size) to cut out; supervisor cards are framed heavier so they are told apart. */
    public String badges(List<Badge> badges) {
        var cards = new StringBuilder();
        for (Badge badge : badges) {
            String code = badgeBarcode(badge);
            String what = (badge.role() == Badge.Role.SUPERVISOR ? "supervisor" : "packer") + " badge '" + badge.code() + "'";
            String svg = BarcodeSvg.svg(Barcodes.code128(what, code), CARD_MODULE_MM);
            String role = badge.role() == Badge.Role.SUPERVISOR ? "Supervisor" : "Packer";
            cards.append("<section class=\"card ").append(role.toLowerCase(Locale.ROOT)).append("\">")
                    .append("<p class=\"role\">").append(role).append("</p>")
                    .append("<p class=\"name\">").append(Html.escape(badge.name().isBlank() ? badge.code() : badge.name()))
                    .append("</p><figure class=\"code\">").append(svg).append("</figure></section>\n");
        }
        String body = "<h1>Badges</h1>\n"
                + (badges.isEmpty()
                        ? "<p class=\"empty\">No badges to print.</p>\n"
                        : "<p class=\"hint\">Cut along the frames. Packers scan theirs to log in at a station;"
                                + " supervisors scan theirs to authorise an override.</p>\n"
                                + "<div class=\"cards\">\n" + cards + "</div>\n");
        return page("Badges", "badges", body);
    }

    /** The sheet kept at each station: one barcode per command, in the order given. */
    public String commandSheet(List<CommandCode> commands) {
        var cells = new StringBuilder();
        for (CommandCode command : commands) {
            String svg = BarcodeSvg.svg(Barcodes.code128("command '" + command.label() + "'", command.code()),
                    COMMAND_MODULE_MM);
            cells.append("<section class=\"command\"><p class=\"label\">").append(Html.escape(command.label()))
                    .append("</p><figure class=\"code\">").append(svg).append("</figure></section>\n");
        }
        String body = "<h1>Station commands</h1>\n"
                + "<p class=\"hint\">Scan a command at the pack station. Override reasons need a supervisor badge first.</p>\n"
                + (commands.isEmpty()
                        ? "<p class=\"empty\">No commands to print.</p>\n"
                        : "<div class=\"commands\">\n" + cells + "</div>\n");
        return page("Station commands", "commands", body);
    }

    /**
     * The slip that goes on or into one parcel of an order: order id and parcel n of m, what is in it, its shipping
     * label as a barcode (the carrier hand-off and the returns desk scan it) and its weight.
     *
     * @param verified whether the whole order is verified; a slip printed while it is still being packed says so
     */
    public String parcelSlip(Order order, ClosedParcel parcel, int of, boolean verified, Map<String, Item> itemsBySku) {
        String orderCode = BarcodeSvg.svg(Barcodes.code128("order id", order.id()), SLIP_MODULE_MM);
        String labelCode = parcel.label()
                .map(l -> "<figure class=\"code label-code\"><figcaption>Shipping label " + Html.escape(l) + "</figcaption>"
                        + BarcodeSvg.svg(Barcodes.code128("label", l), SLIP_MODULE_MM) + "</figure>\n")
                .orElse("<p class=\"hint\">No shipping label was scanned for this parcel.</p>\n");
        var rows = new StringBuilder();
        parcel.items().forEach((sku, quantity) -> {
            String name = Optional.ofNullable(itemsBySku.get(sku)).map(Item::name).orElse("");
            rows.append("<tr><td class=\"sku\">").append(Html.escape(sku)).append("</td><td>").append(Html.escape(name))
                    .append("</td><td class=\"qty\">").append(quantity).append("</td></tr>\n");
        });
        String weight = parcel.weightGrams().map(g -> ParcelWords.grams(g)
                        + parcel.expectedGrams().map(x -> " (expected " + ParcelWords.grams(x)
                                + parcel.toleranceGrams().map(t -> " +/- " + Math.round(t)).orElse("") + ")").orElse(""))
                .orElse("not weighed");
        String body = "<header class=\"slip-head\"><div><p class=\"kicker\">Parcel slip</p>"
                + "<h1 class=\"order-id\">" + Html.escape(order.id()) + "</h1>"
                + "<p class=\"parcel-of\">Parcel " + parcel.number() + " of " + of + "</p>"
                + "<p class=\"meta\">" + parcel.units() + (parcel.units() == 1 ? " unit" : " units")
                + parcel.box().map(b -> " &middot; box " + Html.escape(b)).orElse("")
                + " &middot; weight " + Html.escape(weight)
                + " &middot; closed " + STAMP.format(parcel.closedAt()) + " at station " + Html.escape(parcel.stationId())
                + (verified ? "" : " &middot; <strong>order not verified yet</strong>") + "</p></div>"
                + "<figure class=\"code\">" + orderCode + "</figure></header>\n"
                + labelCode
                + "<table class=\"lines\"><thead><tr><th>SKU</th><th>Item</th><th class=\"qty\">Qty</th></tr></thead>\n"
                + "<tbody>\n" + rows + "</tbody></table>\n";
        return page("Parcel " + parcel.number() + " of " + of + " - order " + order.id(), "slip parcel", body);
    }

    /** The box-type sheet kept at each station: NEW BOX, then one barcode per box type of the catalogue. */
    public String boxSheet(List<CommandCode> boxes) {
        var cells = new StringBuilder();
        for (CommandCode box : boxes) {
            String svg = BarcodeSvg.svg(Barcodes.code128("box '" + box.label() + "'", box.code()), COMMAND_MODULE_MM);
            cells.append("<section class=\"command\"><p class=\"label\">").append(Html.escape(box.label()))
                    .append("</p><figure class=\"code\">").append(svg).append("</figure></section>\n");
        }
        String body = "<h1>Box types</h1>\n"
                + "<p class=\"hint\">Scan a box type before packing a parcel into that box (the station weighs it with that"
                + " box's tare), or after packing to close the parcel and start the next one in that box. NEW BOX closes"
                + " the parcel and starts the next one.</p>\n"
                + "<div class=\"commands\">\n" + cells + "</div>\n";
        return page("Box types", "boxes", body);
    }

    /** The one-scan set-up sheet for a new station; {@code expiresAt} is when the hub stops accepting the code. */
    public String enrolmentSheet(Enrolment enrolment, Optional<Instant> expiresAt) {
        String svg = BarcodeSvg.svg(Barcodes.qr("enrolment code", enrolment.encode()), QR_MODULE_MM);
        String body = "<h1>Enrol station " + Html.escape(enrolment.stationId()) + "</h1>\n"
                + "<figure class=\"qr\">" + svg + "</figure>\n"
                + "<dl class=\"facts\"><dt>Station</dt><dd>" + Html.escape(enrolment.stationId()) + "</dd>"
                + "<dt>Hub</dt><dd>" + Html.escape(enrolment.hubUrl().toString()) + "</dd>"
                + expiresAt.map(t -> "<dt>Valid until</dt><dd>" + STAMP.format(t) + "</dd>").orElse("")
                + "</dl>\n"
                + "<ol class=\"steps\"><li>Start the new station with its scanner plugged in.</li>"
                + "<li>Scan this code. The station joins the hub and shows its id on the packer screen.</li>"
                + "<li>Destroy this sheet: the code works once, and until then it lets a device join as this station.</li></ol>\n";
        return page("Enrol station " + enrolment.stationId(), "enrol", body);
    }

    private String page(String title, String kind, String body) {
        String printed = STAMP.format(clock.instant().truncatedTo(ChronoUnit.MINUTES));
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
                + "<title>" + Html.escape(title) + "</title>\n<style>\n" + css() + "</style></head>\n"
                + "<body class=\"" + kind + "\">\n"
                + "<p class=\"screen-only\">Print at 100% scale (no \"fit to page\") on " + paper.cssName()
                + " paper, so bars keep their width.</p>\n"
                + "<main class=\"sheet\">\n" + body
                + "<footer class=\"printed\">PackCheck &middot; printed " + printed + "</footer>\n</main>\n"
                + "</body></html>\n";
    }

    private String css() {
        double contentWidth = paper.widthMm() - 24;
        return "@page { size: " + paper.cssName() + "; margin: 12mm; }\n"
                + "* { box-sizing: border-box; }\n"
                + "html, body { margin: 0; background: #fff; color: #000;"
                + " font: 11pt/1.35 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif; }\n"
                + ".sheet { width: " + String.format(Locale.ROOT, "%.1f", contentWidth) + "mm; margin: 0 auto; }\n"
                + "h1 { font-size: 18pt; margin: 0 0 3mm; }\n"
                + "figure { margin: 0; }\n"
                + "svg.barcode { display: block; max-width: 100%; height: auto; }\n"
                + ".hint, .printed, .meta, .kicker { color: #333; font-size: 9pt; }\n"
                + ".screen-only { background: #ffe; border: 1px solid #cc9; padding: 2mm 4mm; font-size: 9pt; }\n"
                + ".printed { margin-top: 6mm; text-align: right; }\n"
                + ".slip-head { display: flex; justify-content: space-between; align-items: flex-start; gap: 6mm;"
                + " border-bottom: 0.5mm solid #000; padding-bottom: 3mm; margin-bottom: 3mm; }\n"
                + ".kicker { margin: 0; text-transform: uppercase; letter-spacing: 0.1em; }\n"
                + ".order-id { font-size: 22pt; word-break: break-all; }\n"
                + "table.lines { width: 100%; border-collapse: collapse; }\n"
                + "table.lines thead { display: table-header-group; }\n"
                + "table.lines th, table.lines td { border-bottom: 0.2mm solid #999; padding: 1.5mm 2mm; text-align: left; }\n"
                + "table.lines tr { break-inside: avoid; page-break-inside: avoid; }\n"
                + "td.sku { font-family: 'DejaVu Sans Mono', monospace; }\n"
                + ".qty { text-align: right; width: 14mm; } .tick { width: 18mm; text-align: center; }\n"
                + ".box { display: inline-block; width: 5mm; height: 5mm; border: 0.3mm solid #000; }\n"
                + ".cards { display: flex; flex-wrap: wrap; gap: 4mm; }\n"
                + ".card { width: 85.6mm; height: 54mm; border: 0.3mm dashed #000; padding: 4mm; overflow: hidden;"
                + " display: flex; flex-direction: column; break-inside: avoid; page-break-inside: avoid; }\n"
                + ".card.supervisor { border: 1.2mm solid #000; }\n"
                + ".card .role { margin: 0; text-transform: uppercase; letter-spacing: 0.15em; font-size: 8pt; }\n"
                + ".card .name { margin: 1mm 0 2mm; font-size: 14pt; font-weight: bold; }\n"
                + ".card .code { margin-top: auto; }\n"
                + ".commands { display: flex; flex-wrap: wrap; gap: 6mm 8mm; }\n"
                + ".command { width: calc(50% - 4mm); break-inside: avoid; page-break-inside: avoid; }\n"
                + ".command .label { font-weight: bold; margin: 0 0 1mm; }\n"
                + ".qr { margin: 6mm 0; }\n"
                + ".parcel-of { font-size: 16pt; font-weight: bold; margin: 0 0 1mm; }\n"
                + ".label-code { margin: 0 0 4mm; } .label-code figcaption { font-size: 9pt; margin-bottom: 1mm; }\n"
                + ".facts dt { font-weight: bold; } .facts dd { margin: 0 0 2mm; font-family: 'DejaVu Sans Mono', monospace;"
                + " word-break: break-all; }\n"
                + "@media print { .screen-only { display: none; } body { -webkit-print-color-adjust: exact;"
                + " print-color-adjust: exact; } }\n";
    }
}
