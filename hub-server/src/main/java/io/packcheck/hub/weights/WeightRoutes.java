package io.packcheck.hub.weights;

import io.packcheck.hub.http.HubServices;
import io.packcheck.hub.reports.Reply;
import io.packcheck.hub.reports.Table;
import io.packcheck.hub.weights.LearnedWeightStore.WeightRow;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/v1/reports/weights}: per SKU the catalogue weight, the learned one, the parcels behind it, and
 * whether they disagree (a catalogue error found). {@code ?disagreeing=true} lists only those. Beside the rows,
 * {@code tares}: the learned box tares ({@code box} null: the stations' default box).
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
        LearnedWeightStore store = hub.storage().learnedWeights();
        hub.db().call(() -> new Learned(store.weights(), store.tares())).onSuccess(learned -> {
            List<WeightRow> rows = learned.weights();
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
            JsonArray tares = new JsonArray();
            learned.tares().forEach((box, tare) -> tares.add(new JsonObject().put("box", box.orElse(null))
                    .put("grams", round(tare.grams())).put("parcels", tare.parcels()).put("spreadGrams", round(tare.spreadGrams()))));
            Reply.send(ctx, "weights", table, new JsonObject().put("disagreeing", disagreeing).put("tares", tares));
        }).onFailure(ctx::fail);
    }

    private record Learned(List<WeightRow> weights, Map<Optional<String>, LearnedWeightStore.Learned> tares) {
    }

    private static double round(double grams) {
        return Math.round(grams * 10) / 10.0;
    }
}
