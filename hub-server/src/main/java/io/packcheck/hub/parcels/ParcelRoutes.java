package io.packcheck.hub.parcels;

import io.packcheck.core.catalog.Box;
import io.packcheck.core.catalog.OrderStatus;
import io.packcheck.core.verify.Commands;
import io.packcheck.hub.auth.CredentialKind;
import io.packcheck.hub.http.ApiError;
import io.packcheck.hub.http.Bodies;
import io.packcheck.hub.http.HubServices;
import io.packcheck.hub.print.CommandCode;
import io.packcheck.hub.print.Paper;
import io.packcheck.hub.print.PrintPages;
import io.packcheck.hub.storage.Missing;
import io.packcheck.hub.storage.Write;
import io.packcheck.protocol.BoxCodec;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Parcels: the box catalogue (ops), which parcel a shipping label went out with (carrier hand-off, returns desk,
 * stations), and the printed box-type sheet and parcel slips.
 */
public final class ParcelRoutes {

    private final HubServices hub;
    private final ParcelService parcels;
    private final Handler<RoutingContext> readers;

    /** @param readers who may print: signed-in dashboard users and API keys, as for the other printables */
    public ParcelRoutes(HubServices hub, ParcelService parcels, Handler<RoutingContext> readers) {
        this.hub = hub;
        this.parcels = parcels;
        this.readers = readers;
    }

    public void mount(Router router) {
        var ops = hub.auth().require(CredentialKind.APIKEY);
        BodyHandler body = BodyHandler.create(false).setBodyLimit(hub.limits().jsonBody());
        router.put("/api/v1/boxes/:code").setName("putBox").handler(body).handler(ops).handler(this::putBox);
        router.get("/api/v1/boxes").setName("listBoxes").handler(ops).handler(this::boxes);
        router.get("/api/v1/boxes/:code").setName("getBox").handler(ops).handler(this::box);
        router.get("/api/v1/parcels/:label").setName("getParcel")
                .handler(hub.auth().requireAny(EnumSet.of(CredentialKind.APIKEY, CredentialKind.STATION, CredentialKind.USER)))
                .handler(this::parcel);
        router.get("/api/v1/print/boxes").setName("printBoxes").handler(readers).handler(this::boxSheet);
        router.get("/api/v1/print/orders/:id/parcels/:number").setName("printParcelSlip").handler(readers)
                .handler(this::parcelSlip);
    }

    private void putBox(RoutingContext ctx) {
        Box box = BoxCodec.fromJson(Bodies.pathKey(ctx, "code"), Bodies.json(ctx));
        hub.db().call(() -> hub.storage().catalog().putBox(box))
                .onSuccess(write -> Bodies.respond(ctx, write == Write.CREATED ? 201 : 200, new JsonObject()
                        .put("result", write.name().toLowerCase(Locale.ROOT)).put("box", BoxCodec.toJson(box))))
                .onFailure(ctx::fail);
    }

    private void boxes(RoutingContext ctx) {
        hub.db().call(() -> hub.storage().catalog().boxes()).onSuccess(boxes -> {
            JsonArray out = new JsonArray();
            boxes.forEach(b -> out.add(BoxCodec.toJson(b)));
            Bodies.respond(ctx, 200, new JsonObject().put("boxes", out));
        }).onFailure(ctx::fail);
    }

    private void box(RoutingContext ctx) {
        String code = Bodies.pathKey(ctx, "code");
        hub.db().call(() -> hub.storage().catalog().box(code)
                        .orElseThrow(() -> new Missing("code", "box type " + code + " is not in the box catalogue")))
                .onSuccess(box -> Bodies.respond(ctx, 200, BoxCodec.toJson(box)))
                .onFailure(ctx::fail);
    }

    private void parcel(RoutingContext ctx) {
        String label = Bodies.pathKey(ctx, "label");
        hub.db().call(() -> parcels.byLabel(label))
                .onSuccess(found -> Bodies.respond(ctx, 200, ParcelJson.found(found)))
                .onFailure(ctx::fail);
    }

    private void boxSheet(RoutingContext ctx) {
        PrintPages pages = pages(ctx);
        hub.db().call(() -> hub.storage().catalog().boxes()).onSuccess(boxes -> {
            List<CommandCode> codes = new ArrayList<>();
            codes.add(new CommandCode(Commands.label(Commands.NEWBOX) + " - close this parcel, start the next", Commands.NEWBOX));
            for (Box b : boxes) {
                codes.add(new CommandCode("BOX " + b.code() + (b.name().equals(b.code()) ? "" : " - " + b.name())
                        + " (" + ParcelWords.grams(b.tareGrams()) + " empty" + size(b) + ")", Commands.BOX + b.code()));
            }
            html(ctx, pages.boxSheet(codes));
        }).onFailure(ctx::fail);
    }

    private static String size(Box b) {
        return b.innerLengthMm() > 0 && b.innerWidthMm() > 0 && b.innerHeightMm() > 0
                ? ", inside " + b.innerLengthMm() + " x " + b.innerWidthMm() + " x " + b.innerHeightMm() + " mm" : "";
    }

    private void parcelSlip(RoutingContext ctx) {
        String id = Bodies.pathKey(ctx, "id");
        int number = pathNumber(ctx);
        PrintPages pages = pages(ctx);
        hub.db().call(() -> {
            var order = hub.storage().catalog().order(id)
                    .orElseThrow(() -> new Missing("id", "order " + id + " does not exist")).order();
            List<ClosedParcel> all = parcels.ofOrder(order.id());
            ClosedParcel parcel = all.stream().filter(p -> p.number() == number).findFirst()
                    .orElseThrow(() -> new Missing("number", "order " + order.id() + " has no closed parcel " + number
                            + (all.isEmpty() ? " (no parcel closed yet)" : " (parcels closed: " + all.size() + ")")));
            var items = hub.storage().catalog().items(parcel.items().keySet());
            return pages.parcelSlip(order, parcel, all.size(), order.status() == OrderStatus.VERIFIED, items);
        }).onSuccess(html -> html(ctx, html)).onFailure(ctx::fail);
    }

    private static int pathNumber(RoutingContext ctx) {
        String raw = ctx.pathParam("number");
        try {
            int n = Integer.parseInt(raw);
            if (n < 1 || n > 10_000) {
                throw ApiError.badRequest("number", "number must be between 1 and 10000, got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("number", "number '" + raw + "' is not a whole number (the parcel's number, 1 for the first)");
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
        ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").putHeader("Cache-Control", "no-store");
        ctx.end(html);
    }
}
