package io.packcheck.station.cli;

import io.packcheck.station.hardware.HardwareProfiles;
import io.packcheck.station.hardware.ProfileException;
import io.packcheck.station.hardware.ScaleProfile;
import io.packcheck.station.scale.emulator.EmulatedLoad;
import io.packcheck.station.scale.emulator.EmulatedScalePort;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code station-agent emulate-scale --pty PATH [--profile NAME] [--grams G]}: a scale on a pseudo-terminal. */
@Command(
        name = "emulate-scale",
        mixinStandardHelpOptions = true,
        description = {
            "Plays a scale of the given profile on a new pseudo-terminal (socat) whose station end is PATH, so that",
            "`run --scale PATH --scale-profile NAME` weighs without hardware. Each line typed on standard input puts",
            "that many grams on the platform. Runs until SIGTERM or Ctrl-C, which unplugs the scale.",
            "Exit code: 1 a bad profile or option, 2 socat is missing or cannot make the port."
        })
public final class EmulateScaleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--pty", required = true, paramLabel = "PATH", description = "Where to create the station's end of the port.")
    Path pty;

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "mt-sics", description = "Scale profile to play (default: mt-sics).")
    String profile;

    @Option(names = "--grams", paramLabel = "G", defaultValue = "0", description = "Weight on the platform at the start (default: 0).")
    double grams;

    @Option(names = "--noise", paramLabel = "G", defaultValue = "2", description = "Settled readings vary by plus or minus this (default: 2).")
    double noise;

    @Option(names = "--settle-ms", paramLabel = "MS", defaultValue = "300", description = "Readings are in motion this long after a change (default: 300).")
    long settleMillis;

    @Option(names = "--capacity-grams", paramLabel = "G", defaultValue = "30000", description = "Above this the scale is overloaded (default: 30000).")
    double capacity;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScaleProfile scale;
        try {
            scale = HardwareProfiles.scale(profile);
        } catch (ProfileException e) {
            err.println("emulate-scale: " + e.getMessage());
            err.flush();
            return 1;
        }
        if (noise < 0 || settleMillis < 0 || capacity <= 0) {
            err.println("emulate-scale: --noise and --settle-ms must not be negative, --capacity-grams must be positive");
            err.flush();
            return 1;
        }
        EmulatedLoad load = new EmulatedLoad(grams, noise, Duration.ofMillis(settleMillis), capacity, System.nanoTime());
        EmulatedScalePort port;
        try {
            port = EmulatedScalePort.plugIn(pty, scale.protocol(), load, scale.checksum());
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            err.println("emulate-scale: " + e.getMessage());
            err.flush();
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            port.unplug();
            stopped.countDown();
        }, "scale-emulator-shutdown"));
        out.printf("scale %s (%s) ready on %s with %s g; type grams and Enter to change the weight%n",
                scale.id(), scale.protocol().key(), pty, grams);
        out.flush();
        readWeights(load, out, err);
        stopped.await(); // standard input closed: keep answering until the signal
        return 0;
    }

    private static void readWeights(EmulatedLoad load, PrintWriter out, PrintWriter err) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    double g = Double.parseDouble(line.trim());
                    load.put(g);
                    out.println("put " + g + " g");
                    out.flush();
                } catch (NumberFormatException e) {
                    err.println("emulate-scale: '" + line.trim() + "' is not a weight in grams");
                    err.flush();
                }
            }
        } catch (IOException e) {
            err.println("emulate-scale: standard input: " + e.getMessage());
        }
    }
}
