package io.packcheck.hub;

import io.packcheck.hub.claims.ClaimRules;
import io.packcheck.hub.claims.ClaimService;
import io.packcheck.hub.dashboard.DashboardAccess;
import io.packcheck.hub.dashboard.DashboardRoutes;
import io.packcheck.hub.dashboard.Sessions;
import io.packcheck.hub.http.AttemptLimiter;
import io.packcheck.hub.http.BearerAuth;
import io.packcheck.hub.http.ClaimRoutes;
import io.packcheck.hub.http.DbWorker;
import io.packcheck.hub.http.ErrorResponses;
import io.packcheck.hub.enrol.StationEnrolment;
import io.packcheck.hub.http.EnrolmentRoutes;
import io.packcheck.hub.http.EventIngestRoutes;
import io.packcheck.hub.http.SerialRoutes;
import io.packcheck.hub.http.EventRoutes;
import io.packcheck.hub.http.FeedSignal;
import io.packcheck.hub.http.HealthRoutes;
import io.packcheck.hub.http.HubServices;
import io.packcheck.hub.http.ItemRoutes;
import io.packcheck.hub.http.OpenApiRoutes;
import io.packcheck.hub.http.OrderRoutes;
import io.packcheck.hub.http.PrintRoutes;
import io.packcheck.hub.http.StationSyncRoutes;
import io.packcheck.hub.parcels.ParcelRoutes;
import io.packcheck.hub.parcels.ParcelService;
import io.packcheck.hub.reports.ReportRoutes;
import io.packcheck.hub.storage.Storage;
import io.packcheck.hub.weights.WeightLearning;
import io.packcheck.hub.weights.WeightRoutes;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The hub's HTTP service over the given storage. The storage belongs to the caller, who closes it. */
public final class HubVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(HubVerticle.class);

    private final HubConfig config;
    private final Storage storage;
    private final Clock clock;
    private HttpServer server;
    private DbWorker db;
    private Router router;
    private long sweepTimer = -1;
    private long refitTimer = -1;
    private WeightLearning weights;

    public HubVerticle(HubConfig config, Storage storage, Clock clock) {
        this.config = config;
        this.storage = storage;
        this.clock = clock;
    }

    @Override
    public Future<?> start() {
        return checkConfig()
                .map(v -> buildRouter())
                .compose(router -> vertx.createHttpServer(serverOptions()).requestHandler(router).listen(config.port()))
                .onSuccess(s -> {
                    server = s;
                    LOG.info("hub listening on port {}{}", s.actualPort(), config.tlsCert().isPresent() ? " (TLS)" : "");
                });
    }

    /** Route groups are mounted here; later groups (dashboard, reports, printables) join the list. */
    private Router buildRouter() {
        db = new DbWorker(vertx);
        FeedSignal feed = new FeedSignal(storage.catalog().changeHead());
        storage.database().onChange(feed::changed);
        HubServices hub = new HubServices(vertx, storage, db, new BearerAuth(storage.credentials(), db, clock), feed, clock,
                config.limits());
        Router router = Router.router(vertx);
        new HealthRoutes(hub).mount(router);
        new OpenApiRoutes().mount(router);
        new ItemRoutes(hub).mount(router);
        new OrderRoutes(hub).mount(router);
        new EventRoutes(hub).mount(router);
        new StationSyncRoutes(hub).mount(router);
        ClaimService claims = new ClaimService(storage.claims(), new ClaimRules(config.claimIdle()), clock);
        ParcelService parcels = new ParcelService(storage.parcels());
        new EventIngestRoutes(hub, (station, stored) -> {
            claims.afterIngest(station, stored);
            parcels.afterIngest(station, stored);
        }).mount(router);
        new SerialRoutes(hub).mount(router);
        Sessions sessions = new Sessions(storage.dashboardSessions(), db, clock);
        sweepTimer = vertx.setPeriodic(Sessions.SWEEP_EVERY.toMillis(), t -> sessions.sweep()
                .onFailure(e -> LOG.warn("could not delete ended dashboard sessions: {}", e.getMessage())));
        DashboardAccess access = new DashboardAccess(hub, sessions, config.tlsCert().isPresent());
        new ReportRoutes(hub, access).mount(router);
        weights = new WeightLearning(vertx, db, storage.learnedWeights(), clock);
        refitTimer = weights.start();
        new WeightRoutes(hub, access.reports()).mount(router);
        new DashboardRoutes(hub, sessions, access, config.tlsCert().isPresent()).mount(router);
        new ClaimRoutes(hub, claims, access).mount(router);
        StationEnrolment enrolment = new StationEnrolment(storage.enrolments(), clock, new SecureRandom());
        AttemptLimiter enrolAttempts = new AttemptLimiter(config.limits().enrolAttempts(),
                EnrolmentRoutes.TRACKED_ADDRESSES, clock);
        new EnrolmentRoutes(hub, enrolment, enrolAttempts).mount(router);
        new PrintRoutes(hub, enrolment, access.reports()).mount(router);
        new ParcelRoutes(hub, parcels, access.reports()).mount(router);
        router.route().failureHandler(ErrorResponses::handle);
        this.router = router;
        for (int status : new int[] {400, 404, 405, 413}) {
            router.errorHandler(status, ctx -> ErrorResponses.send(ctx, ErrorResponses.forStatus(status)));
        }
        return router;
    }

    private Future<Void> checkConfig() {
        return config.problem().<Future<Void>>map(p -> Future.failedFuture(new IllegalArgumentException(p)))
                .orElse(Future.succeededFuture());
    }

    private HttpServerOptions serverOptions() {
        HttpServerOptions options = new HttpServerOptions().setCompressionSupported(true);
        if (config.tlsCert().isPresent()) {
            options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                    .setCertPath(config.tlsCert().get().toString())
                    .setKeyPath(config.tlsKey().orElseThrow().toString()));
        }
        return options;
    }

    /**
     * Every route with a path as {@code METHOD path}, e.g. {@code PUT /api/v1/items/:sku}, a wildcard path ending in
     * {@code *} and a route taking any method as {@code ANY path}; lets a test hold the OpenAPI file and the README to them.
     */
    public List<String> routes() {
        List<String> out = new ArrayList<>();
        for (var route : router.getRoutes()) {
            if (route.getPath() == null) {
                continue; // the failure handler, which serves no path of its own
            }
            String path = route.isExactPath() ? route.getPath() : route.getPath() + "*";
            if (route.methods() == null || route.methods().isEmpty()) {
                out.add("ANY " + path);
            } else {
                route.methods().forEach(m -> out.add(m.name() + " " + path));
            }
        }
        return out;
    }

    /** Learns weights from weighed parcels; a test may ask it to refit now instead of waiting for the timer. */
    public WeightLearning weights() {
        return weights;
    }

    /** The port really listened on (useful with port 0). */
    public int actualPort() {
        return server.actualPort();
    }

    @Override
    public Future<?> stop() {
        if (sweepTimer >= 0) {
            vertx.cancelTimer(sweepTimer);
        }
        if (refitTimer >= 0) {
            vertx.cancelTimer(refitTimer);
        }
        Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
        return closed.onComplete(x -> {
            if (db != null) {
                db.close();
            }
        });
    }
}
