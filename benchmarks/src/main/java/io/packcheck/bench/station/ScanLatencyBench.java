package io.packcheck.bench.station;

import io.packcheck.core.verify.Verdict;
import io.packcheck.station.lights.Indicator;
import io.packcheck.station.lights.LightTower;
import io.packcheck.station.lights.SignalPatterns;
import io.packcheck.station.lights.TowerState;
import io.packcheck.station.scanner.Frame;
import io.packcheck.station.scanner.Framing;
import io.packcheck.station.scanner.JsscScanner;
import io.packcheck.station.scanner.ScanListener;
import io.packcheck.station.scanner.ScannerState;
import io.packcheck.station.scanner.SerialSettings;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Added latency of the station's scan path through a real pty: socat plays the scanner, JsscScanner reads,
 * the Indicator turns each scan into a tower command. Measures from just before the terminator byte is
 * written to the moment {@link LightTower#show} is called, so the figure includes socat's relay hop.
 * Then measures the idle CPU of the reader with no scans arriving.
 *
 * <p>Usage: {@code ScanLatencyBench [--scans N] [--interval-ms MS] [--idle-seconds S]}; scans are spread
 * uniformly between 0.5 and 1.5 times the interval (packing pace is ~1-3 s; the default 25 ms keeps a
 * 10,000-scan run near four minutes, and the reader goes back to blocking between every two scans either way).
 */
public final class ScanLatencyBench {

    public static void main(String[] args) throws Exception {
        int scans = intArg(args, "--scans", 10_000);
        int intervalMs = intArg(args, "--interval-ms", 25);
        int idleSeconds = intArg(args, "--idle-seconds", 20);

        Path dir = Files.createTempDirectory("packcheck-bench");
        Path station = dir.resolve("station");
        Path scannerEnd = dir.resolve("scanner");
        Process socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + station,
                "pty,raw,echo=0,link=" + scannerEnd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            while (!Files.exists(station) || !Files.exists(scannerEnd)) {
                if (!socat.isAlive()) {
                    throw new IllegalStateException("socat exited; is it installed?");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            run(station, scannerEnd, scans, intervalMs, idleSeconds, socat);
        } finally {
            socat.destroy();
            socat.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static void run(Path station, Path scannerEnd, int scans, int intervalMs, int idleSeconds, Process socat)
            throws Exception {
        long[] shownAt = new long[scans];
        long[] readAt = new long[scans];
        Semaphore shown = new Semaphore(0);
        int[] currentScan = {-1};
        LightTower tower = new LightTower() {
            @Override
            public void show(TowerState state) {
                int i = currentScan[0];
                if (i >= 0) {
                    shownAt[i] = System.nanoTime();
                    shown.release();
                }
            }

            @Override
            public void close() {
            }
        };
        Indicator indicator = new Indicator(tower, SignalPatterns.defaults());
        CountDownLatch connected = new CountDownLatch(1);
        JsscScanner scanner = new JsscScanner(station.toString(), SerialSettings.default9600(), Framing.lines(),
                JsscScanner.defaultBackoff());
        scanner.start(new ScanListener() {
            @Override
            public void onFrame(Frame frame) {
                if (frame instanceof Frame.Data d) {
                    currentScan[0] = Integer.parseInt(d.raw().substring(d.raw().length() - 5));
                    readAt[currentScan[0]] = d.receivedNanos();
                    indicator.show(Verdict.MATCH);
                } else {
                    indicator.show(Verdict.UNREADABLE);
                }
            }

            @Override
            public void onStateChange(ScannerState state) {
                if (state instanceof ScannerState.Connected) {
                    connected.countDown();
                }
            }
        });
        if (!connected.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("scanner did not connect");
        }

        long[] terminatorAt = new long[scans];
        Random random = new Random(7);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (OutputStream out = new FileOutputStream(scannerEnd.toFile())) {
            byte[] cr = {'\r'};
            for (int i = 0; i < scans; i++) {
                // an EAN-13 sized body plus the scan number, so the listener can match the scan
                String body = "]E0590123412" + String.format("%05d", i);
                out.write(body.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                terminatorAt[i] = System.nanoTime();
                out.write(cr);
                out.flush();
                if (!shown.tryAcquire(5, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("scan " + i + " got no light command within 5 s");
                }
                long pause = (long) (intervalMs * (0.5 + random.nextDouble()) * 1_000_000);
                LockSupport.parkNanos(pause);
            }
        }

        long[] added = new long[scans];
        long[] inAgent = new long[scans];
        for (int i = 0; i < scans; i++) {
            added[i] = shownAt[i] - terminatorAt[i];
            inAgent[i] = shownAt[i] - readAt[i];
        }
        Arrays.sort(added);
        Arrays.sort(inAgent);
        System.out.printf("scans: %d at %d ms mean spacing (0.5x-1.5x)%n", scans, intervalMs);
        System.out.printf("added latency, terminator written -> light command: p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms%n",
                ms(added[scans / 2]), ms(added[(int) (scans * 0.99) - 1]), ms(added[(int) (scans * 0.999) - 1]),
                ms(added[scans - 1]));
        System.out.printf("of which in the agent, read returned -> light command: p50 %.3f ms, p99 %.3f ms, max %.3f ms "
                        + "(the rest is socat's relay and the kernel waking two processes)%n",
                ms(inAgent[scans / 2]), ms(inAgent[(int) (scans * 0.99) - 1]), ms(inAgent[scans - 1]));

        // idle: nothing arrives; the reader should sit in select(2) and the watch thread wake 4 times a second
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));
        long[] ids = threads.getAllThreadIds();
        long scannerCpu0 = scannerCpu(threads, ids);
        long allCpu0 = allCpu(threads, ids);
        long process0 = processCpuNanos();
        long wall0 = System.nanoTime();
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(idleSeconds));
        long wall = System.nanoTime() - wall0;
        System.out.printf("idle %d s: scanner threads (reader + watch) %.3f%% of one core; all JVM threads %.3f%%; whole process (/proc) %.3f%%%n",
                idleSeconds, 100.0 * (scannerCpu(threads, ids) - scannerCpu0) / wall,
                100.0 * (allCpu(threads, ids) - allCpu0) / wall,
                100.0 * (processCpuNanos() - process0) / wall);

        // unplugged: the reader is gone and reconnect attempts back off to one per 5 s at most
        socat.destroy();
        socat.waitFor(5, TimeUnit.SECONDS);
        long offlineDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (scanner.state() instanceof ScannerState.Connected && System.nanoTime() < offlineDeadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        System.out.printf("unplug detected: scanner state %s%n", scanner.state());
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));
        long[] ids2 = threads.getAllThreadIds();
        long off0 = allCpu(threads, ids2);
        long offProcess0 = processCpuNanos();
        long offWall0 = System.nanoTime();
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(idleSeconds));
        long offWall = System.nanoTime() - offWall0;
        System.out.printf("unplugged %d s (reconnecting with backoff): all JVM threads %.3f%% of one core; whole process (/proc) %.3f%%%n",
                idleSeconds, 100.0 * (allCpu(threads, threads.getAllThreadIds()) - off0) / offWall,
                100.0 * (processCpuNanos() - offProcess0) / offWall);
        scanner.close();
    }

    private static long scannerCpu(ThreadMXBean threads, long[] ids) {
        long sum = 0;
        for (long id : ids) {
            var info = threads.getThreadInfo(id);
            if (info != null && info.getThreadName().startsWith("scanner-")) {
                sum += Math.max(0, threads.getThreadCpuTime(id));
            }
        }
        return sum;
    }

    private static long allCpu(ThreadMXBean threads, long[] ids) {
        long sum = 0;
        for (long id : ids) {
            sum += Math.max(0, threads.getThreadCpuTime(id));
        }
        return sum;
    }

    /** utime + stime of this process from /proc/self/stat, in nanoseconds (clock ticks of 10 ms). */
    private static long processCpuNanos() throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return ticks * 10_000_000L;
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
