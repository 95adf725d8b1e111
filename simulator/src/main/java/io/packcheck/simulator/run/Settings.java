package io.packcheck.simulator.run;

import io.packcheck.simulator.plan.Injection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a simulated day runs.
 *
 * @param workDir        fresh directory for the hub's and the stations' data and logs
 * @param stations       number of pack stations
 * @param orders         orders to seed and pack, spread over the stations
 * @param scansPerSecond each packer's pace; 0 as fast as the stations answer
 * @param errorShare     share of orders that get an injected error (each kind in turn)
 * @param hubPort        the hub's port; 0 picks a free one
 * @param screenPorts    first packer-screen port (station n gets first + n - 1); 0 serves no screens
 * @param duration       stop packing new orders after this long (the demo's --minutes)
 * @param killAgents     kill -9 some agents mid-order and restart them
 * @param hubRestartEvery kill -9 the hub this often and restart it after {@code hubDowntime}
 * @param injecting      when not empty, the injected orders carry these errors, in turn (for tests of some kinds)
 */
public record Settings(Path workDir, int stations, int orders, double scansPerSecond, double errorShare, long seed,
        int hubPort, int screenPorts, Optional<Duration> duration, boolean killAgents,
        Optional<Duration> hubRestartEvery, Duration hubDowntime, Optional<Duration> tallyEvery,
        List<Injection> injecting) {

    public Settings {
        if (stations < 1 || stations > 50) {
            throw new IllegalArgumentException("--stations must be between 1 and 50, got " + stations);
        }
        if (orders < 1) {
            throw new IllegalArgumentException("--orders must be at least 1, got " + orders);
        }
        if (scansPerSecond < 0) {
            throw new IllegalArgumentException("--rate must not be negative, got " + scansPerSecond);
        }
        if (errorShare < 0 || errorShare > 1) {
            throw new IllegalArgumentException("the error share must be between 0 and 1, got " + errorShare);
        }
    }

    /** A quick day for tests: fast packers, no screens, no chaos. */
    public static Settings quick(Path workDir, int stations, int orders) {
        return new Settings(workDir, stations, orders, 0, 0.5, 42, 0, 0, Optional.empty(), false, Optional.empty(),
                Duration.ofSeconds(3), Optional.empty(), List.of());
    }

    /** Every order of this day carries {@code injection}. */
    public Settings onlyInjecting(Injection injection) {
        return injecting(List.of(injection)).withErrorShare(1.0);
    }

    /** The injected orders of this day carry these kinds of error, in turn. */
    public Settings injecting(List<Injection> kinds) {
        return new Settings(workDir, stations, orders, scansPerSecond, errorShare, seed, hubPort, screenPorts, duration,
                killAgents, hubRestartEvery, hubDowntime, tallyEvery, List.copyOf(kinds));
    }

    public Settings withErrorShare(double share) {
        return new Settings(workDir, stations, orders, scansPerSecond, share, seed, hubPort, screenPorts, duration,
                killAgents, hubRestartEvery, hubDowntime, tallyEvery, injecting);
    }

    public Settings withKillAgents(boolean kill) {
        return new Settings(workDir, stations, orders, scansPerSecond, errorShare, seed, hubPort, screenPorts, duration,
                kill, hubRestartEvery, hubDowntime, tallyEvery, injecting);
    }

    public Settings withHubRestarts(Duration every, Duration downtime) {
        return new Settings(workDir, stations, orders, scansPerSecond, errorShare, seed, hubPort, screenPorts, duration,
                killAgents, Optional.of(every), downtime, tallyEvery, injecting);
    }

    public Settings withRate(double rate) {
        return new Settings(workDir, stations, orders, rate, errorShare, seed, hubPort, screenPorts, duration,
                killAgents, hubRestartEvery, hubDowntime, tallyEvery, injecting);
    }
}
