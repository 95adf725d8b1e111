package io.packcheck.hub.http;

import io.packcheck.core.catalog.Badge;
import io.packcheck.core.catalog.OrderLine;
import io.packcheck.core.verify.Commands;
import io.packcheck.hub.auth.CredentialKind;
import io.packcheck.hub.enrol.StationEnrolment;
import io.packcheck.hub.print.Barcode;
import io.packcheck.hub.print.BarcodePng;
import io.packcheck.hub.print.BarcodeSvg;
import io.packcheck.hub.print.Barcodes;
import io.packcheck.hub.print.CommandCode;
import io.packcheck.hub.print.Paper;
import io.packcheck.hub.print.PrintPages;
import io.packcheck.hub.storage.Missing;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Print-ready pages (pack slip, badges, command sheet, station enrolment sheet) and single barcode
 * images, for ops. Pages are whole HTML documents with their print CSS; {@code ?paper=a4|letter}.
 */
public final class PrintRoutes {

    /** More codes than fit on a few sheets is a mistake in the query, not a print job. */
    public static final int MAX_BADGE_CODES = 500;

    private final HubServices hub;
    private final StationEnrolment enrolment;
    private final Handler<RoutingContext> readers;

    /**
     * @param readers who may print slips, badges, the command sheet and barcodes: the dashboard passes its
     *                signed-in users and API keys; enrolment sheets issue a station credential and stay API-key only
     */
    public PrintRoutes(HubServices hub, StationEnrolment enrolment, Handler<RoutingContext> readers) {
        this.hub = hub;
        this.enrolment = enrolment;
        this.readers = readers;
    }

    public void mount(Router router) {
        var ops = hub.auth().require(CredentialKind.APIKEY);
        router.get("/api/v1/print/orders/:id/slip").setName("printPackSlip").handler(readers).handler(this::slip);
        router.get("/api/v1/print/badges").setName("printBadges").handler(readers).handler(this::badges);
        router.get("/api/v1/print/commands").setName("printCommands").handler(readers).handler(this::commands);
        router.get("/api/v1/print/stations/:id/enrolment").setName("printEnrolment").handler(ops).handler(this::enrolment);
        router.get("/api/v1/print/barcode.png").setName("barcodePng").handler(readers).handler(this::png);
        router.get("/api/v1/print/barcode.svg").setName("barcodeSvg").handler(readers).handler(this::svg);
    }

    private void slip(RoutingContext ctx) {
        String id = Bodies.pathKey(ctx, "id");
        PrintPages pages = pages(ctx);
        hub.db().call(() -> {
            var order = hub.storage().catalog().order(id)
                    .orElseThrow(() -> new Missing("id", "order " + id + " does not exist"))
                    .order();
            var items = hub.storage().catalog().items(order.lines().stream().map(OrderLine::sku).distinct().toList());
            return pages.packSlip(order, items);
        }).onSuccess(html -> html(ctx, html)).onFailure(ctx::fail);
    }

    private void badges(RoutingContext ctx) {
        List<String> codes = new ArrayList<>();
        for (String value : ctx.queryParam("code")) {
            for (String code : value.split(",")) {
                if (!code.isBlank()) {
                    codes.add(code.trim());
                }
            }
        }
        if (codes.size() > MAX_BADGE_CODES) {
            throw ApiError.badRequest("code", "at most " + MAX_BADGE_CODES + " badge codes per page, got " + codes.size());
        }
        PrintPages pages = pages(ctx);
        hub.db().call(() -> {
            List<Badge> badges = hub.storage().catalog().badges(codes);
            if (!codes.isEmpty() && badges.size() < codes.stream().distinct().count()) {
                List<String> missing = new ArrayList<>(codes);
                badges.forEach(b -> missing.remove(b.code()));
                throw new Missing("code", "no badge with code " + String.join(", ", missing));
            }
            return pages.badges(badges);
        }).onSuccess(html -> html(ctx, html)).onFailure(ctx::fail);
    }

    private void commands(RoutingContext ctx) {
        List<CommandCode> commands = Commands.sheet().stream()
                .map(e -> new CommandCode(e.label() + " - " + e.description(), e.barcode()))
                .toList();
        html(ctx, pages(ctx).commandSheet(commands));
    }

    private void enrolment(RoutingContext ctx) {
        String stationId = Bodies.pathKey(ctx, "id");
        URI hubUrl = EnrolmentRoutes.hubUrl(ctx, Bodies.query(ctx, "hubUrl"));
        Duration valid = EnrolmentRoutes.validity(Bodies.query(ctx, "valid"));
        PrintPages pages = pages(ctx);
        hub.db().call(() -> EnrolmentRoutes.issue(enrolment, stationId, hubUrl, valid))
                .onSuccess(issued -> html(ctx, pages.enrolmentSheet(issued.enrolment(), Optional.of(issued.expiresAt()))))
                .onFailure(ctx::fail);
    }

    private void png(RoutingContext ctx) {
        Barcode barcode = barcode(ctx);
        int scale = Bodies.intQuery(ctx, "scale", 1, 20, barcode.kind().linear() ? 3 : 8);
        ctx.response().putHeader("Content-Type", "image/png");
        ctx.end(Buffer.buffer(BarcodePng.png(barcode, scale)));
    }

    private void svg(RoutingContext ctx) {
        Barcode barcode = barcode(ctx);
        ctx.response().putHeader("Content-Type", "image/svg+xml");
        ctx.end(BarcodeSvg.svg(barcode, barcode.kind().linear() ? 0.33 : 1.0));
    }

    private static Barcode barcode(RoutingContext ctx) {
        String type = Bodies.query(ctx, "type").orElse("code128").toLowerCase(Locale.ROOT);
        String data = Bodies.query(ctx, "data")
                .orElseThrow(() -> ApiError.badRequest("data", "data is required: the text the barcode carries"));
        try {
            return switch (type) {
                case "code128" -> Barcodes.code128("data", data);
                case "qr" -> Barcodes.qr("data", data);
                default -> throw ApiError.badRequest("type", "type '" + type + "' is not one of code128, qr");
            };
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("data", e.getMessage());
        }
    }

    private PrintPages pages(RoutingContext ctx) {
        try {
            return new PrintPages(Bodies.query(ctx, "paper").map(Paper::parse).orElse(Paper.A4), hub.clock());
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("paper", e.getMessage());
        }
    }

    private static void html(RoutingContext ctx, String html) {
        // pages may carry a live enrolment code: no cache keeps a copy
        ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").putHeader("Cache-Control", "no-store");
        ctx.end(html);
    }
}
