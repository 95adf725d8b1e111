package io.packcheck.station.cli;

import io.packcheck.station.config.ConfigException;
import io.packcheck.station.config.EffectiveConfig;
import io.packcheck.station.config.Setting;
import io.packcheck.station.config.Source;
import io.packcheck.station.config.StationConfig;
import io.packcheck.station.config.StationOptions;
import io.packcheck.station.hardware.ProfileException;
import io.packcheck.station.runtime.StationAgent;
import io.packcheck.station.store.StoreException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code station-agent run [flags]}: runs the station until SIGTERM or Ctrl-C. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the pack station: scanner, lights, packer screen and the local order cache.",
            "Logs go to standard error; with --lights console, standard output carries one LIGHTS line per",
            "change of the indicator. SIGTERM finishes the scan in progress, turns the lights off and exits 0.",
            "Exit code: 1 a setting or profile is wrong (the message names it), 2 the data directory cannot be used",
            "(a damaged database, at start or while running: the message names the file and `repair`)."
        })
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StationOptions options;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        StationConfig config;
        boolean stationIdGiven;
        try {
            EffectiveConfig effective = options.resolve();
            config = effective.config();
            stationIdGiven = effective.source(Setting.STATION_ID).kind() != Source.Kind.DEFAULT;
        } catch (ConfigException e) {
            err.println("run: " + e.getMessage());
            err.flush();
            return 1;
        }
        // registered before the station starts, so a SIGTERM at any moment after this stops it in order
        AtomicReference<StationAgent> running = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            StationAgent agent = running.get();
            if (agent == null) {
                return; // not started, or failed to start: exit with the code already given
            }
            agent.close();
            System.out.flush();
            System.err.flush();
            // an orderly stop on SIGTERM is a success; left alone the JVM would report 143, which
            // systemd counts as a failure
            Runtime.getRuntime().halt(0);
        }, "station-shutdown"));
        try {
            running.set(StationAgent.start(config, stationIdGiven, System.out));
            // a database found damaged while running cannot save verdicts any more: stop, as at start, with exit 2
            running.get().database().onDamage(damage -> stopDamaged(running, err, damage));
        } catch (ConfigException | ProfileException e) {
            err.println("run: " + e.getMessage());
            err.flush();
            return 1;
        } catch (StoreException e) {
            err.println("run: " + e.getMessage());
            err.flush();
            return 2;
        }
        new CountDownLatch(1).await(); // the station runs on its own threads until the shutdown hook halts
        return 0;
    }

    private static void stopDamaged(AtomicReference<StationAgent> running, PrintWriter err, StoreException damage) {
        StationAgent agent = running.getAndSet(null); // the shutdown hook, finding none, leaves the exit code alone
        if (agent == null) {
            return;
        }
        err.println("run: " + damage.getMessage());
        err.flush();
        agent.close();
        System.out.flush();
        System.exit(2);
    }
}
