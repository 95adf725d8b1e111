package io.packcheck.simulator.run;

import io.packcheck.core.verify.Verdict;
import io.packcheck.simulator.hub.HubApi;
import io.packcheck.simulator.plan.Injection;
import io.packcheck.core.verify.Commands;
import io.packcheck.simulator.plan.OrderPlan;
import io.packcheck.simulator.plan.SampleCatalog;
import io.packcheck.simulator.plan.Scans;
import io.packcheck.simulator.plan.Step;
import io.packcheck.simulator.process.Light;
import io.packcheck.simulator.process.StationProcess;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;

/**
 * The simulated packer at one station: plays an order's steps into the pty, reads the light each scan
 * gets, and records both. With agent kills on, kills the agent with -9 right after an accepted scan in
 * the middle of an order and starts it again, as a power cut would.
 */
public final class StationDriver {

    /** How long a station may take to answer a scan before the simulator records it as unanswered. */
    static final Duration SIGNAL_TIMEOUT = Duration.ofSeconds(5);
    static final Duration CANCEL_TIMEOUT = Duration.ofSeconds(10);
    /** How soon a locked station's tower must show the lock again after a stray scan's own signal. */
    static final Duration LOCK_BACK_WITHIN = Duration.ofMillis(300);
    /** The station's scale settle timeout (3 s) and some: how long a parcel may take to be weighed. */
    static final Duration WEIGH_TIMEOUT = Duration.ofSeconds(10);
    /** How often a packer weighs a parcel again when the scale was not ready. */
    private static final int WEIGH_ATTEMPTS = 3;

    private final StationProcess station;
    private final HubApi api;
    private final DayRecord record;
    private final double scansPerSecond;
    private final Random random;
    private final Optional<SecondStation> secondStation;
    private Instant lastSent = Instant.EPOCH;

    /** @param scansPerSecond the packer's pace; 0 scans as fast as the station answers */
    public StationDriver(StationProcess station, HubApi api, DayRecord record, double scansPerSecond, long seed) {
        this(station, api, record, scansPerSecond, seed, Optional.empty());
    }

    /** @param secondStation where another station's packer scans this station's orders (SECOND_STATION) */
    public StationDriver(StationProcess station, HubApi api, DayRecord record, double scansPerSecond, long seed,
            Optional<SecondStation> secondStation) {
        this.station = station;
        this.api = api;
        this.record = record;
        this.scansPerSecond = scansPerSecond;
        this.random = new Random(seed);
        this.secondStation = secondStation;
    }

    public StationProcess station() {
        return station;
    }

    /**
     * Scans the packer's badge until the station knows it: the badges are the last thing seeded, so once the
     * station knows the badge its feed has brought the orders too.
     */
    public void login(String badgeCode, Duration timeout, BooleanSupplier stopping) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Step.Scan login = new Step.Scan(Scans.command("PCK-P-" + badgeCode), Optional.empty(), Optional.empty(),
                "packer " + badgeCode + " logs in");
        while (true) {
            Optional<Light> light = scan("", login);
            if (light.isPresent() && light.get().colour() != Light.Colour.AMBER || stopping.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("station " + station.id() + " did not accept badge " + badgeCode
                        + " within " + timeout.toSeconds() + " s: has it synced with the hub?");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        }
    }

    /**
     * Packs one order as planned; kills and restarts the agent mid-order when {@code killMidOrder}. Returns
     * false, leaving the order unfinished, when {@code stopping} turns true (the simulator is being stopped).
     */
    public boolean pack(OrderPlan plan, boolean killMidOrder, BooleanSupplier stopping) {
        boolean[] kill = {killMidOrder};
        if (!play(plan.id(), plan.steps(), kill, stopping)) {
            return false;
        }
        record.orderDone();
        return true;
    }

    private boolean play(String orderId, List<Step> steps, boolean[] kill, BooleanSupplier stopping) {
        for (Step step : steps) {
            if (stopping.getAsBoolean()) {
                return false;
            }
            if (step instanceof Step.Scan scan) {
                Optional<Light> light = scan(orderId, scan);
                // mid-order: after the order is open or an item accepted, while the order still has lines to pack
                if (kill[0] && light.isPresent() && scan.expected()
                        .filter(v -> v == Verdict.ORDER_OPENED || v == Verdict.MATCH || v == Verdict.LINE_COMPLETE)
                        .isPresent()) {
                    killAndRestart();
                    kill[0] = false;
                }
                pause();
            } else if (step instanceof Step.Weighed weighed) {
                if (weigh(orderId, weighed) && !play(orderId, weighed.ifCaught(), kill, stopping)) {
                    return false;
                }
            } else if (step instanceof Step.Load load) {
                station.scale().ifPresent(scale -> scale.put(load.grams()));
            } else if (step instanceof Step.CancelAtHub cancel) {
                cancelAtHub(cancel.orderId());
            } else if (step instanceof Step.OpenAtAnotherStation open) {
                secondStation.orElseThrow(() -> new IllegalStateException("order " + orderId
                        + " plans a second station's scan, but the simulation has no second station")).tryToOpen(open);
            } else if (step instanceof Step.PutItemWithTakenBarcode put) {
                putItemWithTakenBarcode(put);
            }
        }
        return true;
    }

