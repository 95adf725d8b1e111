package io.packcheck.station.runtime;

import com.pi4j.context.Context;
import io.packcheck.core.barcode.ScanParser;
import io.packcheck.core.verify.PackRules;
import io.packcheck.core.verify.ScaleReading;
import io.packcheck.core.verify.PackSession;
import io.packcheck.station.config.ConfigException;
import io.packcheck.station.config.Secret;
import io.packcheck.station.enrol.EnrolmentFiles;
import io.packcheck.station.enrol.JdkHttpEnroller;
import io.packcheck.station.config.StationConfig;
import io.packcheck.station.hardware.HardwareProfiles;
import io.packcheck.station.hardware.LightProfile;
import io.packcheck.station.hardware.ScaleProfile;
import io.packcheck.station.hardware.ScannerProfile;
import io.packcheck.station.hub.HubLink;
import io.packcheck.station.hub.HubLinkSettings;
import io.packcheck.station.hub.VertxHubLink;
import io.packcheck.station.lights.Button;
import io.packcheck.station.lights.ConsoleLights;
import io.packcheck.station.lights.ExecutorScheduler;
import io.packcheck.station.lights.Indicator;
import io.packcheck.station.lights.LightTower;
import io.packcheck.station.lights.Output;
import io.packcheck.station.lights.OutputPin;
import io.packcheck.station.lights.Pi4jButton;
import io.packcheck.station.lights.Pi4jLights;
import io.packcheck.station.lights.SignalPatterns;
import io.packcheck.station.lights.TowerState;
import io.packcheck.station.scale.JsscScale;
import io.packcheck.station.scale.Scale;
import io.packcheck.station.scale.Weighing;
import io.packcheck.station.scanner.HostCommands;
import io.packcheck.station.scanner.JsscScanner;
import io.packcheck.station.scanner.Scanner;
import io.packcheck.station.screen.PackerScreen;
import io.packcheck.station.screen.ScreenAccess;
import io.packcheck.station.store.Outbox;
import io.packcheck.station.store.OutboxHousekeeper;
import io.packcheck.station.store.PackSessionJson;
import io.packcheck.station.store.SessionStore;
import io.packcheck.station.store.SqliteOrderCache;
import io.packcheck.station.store.StationDatabase;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running station agent: the database, the lights, the scanner, the scale, the packer screen and the pack station
 * built from the configuration and started in order; {@link #close()} stops them in the reverse order,
 * leaving the lights in their safe state.
 */
public final class StationAgent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StationAgent.class);
    /** What the configuration's default profile name "generic" stands for. */
    static final String GENERIC = "generic";
    static final String GENERIC_SCANNER = "generic-usb-cdc";
    private static final Duration HOUSEKEEPING = Duration.ofHours(1);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration ENROL_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CACHE_WATCH = Duration.ofSeconds(1);
    private static final Duration SCREEN_REFRESH = Duration.ofSeconds(5);

    private StationDatabase db;
    private Optional<Context> gpio = Optional.empty();
    private Optional<ExecutorScheduler> lightScheduler = Optional.empty();
    private LightTower tower;
    private PackStation station;
    private Optional<Scanner> scanner = Optional.empty();
    /** The parcel scale when one is configured; opened here, weighed by the pack flow, closed on shutdown. */
    private Optional<Scale> parcelScale = Optional.empty();
    private Optional<Button> button = Optional.empty();
    private volatile Optional<Vertx> vertx = Optional.empty();
    private volatile Optional<HubLink> hub = Optional.empty();
    private Optional<PackerScreen> screen = Optional.empty();
    private Optional<Integer> screenPort = Optional.empty();
    private ScheduledExecutorService housekeeping;
    private boolean closed;

    private StationAgent() {}

    /**
     * Starts a station on the configuration; console lights print to {@code console}. Returns once the
     * first light command is done and the station takes scans.
     *
     * @throws ConfigException when a profile or the pins the configuration names cannot be used
     */
    public static StationAgent start(StationConfig config, PrintStream console) {
        return start(config, true, console);
    }

    /**
     * As {@link #start(StationConfig, PrintStream)}; {@code stationIdGiven} says whether the station id was
     * set (flag, environment or config file) rather than defaulted, which decides whether an enrolment may
     * replace it.
     */
    public static StationAgent start(StationConfig config, boolean stationIdGiven, PrintStream console) {
        StationAgent agent = new StationAgent();
        try {
            agent.open(config, stationIdGiven, console);
            return agent;
        } catch (RuntimeException e) {
            agent.close();
            throw e;
        }
    }

    /** The packer screen's port, when it is served. */
    public Optional<Integer> screenPort() {
        return screenPort;
    }

    /** The serial scanner's state; empty when no scanner port is configured. */
    public Optional<io.packcheck.station.scanner.ScannerState> scannerState() {
        return scanner.map(Scanner::state);
    }

    /**
     * The parcel scale, for the pack flow to weigh a parcel when it closes; empty when no scale port is configured.
     * {@link Scale#weigh} blocks up to its timeout ({@link StationConfig#scaleSettleTimeout()}): call it off the station
     * thread.
     */
    public Optional<Scale> scale() {
        return parcelScale;
    }

    /** The station's database; {@code run} listens on it for damage ({@link StationDatabase#onDamage}). */
    public StationDatabase database() {
        return db;
    }

    /** The pack station, for the hub link to call. */
    public PackStation station() {
        return station;
    }

    /** The scale's answer in the pack rules' terms, with the packer's words for a scale that gave no weight. */
    static ScaleReading reading(Weighing weighing) {
        if (weighing instanceof Weighing.Settled settled) {
            return new ScaleReading.Settled(settled.grams());
        }
        if (weighing instanceof Weighing.NotSettled moving) {
            return new ScaleReading.NotReady("the scale is not settling" + moving.lastGrams()
                    .map(g -> String.format(Locale.UK, " (last %,d g)", Math.round(g))).orElse(""));
        }
        return new ScaleReading.NotReady(((Weighing.Unavailable) weighing).reason());
    }

    private void open(StationConfig config, boolean stationIdGiven, PrintStream console) {
        Clock clock = Clock.system(config.timeZone());
        // profiles first: a bad profile must stop the agent before it touches the database or the pins
        Optional<ScannerProfile> scannerProfile = config.scannerPort().map(p -> scannerProfile(config.scannerProfile()));
        Optional<LightProfile> lightProfile = GENERIC.equals(config.lightProfile())
                ? Optional.empty() : Optional.of(HardwareProfiles.lights(config.lightProfile()));
        lightProfile.filter(p -> p.formerIds().contains(config.lightProfile())).ifPresent(p -> LOG.warn(
                "light profile {} is now called {} (same pins and levels); the old name keeps working, but put the new one in the configuration",
                config.lightProfile(), p.id()));
        SignalPatterns patterns = lightProfile.map(LightProfile::patterns).orElse(SignalPatterns.defaults());
        Optional<ScaleProfile> scaleProfile = config.scale().map(p -> HardwareProfiles.scale(config.scaleProfile()));

        db = StationDatabase.openIn(config.dataDir());
        // from here on, what another process (an import) commits is noticed by the cache watch below
        db.changedByOthers();
        EnrolmentFiles enrolmentFiles = new EnrolmentFiles(config.dataDir());
        Optional<EnrolmentFiles.Stored> enrolled = HubJoining.storedEnrolment(enrolmentFiles, config, stationIdGiven);
        String stationId = enrolled.map(EnrolmentFiles.Stored::stationId).orElse(config.stationId());
        Optional<URI> hubUri = config.hub().or(() -> enrolled.map(EnrolmentFiles.Stored::hub));
        SqliteOrderCache cache = new SqliteOrderCache(db, clock);
        Outbox outbox = new Outbox(db, clock);
        SessionStore<PackSession> sessions =
                new SessionStore<>(db, outbox, new PackSessionJson(), clock);

        tower = switch (config.lights()) {
            case CONSOLE -> new ConsoleLights(console);
            case GPIO -> gpioLights(config, lightProfile);
        };
        Indicator indicator = new Indicator(tower, patterns);

        scanner = scannerProfile.map(profile -> new JsscScanner(config.scannerPort().get(), profile.serial(),
                profile.framing(), JsscScanner.defaultBackoff()));
        parcelScale = scaleProfile.map(profile -> new JsscScale(config.scale().get(), profile.serial(), profile.protocol(),
                profile.checksum(), JsscScale.defaultBackoff()));
        Optional<HostCommands> hostCommands = scanner.flatMap(sc -> scannerProfile.get().badScan()
                .map(command -> new HostCommands(sc, Optional.of(command))));

        if (config.screenPort() > 0 || hubUri.isPresent()) {
            vertx = Optional.of(Vertx.vertx());
        }
        // the screen and the hub link hand their news to the station, and the station pushes views to the screen
        AtomicReference<PackStation> typedTo = new AtomicReference<>();
        screen = config.screenPort() > 0
                ? vertx.map(v -> new PackerScreen(v, new ScreenAccess(config.screenBind(), config.screenHosts(),
                        config.screenSecret()), (code, from) -> typedTo.get().typed(code, from), stationId))
                : Optional.empty();
        HubNews news = new HubNews();
        HubJoining.LinkStarter linkStarter = (uri, token) -> {
            hub.ifPresent(HubLink::close);
            HubLink link = VertxHubLink.start(vertx(), linkSettings(uri, token, config.hubCa()), cache, outbox,
                    this::scannerStateWord, news, clock);
            hub = Optional.of(link);
            return link;
        };
        hubUri.ifPresent(uri -> linkStarter.start(uri, config.hub().isPresent()
                ? config.token().orElseThrow(() -> new ConfigException("token",
                        "setting token: a hub needs the station token (--token, PACKCHECK_TOKEN or tokenFile)"))
                : enrolled.orElseThrow().token()));
        // a hub from the settings is the settings' to change; a stored enrolment may be replaced by a new one
        Optional<Enrolling> enrolling = config.hub().isPresent() ? Optional.empty()
                : Optional.of(new HubJoining(config, stationIdGiven, enrolmentFiles,
                        new JdkHttpEnroller(ENROL_TIMEOUT, clock), linkStarter, clock));

        station = new PackStation(new PackStation.Parts(
                stationId,
                new ScanParser(clock),
                new PackRules(config.timeZone(), config.packerLoginRequired(), config.typedItemData(), config.parcelPolicy()),
                cache,
                sessions,
                outbox,
                indicator,
                hostCommands,
                view -> screen.ifPresent(s -> s.show(view)),
                hub,
                clock,
                config.timeZone(),
                config.scannerPort().isPresent() ? Optional.empty()
                        : Optional.of("No scanner port configured: type codes in the field below, or use a keyboard-wedge scanner"),
                enrolling,
                parcelScale.map(sc -> () -> reading(sc.weigh(config.scaleSettleTimeout())))));
        typedTo.set(station);
        news.deliverTo(station);

        await(station.start(), "restoring the pack session");
        scanner.ifPresent(sc -> sc.start(station));
        button.ifPresent(b -> b.onPress(station::buttonPressed));
        screen.ifPresent(s -> screenPort = Optional.of(await(s.start(config.screenPort()).toCompletionStage()
                .toCompletableFuture(), "starting the packer screen on port " + config.screenPort())));

        housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "station-housekeeping");
            t.setDaemon(true);
            return t;
        });
        housekeeping.scheduleWithFixedDelay(new OutboxHousekeeper(outbox, config.outboxRetention()),
                1, HOUSEKEEPING.toMinutes(), TimeUnit.MINUTES);
        housekeeping.scheduleWithFixedDelay(this::watchCache, CACHE_WATCH.toMillis(), CACHE_WATCH.toMillis(),
                TimeUnit.MILLISECONDS);
        if (screen.isPresent()) {
            housekeeping.scheduleWithFixedDelay(station::refreshScreen, SCREEN_REFRESH.toMillis(),
                    SCREEN_REFRESH.toMillis(), TimeUnit.MILLISECONDS);
        }

        LOG.info("station {} ready in {} ms: packer screen {}; scanner {}; scale {}; lights {}; data {}; hub {}",
                stationId,
                ManagementFactory.getRuntimeMXBean().getUptime(),
                screenPort.map(p -> screenUrl(config.screenBind(), p)).orElse("off (--screen-port 0)"),
                config.scannerPort().map(p -> p + " (" + scannerProfile.get().id() + ")").orElse("none (typed codes only)"),
                config.scale().map(p -> p + " (" + scaleProfile.get().id() + ")").orElse("none (parcels are not weighed)"),
                config.lights().name().toLowerCase(Locale.ROOT),
                config.dataDir().toAbsolutePath(),
                hubUri.map(uri -> uri + (config.hub().isEmpty() ? " (stored enrolment)" : ""))
                        .orElse("none (scan an enrolment code to join one)"));
    }

    /** Where the kiosk browser opens the screen: localhost when it listens there or on every interface. */
    private static String screenUrl(String bind, int port) {
        boolean local = bind.equals(StationConfig.LOOPBACK) || bind.equals("0.0.0.0") || bind.equals("::")
                || bind.equals("localhost");
        String host = local ? "localhost" : bind.indexOf(':') >= 0 ? "[" + bind + "]" : bind;
        return "http://" + host + ":" + port + "/" + (local && !bind.equals(StationConfig.LOOPBACK) ? " (listening on " + bind + ")" : "");
    }

    /** An import run into the data directory while the station runs: the open order and the screen follow it. */
    private void watchCache() {
        try {
            if (db.changedByOthers()) {
                station.cacheChangedElsewhere();
            }
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again
            LOG.warn("checking the cache for changes by another process: {}", e.getMessage());
        }
    }

    private synchronized Vertx vertx() {
        if (vertx.isEmpty()) {
            vertx = Optional.of(Vertx.vertx());
        }
        return vertx.get();
    }

    private String scannerStateWord() {
        return scanner.map(sc -> sc.state() instanceof io.packcheck.station.scanner.ScannerState.Connected
                ? "CONNECTED" : "OFFLINE").orElse("NONE");
    }

    private static HubLinkSettings linkSettings(URI hub, Secret token, Optional<Path> hubCa) {
        HubLinkSettings settings = HubLinkSettings.defaults(hub, token, agentVersion());
        // the CA file is for https hubs only; an enrolled plain-http hub goes on without it
        return hubCa.isPresent() && "https".equals(hub.getScheme()) ? settings.withHubCa(hubCa.get()) : settings;
    }

    private static String agentVersion() {
        String v = StationAgent.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private LightTower gpioLights(StationConfig config, Optional<LightProfile> profile) {
        Map<Output, OutputPin> pins = TowerPins.of(profile, config.lightPins());
        Context context = Pi4jLights.raspberryPiContext();
        gpio = Optional.of(context);
        ExecutorScheduler scheduler = new ExecutorScheduler("lights");
        lightScheduler = Optional.of(scheduler);
        Pi4jLights lights = new Pi4jLights(context, pins, scheduler);
        button = profile.flatMap(LightProfile::button)
                .map(b -> new Pi4jButton(context, b.bcm(), b.activeLow(), b.settle(), scheduler));
        return lights;
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> future, String what) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(what + ": " + cause, cause);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(what + ": no answer within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + ": interrupted", e);
        }
    }

    private static ScannerProfile scannerProfile(String name) {
        return HardwareProfiles.scanner(GENERIC.equals(name) ? GENERIC_SCANNER : name);
    }

    /**
     * Stops in the order that loses nothing: no more input, the step in progress finished, the lights in
     * their safe state, the scanner port closed, the screen and Vert.x stopped, the database closed.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (station != null && !station.stop(STOP_TIMEOUT)) {
            LOG.warn("the pack station did not finish its last step within {} s", STOP_TIMEOUT.toSeconds());
        }
        quietly("button", () -> button.ifPresent(Button::close));
        quietly("lights", () -> {
            if (tower != null) {
                tower.show(TowerState.ALL_OFF);
                tower.close();
                LOG.info("lights off");
            }
        });
        quietly("scanner", () -> scanner.ifPresent(Scanner::close));
        quietly("scale", () -> parcelScale.ifPresent(Scale::close));
        quietly("hub link", () -> hub.ifPresent(HubLink::close));
        quietly("packer screen", () -> {
            if (screen.isPresent()) {
                await(screen.get().stop().toCompletionStage().toCompletableFuture(), "stopping the packer screen");
            }
        });
        quietly("vert.x", () -> {
            if (vertx.isPresent()) {
                await(vertx.get().close().toCompletionStage().toCompletableFuture(), "stopping Vert.x");
            }
        });
        quietly("housekeeper", () -> {
            if (housekeeping != null) {
                housekeeping.shutdownNow();
                try {
                    // the database closes next: let a purge or a cache check in progress end first
                    housekeeping.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        quietly("light scheduler", () -> lightScheduler.ifPresent(ExecutorScheduler::close));
        quietly("gpio", () -> gpio.ifPresent(Context::shutdown));
        quietly("database", () -> {
            if (db != null) {
                db.close();
            }
        });
        LOG.info("station stopped");
    }

    private static void quietly(String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            // one part failing to stop must not keep the others (the lights above all) from stopping
            LOG.warn("while stopping the {}: {}", what, e.toString());
        }
    }
}
