package io.packcheck.simulator.run;

import io.packcheck.simulator.hub.EventLog;
import io.packcheck.simulator.hub.HubApi;
import io.packcheck.simulator.plan.Injection;
import io.packcheck.simulator.plan.OrderPlan;
import io.packcheck.simulator.plan.PackingDay;
import io.packcheck.simulator.plan.SampleBox;
import io.packcheck.simulator.plan.SampleCatalog;
import io.packcheck.simulator.plan.SampleItem;
import io.packcheck.simulator.process.HubProcess;
import io.packcheck.simulator.process.Jars;
import io.packcheck.simulator.process.StationProcess;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A packing day with real processes: the hub on a fresh data directory, seeded with the sample catalog,
 * orders and badges over its ops API; one station agent per simulated packer on a socat pty; a driver per
 * station; optionally a hub that is killed and restarted and agents killed mid-order. Ends with the figures.
 */
public final class Simulation implements AutoCloseable {

    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);
    // stopped by hand, the figures so far are wanted now, not after a minute of waiting
    private static final Duration STOPPING_SETTLE_TIMEOUT = Duration.ofSeconds(10);

    /** The dashboard user every simulation creates. */
    public static final String SUPERVISOR_USER = "supervisor";

    private final Settings settings;
    private String supervisorSecret;
    private final Jars jars;
    private final PrintStream out;
    private final DayRecord record = new DayRecord();
    private final List<StationProcess> stations = new ArrayList<>();
    private final List<List<OrderPlan>> plans = new ArrayList<>();
    private SampleCatalog catalog;
    private HubProcess hub;
    private HubApi api;
    private EventLog events;
    private Optional<SecondStation> secondStation = Optional.empty();
    private volatile boolean packing;
    private volatile boolean stopRequested;
    private String apiKey;
    private int plannedOrders;
    // box types the hub's feed does not carry (a hub without PUT /boxes) are imported into each station instead
    private List<String> boxImport = List.of();
    // a hub with parcels keeps the orders' labels and the box catalogue for its stations
    private boolean hubHasParcels = true;

    public Simulation(Settings settings, Jars jars, PrintStream out) {
        this.settings = settings;
        this.jars = jars;
        this.out = out;
    }

    /** Starts the hub, seeds it and starts the stations; returns once every station has synced. */
    public void start() {
        hub = HubProcess.on(jars, settings.workDir().resolve("hub"), settings.hubPort());
        apiKey = hub.createSecret("apikey", "create", "--name", "simulator");
        supervisorSecret = hub.createSecret("user", "create", SUPERVISOR_USER, "--role", "supervisor");
        List<String> tokens = new ArrayList<>();
        for (int n = 1; n <= settings.stations(); n++) {
            tokens.add(hub.createSecret("station", "create", stationId(n)));
        }
        // one more station, without packer or orders, where other stations' orders are scanned (SECOND_STATION)
        Optional<String> secondToken = injects(Injection.SECOND_STATION)
                ? Optional.of(hub.createSecret("station", "create", stationId(settings.stations() + 1)))
                : Optional.empty();
        hub.start();
        api = new HubApi(hub.baseUrl(), apiKey);
        seed();
        events = EventLog.start(api, 50);
        ExecutorService starting = Executors.newFixedThreadPool(Math.min(4, settings.stations()));
        try {
            List<Future<StationProcess>> started = new ArrayList<>();
            for (int n = 1; n <= settings.stations(); n++) {
                int station = n;
                int screen = settings.screenPorts() == 0 ? 0 : settings.screenPorts() + n - 1;
                started.add(starting.submit(() -> {
                    Path dir = settings.workDir().resolve(stationId(station));
                    if (!boxImport.isEmpty()) {
                        StationProcess.importInto(jars, dir, boxImport);
                    }
                    return StationProcess.start(jars, stationId(station), dir, hub.baseUrl(), tokens.get(station - 1),
                            screen, true);
                }));
            }
            Optional<Future<StationProcess>> second = secondToken.map(token -> starting.submit(() -> StationProcess.start(
                    jars, stationId(settings.stations() + 1), settings.workDir().resolve(stationId(settings.stations() + 1)),
                    hub.baseUrl(), token, 0)));
            for (Future<StationProcess> f : started) {
                stations.add(f.get(120, TimeUnit.SECONDS));
            }
            if (second.isPresent()) {
                secondStation = Optional.of(new SecondStation(second.get().get(120, TimeUnit.SECONDS), record));
            }
        } catch (Exception e) {
            throw new IllegalStateException("starting the stations: " + e.getMessage(), e);
        } finally {
            starting.shutdownNow();
        }
    }

    private void seed() {
        catalog = SampleCatalog.generate(200, settings.stations(), settings.seed());
        api.bulk("items", catalog.items().stream().map(SampleItem::body).toList());
        seedBoxes();
        Random random = new Random(settings.seed());
        LocalDate today = LocalDate.now();
        Instant start = Instant.now();
        List<JsonObject> orders = new ArrayList<>();
        for (int n = 1; n <= settings.stations(); n++) {
            PackingDay day = new PackingDay(catalog, settings.seed() * 31 + n, today, start, "S" + n + "-", hubHasParcels);
            List<OrderPlan> mine = new ArrayList<>();
            for (int i = 0; n + i * settings.stations() <= settings.orders(); i++) {
                int number = n + i * settings.stations();
                Optional<Injection> injection = PackingDay.injectionFor(number, settings.errorShare(), random, kinds());
                OrderPlan plan = day.order(String.format(Locale.ROOT, "SO-%05d", number), injection);
                mine.add(plan);
                orders.add(plan.body());
                plannedOrders++;
            }
            plans.add(mine);
        }
        api.bulk("orders", orders);
        // badges last: a station that knows its packer's badge has had everything before it from the feed
        for (JsonObject badge : catalog.badges()) {
            JsonObject body = badge.copy();
            body.remove("code");
            api.putBadge(badge.getString("code"), body);
        }
    }

    private void seedBoxes() {
        try {
            for (SampleBox box : catalog.boxes()) {
                api.putBox(box.code(), box.body());
            }
        } catch (HubApi.HubError e) {
            if (e.status() != 404 && e.status() != 405) {
                throw e;
            }
            out.println("the hub has no parcels (PUT /api/v1/boxes answered " + e.status() + "): the box types are imported"
                    + " into each station, orders list no labels (each parcel's label is printed and scanned first)"
                    + " and no label is swapped");
            hubHasParcels = false;
            boxImport = catalog.boxes().stream().map(b -> b.importLine().encode()).toList();
        }
    }

    /**
     * The kinds of error this day injects, in turn. A second station is refused by asking the hub, so a day whose
     * hub is killed now and then leaves that kind out: while the hub is down the order opens from the cache, and
     * the hub flags the conflict afterwards instead (its own tests cover that).
     */
    private List<Injection> kinds() {
        List<Injection> kinds = settings.injecting().isEmpty() ? Arrays.asList(Injection.values()) : settings.injecting();
        return kinds.stream()
                .filter(kind -> !kind.needsHubUp() || settings.hubRestartEvery().isEmpty())
                .filter(kind -> kind != Injection.LABEL_SWAP || hubHasParcels).toList();
    }

    private boolean injects(Injection kind) {
        return settings.errorShare() > 0 && kinds().contains(kind);
    }

    /** Plays the day: every station packs its orders (until the duration ends), with the chaos asked for. */
    public Figures run() {
        packing = true;
        logInSecondStation();
        Instant started = Instant.now();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int i = 0; i < stations.size(); i++) {
            StationDriver driver = new StationDriver(stations.get(i), api, record, settings.scansPerSecond(),
                    settings.seed() + i, secondStation);
            int n = i + 1;
            List<OrderPlan> mine = plans.get(i);
            Thread t = new Thread(() -> {
                try {
                    driver.login(catalog.packerBadge(n), Duration.ofSeconds(60), () -> stopRequested);
                    for (int k = 0; k < mine.size() && !timeUp(started) && !stopRequested; k++) {
                        boolean kill = settings.killAgents() && k % 3 == (n % 3);
                        driver.pack(mine.get(k), kill, () -> stopRequested);
                    }
                } catch (RuntimeException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "packer-" + n);
            threads.add(t);
            t.start();
        }
        Thread chaos = settings.hubRestartEvery().map(every -> startHubChaos(every)).orElse(null);
        Thread tally = settings.tallyEvery().map(every -> startTally(every, started)).orElse(null);
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        packing = false;
        stop(chaos);
        stop(tally);
        if (!hub.running()) {
            hub.start();
        }
        if (!failures.isEmpty()) {
            IllegalStateException e = new IllegalStateException("a packer failed: " + failures.get(0).getMessage(), failures.get(0));
            failures.stream().skip(1).forEach(e::addSuppressed);
            throw e;
        }
        return figures();
    }

    /**
     * Asks the packers to stop after the scan each is making (Ctrl-C): {@link #run()} then returns the figures
     * of what was packed so far, while the stations and the hub still run.
     */
    public void requestStop() {
        stopRequested = true;
    }

    /** Waits for the hub to have every event the stations should have sent, then works out the figures. */
    public Figures figures() {
        settle(stopRequested ? STOPPING_SETTLE_TIMEOUT : SETTLE_TIMEOUT);
        return Figures.of(record, events.events(), plannedOrders);
    }

    private void logInSecondStation() {
        secondStation.ifPresent(second -> new StationDriver(second.station(), api, record, 0, settings.seed())
                .login(catalog.packerBadge(1), Duration.ofSeconds(60), () -> stopRequested));
    }

    private boolean timeUp(Instant started) {
        return settings.duration().filter(d -> Instant.now().isAfter(started.plus(d))).isPresent();
    }

    /** Waits until the hub's events answer every scan sent, or stop changing for a while. */
    private void settle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int last = -1;
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            Figures f = Figures.of(record, events.events());
            if (f.lostScans() == 0 && f.missingSequenceNumbers() == 0) {
                return;
            }
            int now = events.size();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > TimeUnit.SECONDS.toNanos(15)) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
    }

    private Thread startHubChaos(Duration every) {
        Thread t = new Thread(() -> {
            while (packing) {
                LockSupport.parkNanos(every.toNanos());
                if (!packing) {
                    return;
                }
                Instant down = Instant.now();
                hub.kill();
                out.println("[chaos] hub killed with -9; back in " + settings.hubDowntime().toSeconds() + " s");
                LockSupport.parkNanos(settings.hubDowntime().toNanos());
                try {
                    hub.start();
                } catch (RuntimeException e) {
                    // the figures still say whether the stations' events all arrived; say why the chaos stopped
                    out.println("[chaos] hub restart failed, no more hub restarts in this run: " + e.getMessage());
                    return;
                }
                record.outage(new DayRecord.Outage(down, Instant.now()));
                out.println("[chaos] hub restarted");
            }
        }, "hub-chaos");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private Thread startTally(Duration every, Instant started) {
        Thread t = new Thread(() -> {
            while (packing) {
                LockSupport.parkNanos(every.toNanos());
                if (packing) {
                    printTally(started);
                }
            }
        }, "tally");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void printTally(Instant started) {
        List<SentScan> scans = record.scans();
        long injected = scans.stream().filter(s -> s.step().injected().isPresent()).count();
        long red = scans.stream().filter(s -> s.step().injected().isPresent())
                .filter(s -> s.light().filter(l -> l.colour() == io.packcheck.simulator.process.Light.Colour.RED).isPresent())
                .count();
        Duration t = Duration.between(started, Instant.now());
        long weighed = scans.stream().filter(s -> !s.scanned()).count();
        out.printf(Locale.ROOT, "[%02d:%02d] orders packed %d | scans %d | parcels weighed %d | errors injected %d, red at the"
                        + " station %d | cancels %d | hub events %d | agent kills %d%n",
                t.toMinutes(), t.toSecondsPart(), record.ordersDone(), scans.size() - weighed, weighed, injected, red,
                record.cancels().size(), events.size(), record.agentKills());
    }

    private static void stop(Thread t) {
        if (t != null) {
            t.interrupt();
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public static String stationId(int n) {
        return String.format(Locale.ROOT, "pack-%02d", n);
    }

    /** The ops API key the simulation seeds the hub with, for a newcomer's first API calls. */
    public String apiKey() {
        return apiKey;
    }

    /** The dashboard user the simulation creates, and its secret (the dashboard password). */
    public String supervisorSecret() {
        return supervisorSecret;
    }

    public HubProcess hub() {
        return hub;
    }

    public HubApi api() {
        return api;
    }

    public List<StationProcess> stations() {
        return List.copyOf(stations);
    }

    public List<List<OrderPlan>> plans() {
        return plans;
    }

    public DayRecord record() {
        return record;
    }

    @Override
    public void close() {
        if (events != null) {
            events.close();
        }
        stations.forEach(StationProcess::close);
        secondStation.ifPresent(second -> second.station().close());
        if (hub != null) {
            hub.close();
        }
    }
}
