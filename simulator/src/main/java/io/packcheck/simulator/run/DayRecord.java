package io.packcheck.simulator.run;

import io.packcheck.simulator.plan.Injection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** What the simulated packers and ops did, as the stations answered it; shared by every station's driver. */
public final class DayRecord {

    /** A time the hub was down. */
    public record Outage(Instant from, Instant to) {}

    /** An error injected through the hub's API rather than at a scanner, and whether the hub refused it. */
    public record HubCheck(Injection kind, boolean caught, String what) {}

    private final List<SentScan> scans = new ArrayList<>();
    private final List<CancelTiming> cancels = new ArrayList<>();
    private final List<Outage> outages = new ArrayList<>();
    private final List<HubCheck> hubChecks = new ArrayList<>();
    private final AtomicInteger ordersDone = new AtomicInteger();
    private final AtomicInteger agentKills = new AtomicInteger();

    public synchronized void scan(SentScan scan) {
        scans.add(scan);
    }

    public synchronized void cancel(CancelTiming cancel) {
        cancels.add(cancel);
    }

    public synchronized void outage(Outage outage) {
        outages.add(outage);
    }

    public synchronized void hubCheck(HubCheck check) {
        hubChecks.add(check);
    }

    public synchronized List<HubCheck> hubChecks() {
        return new ArrayList<>(hubChecks);
    }

    public void orderDone() {
        ordersDone.incrementAndGet();
    }

    public void agentKilled() {
        agentKills.incrementAndGet();
    }

    public synchronized List<SentScan> scans() {
        return new ArrayList<>(scans);
    }

    public synchronized List<CancelTiming> cancels() {
        return new ArrayList<>(cancels);
    }

    public synchronized List<Outage> outages() {
        return new ArrayList<>(outages);
    }

    public int ordersDone() {
        return ordersDone.get();
    }

    public int agentKills() {
        return agentKills.get();
    }
}
