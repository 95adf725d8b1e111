package io.packcheck.simulator.run;

import io.packcheck.core.verify.Verdict;
import io.packcheck.simulator.hub.HubApi;
import io.packcheck.simulator.plan.OrderPlan;
import io.packcheck.simulator.plan.Scans;
import io.packcheck.simulator.plan.Step;
import io.packcheck.simulator.process.Light;
import io.packcheck.simulator.process.StationProcess;
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

    private final StationProcess station;
    private final HubApi api;
    private final DayRecord record;
    private final double scansPerSecond;
    private final Random random;

    /** @param scansPerSecond the packer's pace; 0 scans as fast as the station answers */
    public StationDriver(StationProcess station, HubApi api, DayRecord record, double scansPerSecond, long seed) {
        this.station = station;
        this.api = api;
        this.record = record;
        this.scansPerSecond = scansPerSecond;
        this.random = new Random(seed);
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
        record.scan(new SentScan(station.id(), orderId, scan, sent, light));
        return light;
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
