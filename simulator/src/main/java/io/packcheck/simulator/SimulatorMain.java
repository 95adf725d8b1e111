package io.packcheck.simulator;

import io.packcheck.simulator.plan.Injection;
import io.packcheck.simulator.process.Children;
import io.packcheck.simulator.process.Jars;
import io.packcheck.simulator.process.StationProcess;
import io.packcheck.simulator.run.Figures;
import io.packcheck.simulator.run.Settings;
import io.packcheck.simulator.run.Simulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code simulator demo|simulate}: wires the options to a {@link Simulation}. */
@Command(name = "simulator", mixinStandardHelpOptions = true, subcommands = {SimulatorMain.Demo.class, SimulatorMain.Simulate.class},
        description = "Runs the hub and station jars as real processes and plays a packing day on them.")
public final class SimulatorMain {

    private static final Duration STOP_GRACE = Duration.ofSeconds(40);

    public static void main(String[] args) {
        int code = new CommandLine(new SimulatorMain()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        Children.stopAll();
        System.exit(code);
    }

    /**
     * On Ctrl-C or SIGTERM: the packers stop after their current scan, the figures so far are printed and the
     * stations and then the hub are stopped (by the command, which holds the simulation) before anything is
     * killed. Count the latch down once the command is done with the simulation.
     */
    static CountDownLatch stopsInOrder(Simulation sim) {
        CountDownLatch finished = new CountDownLatch(1);
        Children.whenStopping(() -> {
            if (finished.getCount() == 0) {
                return;
            }
            System.out.println();
            System.out.println("Stopping: the packers finish their scan, then the figures so far; stations and hub stop last ...");
            sim.requestStop();
            try {
                if (!finished.await(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                    System.out.println("Still busy after " + STOP_GRACE.toSeconds() + " s: stopping everything now");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return finished;
    }

    static Path freshDir(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException("cannot make a fresh " + dir + ": " + e.getMessage(), e);
        }
    }

    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = "The one-command demo: hub, stations with packer screens, and a packing day at a watchable pace.")
    static final class Demo implements Callable<Integer> {
        @Option(names = "--stations", defaultValue = "3", description = "pack stations (default: ${DEFAULT-VALUE})")
        int stations;
        @Option(names = "--minutes", defaultValue = "10", description = "how long the day runs (default: ${DEFAULT-VALUE})")
        int minutes;
        @Option(names = "--rate", defaultValue = "0.7", description = "scans per second per packer (default: ${DEFAULT-VALUE})")
        double rate;
        @Option(names = "--port", defaultValue = "8080", description = "hub port; screens use the next ports (default: ${DEFAULT-VALUE})")
        int port;
        @Option(names = "--dir", defaultValue = ".demo", description = "working directory, emptied first (default: ${DEFAULT-VALUE})")
        Path dir;
        @Option(names = "--root", defaultValue = ".", description = "repository root holding the built jars")
        Path root;

        @Override
        public Integer call() {
            // about six scans an order: enough orders that the packers never run out
            int orders = (int) Math.max(stations * 3L, Math.round(stations * minutes * 60 * rate / 6.0 * 1.5));
            Settings settings = new Settings(freshDir(dir), stations, orders, rate, 0.3, System.currentTimeMillis() % 1000,
                    port, port + 1, Optional.of(Duration.ofMinutes(minutes)), false, Optional.empty(),
                    Duration.ofSeconds(3), Optional.of(Duration.ofSeconds(10)), List.of());
            Simulation sim = new Simulation(settings, Jars.locate(root), System.out);
            CountDownLatch finished = stopsInOrder(sim);
            try (sim) {
                System.out.println("Starting the hub and " + stations + " stations in " + dir.toAbsolutePath() + " ...");
                sim.start();
                String hub = sim.hub().baseUrl().toString().replace("127.0.0.1", "localhost");
                System.out.println();
                System.out.println("PackCheck demo is running. Open:");
                System.out.println("  Hub API (OpenAPI)   " + hub + "/api/v1/openapi.yaml");
                System.out.println("  Health              " + hub + "/health/ready");
                System.out.println("  Dashboard           " + hub + "/dashboard  (user " + Simulation.SUPERVISOR_USER
                        + ", password " + sim.supervisorSecret() + ")");
                for (StationProcess s : sim.stations()) {
                    System.out.println("  Packer screen " + s.id() + "  http://localhost:" + s.screenPort() + "/");
                }
                System.out.println("  Scales              an emulated MT-SICS scale per station (its lines start with SCALE in"
                        + " the station's log)");
                System.out.println("  Logs and data       " + dir.toAbsolutePath());
                System.out.println("  Ops API key         " + sim.apiKey() + "  (the dashboard password is not an API key)");
                System.out.println("    try: curl -H 'Authorization: Bearer " + sim.apiKey() + "' " + hub
                        + "/api/v1/orders/SO-00001");
                System.out.println("Packing up to " + orders + " orders for " + minutes + " min with injected errors;"
                        + " Ctrl-C stops the packers, prints the figures so far and stops everything.");
                System.out.println();
                Figures figures = sim.run();
                figures.print(System.out);
            } finally {
                finished.countDown();
            }
            return 0;
        }
    }

    @Command(name = "simulate", mixinStandardHelpOptions = true,
            description = "The simulator as a load tool: packs K orders on N stations and prints the figures.")
    static final class Simulate implements Callable<Integer> {
        @Option(names = "--stations", defaultValue = "5", description = "pack stations (default: ${DEFAULT-VALUE})")
        int stations;
        @Option(names = "--rate", defaultValue = "2", description = "scans per second per station; 0: as fast as answered (default: ${DEFAULT-VALUE})")
        double rate;
        @Option(names = "--orders", defaultValue = "50", description = "orders in total (default: ${DEFAULT-VALUE})")
        int orders;
        @Option(names = "--errors", defaultValue = "0.3", description = "share of orders with an injected error (default: ${DEFAULT-VALUE})")
        double errors;
        @Option(names = "--kill-agents", description = "kill -9 agents mid-order and restart them")
        boolean killAgents;
        @Option(names = "--restart-hub", description = "kill -9 the hub every --hub-every seconds and restart it")
        boolean restartHub;
        @Option(names = "--hub-every", defaultValue = "20", description = "seconds between hub kills (default: ${DEFAULT-VALUE})")
        int hubEvery;
        @Option(names = "--seed", defaultValue = "7", description = "random seed (default: ${DEFAULT-VALUE})")
        long seed;
        @Option(names = "--inject", split = ",", paramLabel = "KIND",
                description = "only these kinds of error, in turn, e.g. unscanned_item,left_out,wrong_box,label_swap"
                        + " (default: every kind)")
        List<Injection> inject = List.of();
        @Option(names = "--dir", defaultValue = ".simulate", description = "working directory, emptied first (default: ${DEFAULT-VALUE})")
        Path dir;
        @Option(names = "--root", defaultValue = ".", description = "repository root holding the built jars")
        Path root;

        @Override
        public Integer call() {
            Settings settings = new Settings(freshDir(dir), stations, orders, rate, errors, seed, 0, 0, Optional.empty(),
                    killAgents, restartHub ? Optional.of(Duration.ofSeconds(hubEvery)) : Optional.empty(),
                    Duration.ofSeconds(3), Optional.of(Duration.ofSeconds(10)), List.copyOf(inject));
            Simulation sim = new Simulation(settings, Jars.locate(root), System.out);
            CountDownLatch finished = stopsInOrder(sim);
            try (sim) {
                long t0 = System.nanoTime();
                sim.start();
                System.out.printf("hub and %d stations up in %.1f s; packing %d orders at %s scans/s per station%s%s%n",
                        stations, (System.nanoTime() - t0) / 1e9, orders, rate, killAgents ? ", killing agents" : "",
                        restartHub ? ", restarting the hub every " + hubEvery + " s" : "");
                long t1 = System.nanoTime();
                Figures figures = sim.run();
                System.out.printf("packed in %.1f s; %d agent kills, %d hub outages%n", (System.nanoTime() - t1) / 1e9,
                        sim.record().agentKills(), sim.record().outages().size());
                figures.print(System.out);
                boolean ok = figures.catchRate() == 1.0 && figures.missedWeightErrors() == 0 && figures.falseAlarms() == 0
                        && figures.lost() == 0
                        && figures.doubledEvents() == 0;
                return ok ? 0 : 3;
            } finally {
                finished.countDown();
            }
        }
    }
}