    /**
     * Waits for the scale's verdict on the parcel the last scan closed and records it. Returns whether the station
     * refused the weight as the plan meant it to (the packer then sets the box right). A scale that is not ready is
     * asked again with NEW BOX; a weight refused on a right parcel is accepted by the supervisor, so the day goes on.
     */
    private boolean weigh(String orderId, Step.Weighed weighed) {
        Optional<Light> light = Optional.empty();
        for (int attempt = 1; attempt <= WEIGH_ATTEMPTS; attempt++) {
            light = station.nextSignal(WEIGH_TIMEOUT);
            record.scan(new SentScan(station.id(), orderId, weighed, lastSent, light));
            if (light.filter(l -> l.colour() == Light.Colour.AMBER).isEmpty() || attempt == WEIGH_ATTEMPTS) {
                break;
            }
            // no event answers a weighing asked again, so this scan is not one the figures look for
            station.drainLights();
            station.scan(Scans.command(Commands.NEWBOX));
        }
        boolean refused = light.filter(l -> l.colour() == Light.Colour.RED).isPresent();
        if (refused && weighed.expected().filter(v -> v == Verdict.WEIGHT_MISMATCH).isEmpty()) {
            supervisorAccepts(orderId);
        }
        return refused && weighed.expected().filter(v -> v == Verdict.WEIGHT_MISMATCH).isPresent();
    }

    private void supervisorAccepts(String orderId) {
        scan(orderId, new Step.Scan(Scans.command(Commands.SUPERVISOR_BADGE + SampleCatalog.SUPERVISOR_BADGE),
                Optional.empty(), Optional.empty(), "supervisor checks the parcel"));
        scan(orderId, new Step.Scan(Scans.command(Commands.REASON + "CHECKED"), Optional.empty(), Optional.empty(),
                "supervisor accepts the weight"));
    }

    /** kill -9 and start again on the same pty, data and token. */
    public void killAndRestart() {
        station.kill();
        record.agentKilled();
        station.drainLights();
        station.startAgent();
    }

    private Optional<Light> scan(String orderId, Step.Scan scan) {
        station.drainLights();
        Instant sent = station.scan(scan.raw());
        lastSent = sent;
        if (scan.expected().filter(v -> v == Verdict.WEIGHING).isPresent()) {
            // no light until the scale answers: the next light is the weighing's, and it is read there
            record.scan(new SentScan(station.id(), orderId, scan, sent, Optional.empty()));
            return Optional.empty();
        }
        Optional<Light> light = station.nextSignal(SIGNAL_TIMEOUT);
        if (light.isPresent() && scan.injected().filter(Injection::mustEndRed).isPresent()) {
            // the tower may flash the stray scan's own signal; what counts is what it shows once that is over
            light = Optional.of(station.lastWithin(LOCK_BACK_WITHIN).orElse(light.get()));
        }
        record.scan(new SentScan(station.id(), orderId, scan, sent, light));
        return light;
    }

    /** Ops puts an item with another item's barcode: caught when the hub refuses it with 409. */
    private void putItemWithTakenBarcode(Step.PutItemWithTakenBarcode put) {
        JsonObject body = new JsonObject().put("name", "Item clashing with " + put.owner())
                .put("barcodes", new JsonArray().add(new JsonObject().put("code", put.barcode()).put("quantity", 1)));
        long deadline = System.nanoTime() + CANCEL_TIMEOUT.toNanos();
        while (true) {
            try {
                api.putItem(put.newSku(), body);
                record.hubCheck(new DayRecord.HubCheck(Injection.DUPLICATED_BARCODE, false,
                        put.newSku() + " took " + put.barcode() + " from " + put.owner()));
                return;
            } catch (HubApi.HubError e) {
                if (e.status() == 0 && System.nanoTime() < deadline) {
                    // the hub is restarting: ops tries again
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
                    continue;
                }
                record.hubCheck(new DayRecord.HubCheck(Injection.DUPLICATED_BARCODE,
                        e.status() == 409 && e.getMessage().contains(put.owner()),
                        put.newSku() + " with " + put.owner() + "'s barcode: " + e.getMessage()));
                return;
            }
        }
    }

    private void cancelAtHub(String orderId) {
        station.drainLights();
        long deadline = System.nanoTime() + CANCEL_TIMEOUT.toNanos();
        long start;
        while (true) {
            start = System.nanoTime();
            try {
                api.cancel(orderId, "customer cancelled (simulated)");
                break;
            } catch (HubApi.HubError e) {
                if (e.status() != 0 || System.nanoTime() > deadline) {
                    throw e;
                }
                // the hub is restarting: ops tries again, as an order system would
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            }
        }
        long sentAt = start;
        Optional<Light> red = station.next(l -> l.colour() == Light.Colour.RED, CANCEL_TIMEOUT);
        record.cancel(new CancelTiming(station.id(), orderId, red.map(l -> Duration.ofNanos(l.nanos() - sentAt))));
    }

    private void pause() {
        if (scansPerSecond <= 0) {
            return;
        }
        double mean = 1.0 / scansPerSecond;
        double seconds = mean * (0.6 + 0.8 * random.nextDouble());
        // pacing a simulated packer, not waiting for a result
        LockSupport.parkNanos((long) (seconds * 1e9));
    }
}
