package io.packcheck.hub.weights;

import io.packcheck.core.weight.Component;
import io.packcheck.core.weight.Estimate;
import io.packcheck.core.weight.WeighedParcel;
import io.packcheck.core.weight.WeightFit;
import io.packcheck.core.weight.WeightFitResult;
import io.packcheck.hub.http.DbWorker;
import io.packcheck.hub.weights.LearnedWeightStore.Learned;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns unit weights and box tares from the weighed parcels stations close, and keeps them for the stations and
 * the weights report. Reading and writing run on the database worker; the fit itself on a worker thread, never on
 * the event loop.
 */
public final class WeightLearning {

    private static final Logger LOG = LoggerFactory.getLogger(WeightLearning.class);

    public static final Duration REFIT_EVERY = Duration.ofSeconds(60);
    /** The newest parcels a fit reads: enough for every SKU that ships, bounded so one fit stays small. */
    static final int NEWEST_PARCELS = 20_000;

    private final Vertx vertx;
    private final DbWorker db;
    private final LearnedWeightStore store;
    private final Clock clock;
    private final WeightFit fit = new WeightFit();
    private long fittedUpTo = -1;
    private boolean running;

    public WeightLearning(Vertx vertx, DbWorker db, LearnedWeightStore store, Clock clock) {
        this.vertx = vertx;
        this.db = db;
        this.store = store;
        this.clock = clock;
    }

    /** Refits every {@link #REFIT_EVERY} when parcels arrived since the last fit; returns the timer id. */
    public long start() {
        return vertx.setPeriodic(REFIT_EVERY.toMillis(), t -> refitIfNew()
                .onFailure(e -> LOG.warn("could not refit learned weights: {}", e.getMessage())));
    }

    /** Refits when a parcel arrived since the last fit; the SKUs whose learned weight changed for the stations. */
    public Future<List<String>> refitIfNew() {
        if (running) {
            return Future.succeededFuture(List.of());
        }
        running = true;
        return db.call(store::lastParcelSeq).compose(last -> {
            if (last == fittedUpTo) {
                return Future.succeededFuture(List.<String>of());
            }
            return refit().onSuccess(changed -> fittedUpTo = last);
        }).andThen(done -> running = false);
    }

    private Future<List<String>> refit() {
        return db.call(() -> store.weighedParcels(NEWEST_PARCELS))
                .compose(parcels -> vertx.executeBlocking(() -> learned(parcels), false))
                .compose(learned -> db.call(() -> store.replace(learned.units(), learned.tares(), clock.instant(),
                        WeightLearning::changedForStations)))
                .onSuccess(changed -> {
                    if (!changed.isEmpty()) {
                        LOG.info("learned weights changed for {} SKUs", changed.size());
                    }
                });
    }

    record LearnedSet(Map<String, Learned> units, Map<Optional<String>, Learned> tares) {
    }

    /**
     * Catalogue weights are not given to the fit: the report compares them with what the parcels say, so they must
     * not shape it. Only learned (determined and precise) weights are kept.
     */
    LearnedSet learned(List<WeighedParcel> parcels) {
        WeightFitResult result = fit.fit(parcels);
        Map<String, Learned> units = new HashMap<>();
        Map<Optional<String>, Learned> tares = new HashMap<>();
        for (Estimate.Learned weight : result.allLearned()) {
            Learned learned = new Learned(weight.grams(), weight.parcels(), weight.standardErrorGrams());
            if (weight.component() instanceof Component.Unit unit) {
                units.put(unit.sku(), learned);
            } else if (weight.component() instanceof Component.Tare tare) {
                tares.put(tare.box(), learned);
            }
        }
        return new LearnedSet(units, tares);
    }

    /** Stations get a learned weight again once it moved by more than 1 g and 0.5 %: refits do not churn the feed. */
    static boolean changedForStations(double before, double after) {
        double moved = Math.abs(after - before);
        return moved > 1.0 && moved > 0.005 * Math.abs(before);
    }

    /** Catalogue and learned weight disagree when they differ by more than max(10 g, 10 %) of the catalogue's. */
    public static boolean disagrees(double catalogueGrams, double learnedGrams) {
        return Math.abs(catalogueGrams - learnedGrams) > Math.max(10.0, 0.10 * catalogueGrams);
    }
}
