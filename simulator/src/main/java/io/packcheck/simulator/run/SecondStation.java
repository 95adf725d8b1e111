package io.packcheck.simulator.run;

import io.packcheck.core.verify.Verdict;
import io.packcheck.simulator.plan.Injection;
import io.packcheck.simulator.plan.Step;
import io.packcheck.simulator.process.Light;
import io.packcheck.simulator.process.StationProcess;
import java.time.Instant;
import java.util.Optional;

/**
 * A station with no orders of its own, where the simulator scans orders that other stations are packing: the
 * packer who grabs the wrong pick list. Every driver shares it, one scan at a time.
 */
public final class SecondStation {

    private final StationProcess station;
    private final DayRecord record;

    public SecondStation(StationProcess station, DayRecord record) {
        this.station = station;
        this.record = record;
    }

    public StationProcess station() {
        return station;
    }

    /** Scans the order's slip here and records what this station answered; it must refuse to open it. */
    public synchronized void tryToOpen(Step.OpenAtAnotherStation open) {
        Step.Scan scan = Step.Scan.inject(open.slip(), Verdict.ORDER_CLAIMED_ELSEWHERE, Injection.SECOND_STATION,
                "order " + open.orderId() + " scanned at " + station.id() + " while packed at another station");
        station.drainLights();
        Instant sent = station.scan(open.slip());
        Optional<Light> light = station.nextSignal(StationDriver.SIGNAL_TIMEOUT);
        record.scan(new SentScan(station.id(), open.orderId(), scan, sent, light));
    }
}
