package io.packcheck.hub.reports;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Answers a report as JSON ({@code rows} plus the report's own fields) or, with {@code ?format=csv}, as a CSV file. */
public final class Reply {

    private Reply() {}

    public static boolean wantsCsv(RoutingContext ctx) {
        String format = ReportRoutes.Params.oneOf(ctx, "format", java.util.List.of("json", "csv"), "json");
        return format.equals("csv");
    }

    public static void send(RoutingContext ctx, String name, Table table, JsonObject extra) {
        if (wantsCsv(ctx)) {
            csv(ctx, name, table);
        } else {
            json(ctx, extra.put("rows", table.toJson()));
        }
    }

    static void json(RoutingContext ctx, JsonObject body) {
        ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store");
        ctx.end(body.encode());
    }

    static void csv(RoutingContext ctx, String name, Table table) {
        String file = name.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv";
        ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
                .putHeader("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .putHeader("Cache-Control", "no-store");
        ctx.end(table.toCsv());
    }
}
