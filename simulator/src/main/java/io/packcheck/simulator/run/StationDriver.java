package io.packcheck.simulator.run;

import io.packcheck.core.verify.Verdict;
import io.packcheck.simulator.hub.HubApi;
import io.packcheck.simulator.plan.Injection;
import io.packcheck.simulator.plan.OrderPlan;
import io.packcheck.simulator.plan.Scans;
import io.packcheck.simulator.plan.Step;
import io.packcheck.simulator.process.Light;
import io.packcheck.simulator.process.StationProcess;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
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

    private final StationProcess station;
    private final HubApi api;
    private final DayRecord record;
    private final double scansPerSecond;
    private final Random random;
    private final Optional<SecondStation> secondStation;

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
        boolean killed = false;
        for (Step step : plan.steps()) {
            if (stopping.getAsBoolean()) {
                return false;
            }
            if (step instanceof Step.Scan scan) {
                Optional<Light> light = scan(plan.id(), scan);
                // mid-order: after the order is open or an item accepted, while the order still has lines to pack
                if (killMidOrder && !killed && light.isPresent() && scan.expected()
                        .filter(v -> v == Verdict.ORDER_OPENED || v == Verdict.MATCH || v == Verdict.LINE_COMPLETE)
                        .isPresent()) {
                    killAndRestart();
                    killed = true;
                }
                pause();
            } else if (step instanceof Step.CancelAtHub cancel) {
                cancelAtHub(cancel.orderId());
            } else if (step instanceof Step.OpenAtAnotherStation open) {
                secondStation.orElseThrow(() -> new IllegalStateException("order " + plan.id()
                        + " plans a second station's scan, but the simulation has no second station")).tryToOpen(open);
            } else if (step instanceof Step.PutItemWithTakenBarcode put) {
                putItemWithTakenBarcode(put);
            }
        }
        record.orderDone();
        return true;
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
