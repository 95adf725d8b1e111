package io.packcheck.bench.station;

import io.packcheck.station.hardware.HardwareProfiles;
import io.packcheck.station.hardware.ScaleProfile;
import io.packcheck.station.scale.JsscScale;
import io.packcheck.station.scale.ScaleProtocol;
import io.packcheck.station.scale.Weighing;
import io.packcheck.station.scale.emulator.EmulatedLoad;
import io.packcheck.station.scale.emulator.EmulatedScalePort;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How long closing a parcel waits for the scale: one shipped profile per protocol, played by the emulator on a socat
 * pty pair with a settled load, read by JsscScale with the profile's serial settings. Prints p50 / p99 / max of N
 * weighings per profile, the time the same bytes would take on a real line at the profile's baud rate (a pty moves
 * bytes at once), and the CPU of the open scale while nobody weighs.
 *
 * <p>Usage: {@code WeighBench [--weighings N] [--idle-seconds S] [--pause-ms MS]}.
 */
public final class WeighBench {

    /** Request and answer sizes of one weighing, in bytes, as the emulators send them. */
    private record Exchange(int requestBytes, int answerBytes) {
    }

    private static final Map<ScaleProtocol, Exchange> BYTES = Map.of(
            ScaleProtocol.MT_SICS, new Exchange(3, 21),            // S CR LF / S S + 10-char weight + " g" CR LF
            ScaleProtocol.NCI, new Exchange(2, 15),                // W CR / LF weight(8) CR LF status(2) CR ETX
            ScaleProtocol.TOLEDO_CONTINUOUS, new Exchange(0, 18)); // STX + 3 status + 12 digits + CR + checksum

    public static void main(String[] args) throws Exception {
        int weighings = intArg(args, "--weighings", 50);
        int idleSeconds = intArg(args, "--idle-seconds", 10);
        int pauseMs = intArg(args, "--pause-ms", 100);
        Map<ScaleProtocol, String> profiles = new LinkedHashMap<>();
        for (String name : HardwareProfiles.scaleNames()) {
            profiles.putIfAbsent(HardwareProfiles.scale(name).protocol(), name);
        }
        System.out.printf("%d weighings per profile, %d ms apart, stable load (1234 g +/- 2 g); idle %d s%n",
                weighings, pauseMs, idleSeconds);
        for (String name : profiles.values()) {
            run(HardwareProfiles.scale(name), weighings, idleSeconds, pauseMs);
        }
    }

    private static void run(ScaleProfile profile, int weighings, int idleSeconds, int pauseMs) throws Exception {
        Path dir = Files.createTempDirectory("packcheck-weigh");
        EmulatedLoad load = new EmulatedLoad(1234, 2, Duration.ZERO, 30_000, 11);
        try (EmulatedScalePort port = EmulatedScalePort.plugIn(dir.resolve("scale"), profile.protocol(), load, profile.checksum());
                JsscScale scale = new JsscScale(port.stationEnd().toString(), profile.serial(), profile.protocol(),
                        profile.checksum(), JsscScale.defaultBackoff())) {
            long connectBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!scale.connected()) {
                if (System.nanoTime() > connectBy) {
                    throw new IllegalStateException(profile.id() + ": the scale did not connect");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            for (int i = 0; i < 5; i++) {
                expectSettled(profile, scale.weigh(Duration.ofSeconds(3)));
            }
            long[] took = new long[weighings];
            for (int i = 0; i < weighings; i++) {
                long start = System.nanoTime();
                Weighing w = scale.weigh(Duration.ofSeconds(3));
                took[i] = System.nanoTime() - start;
                expectSettled(profile, w);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(pauseMs));
            }
            Arrays.sort(took);
            Exchange bytes = BYTES.get(profile.protocol());
            int bitsPerChar = 1 + profile.serial().dataBits() + (profile.serial().parity() == io.packcheck.station.scanner.SerialSettings.Parity.NONE ? 0 : 1)
                    + profile.serial().stopBits();
            double wireMs = 1000.0 * (bytes.requestBytes() + bytes.answerBytes()) * bitsPerChar / profile.serial().baud();
            System.out.printf("%-34s %-17s weigh on a pty: p50 %7.2f ms, p99 %7.2f ms, max %7.2f ms; "
                            + "+ %.1f ms on the wire at %d baud (%d bytes)%n",
                    profile.id(), profile.protocol().key(), ms(took[weighings / 2]),
                    ms(took[Math.max(0, (int) Math.ceil(weighings * 0.99) - 1)]), ms(took[weighings - 1]),
                    wireMs, profile.serial().baud(), bytes.requestBytes() + bytes.answerBytes());

            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
            long[] ids = threads.getAllThreadIds();
            long scale0 = cpu(threads, ids, true);
            long all0 = cpu(threads, ids, false);
            long wall0 = System.nanoTime();
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(idleSeconds));
            long wall = System.nanoTime() - wall0;
            System.out.printf("%-34s %-17s idle, scale open: scale threads (reader, line watch, reconnect watch) %.3f%% "
                            + "of one core; all JVM threads incl. the emulator %.3f%%%n",
                    profile.id(), profile.protocol().key(), 100.0 * (cpu(threads, ids, true) - scale0) / wall,
                    100.0 * (cpu(threads, ids, false) - all0) / wall);
        }
    }

    private static void expectSettled(ScaleProfile profile, Weighing w) {
        if (!(w instanceof Weighing.Settled s) || Math.abs(s.grams() - 1234) > 10) {
            throw new IllegalStateException(profile.id() + ": expected about 1234 g settled, got " + w);
        }
    }

    /** CPU time of the scale's threads (or of all threads), in nanoseconds. */
    private static long cpu(ThreadMXBean threads, long[] ids, boolean scaleOnly) {
        long sum = 0;
        for (long id : ids) {
            var info = threads.getThreadInfo(id);
            if (info == null) {
                continue;
            }
            String name = info.getThreadName();
            boolean scaleThread = name.startsWith("scanner-reader") || name.startsWith("scanner-line-watch")
                    || name.startsWith("scale-watch");
            if (!scaleOnly || scaleThread) {
                sum += Math.max(0, threads.getThreadCpuTime(id));
            }
        }
        return sum;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
