package io.packcheck.hub.weights;

import io.packcheck.hub.http.HubServices;
import io.packcheck.hub.reports.Reply;
import io.packcheck.hub.reports.Table;
import io.packcheck.hub.weights.LearnedWeightStore.WeightRow;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/v1/reports/weights}: per SKU the catalogue weight, the learned one, the parcels behind it, and
 * whether they disagree (a catalogue error found). {@code ?disagreeing=true} lists only those.
 */
public final class WeightRoutes {

    private final HubServices hub;
    private final Handler<RoutingContext> auth;

    public WeightRoutes(HubServices hub, Handler<RoutingContext> reportsAuth) {
        this.hub = hub;
        this.auth = reportsAuth;
    }

    public void mount(Router router) {
        router.get("/api/v1/reports/weights").setName("reportWeights").handler(ctx -> {
            Reply.wantsCsv(ctx);
            auth.handle(ctx);
        }).handler(this::weights);
    }

    private void weights(RoutingContext ctx) {
        boolean onlyDisagreeing = "true".equals(ctx.request().getParam("disagreeing"));
        hub.db().call(() -> hub.storage().learnedWeights().weights()).onSuccess(rows -> {
            Table table = Table.of("sku", "catalogueGrams", "learnedGrams", "parcels", "spreadGrams", "disagrees");
            int disagreeing = 0;
            for (WeightRow row : rows) {
                boolean disagrees = row.catalogueGrams().isPresent() && row.learned().isPresent()
                        && WeightLearning.disagrees(row.catalogueGrams().get(), row.learned().get().grams());
                disagreeing += disagrees ? 1 : 0;
                if (onlyDisagreeing && !disagrees) {
                    continue;
                }
                table.row(row.sku(), row.catalogueGrams().orElse(null),
                        row.learned().map(l -> round(l.grams())).orElse(null),
                        row.learned().map(LearnedWeightStore.Learned::parcels).orElse(0),
                        row.learned().map(l -> round(l.spreadGrams())).orElse(null), disagrees);
            }
            Reply.send(ctx, "weights", table, new JsonObject().put("disagreeing", disagreeing));
        }).onFailure(ctx::fail);
    }

    private static double round(double grams) {
        return Math.round(grams * 10) / 10.0;
    }
}
