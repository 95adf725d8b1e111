package io.packcheck.simulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo as a newcomer stops it: Ctrl-C (SIGINT) while the packers work. The packers stop first, the figures so
 * far are printed, then the stations (lights off, no "scanner offline" on the way) and the hub, and the demo
 * exits 130 with no stack trace and no process left behind.
 */
class DemoStopTest {

    @TempDir
    Path dir;

    @Test
    void ctrlCStopsThePackersPrintsTheFiguresSoFarThenTheStationsAndTheHub() throws Exception {
        int port = freePortPair();
        Path work = dir.resolve("demo");
        Process demo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", Path.of("target", "simulator.jar").toString(), "demo", "--stations", "1",
                "--minutes", "5", "--rate", "4", "--port", Integer.toString(port), "--dir", work.toString(),
                "--root", "..").redirectErrorStream(true).start();
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    output.add(line);
                }
            } catch (IOException e) {
                // the demo has gone; its exit is checked below
            }
        }, "demo-output");
        reader.start();
        try {
            Awaitility.await("the demo packing").atMost(Duration.ofSeconds(120))
                    .until(() -> output.stream().anyMatch(l -> l.startsWith("Packing up to")));
            Path stationLog = work.resolve("pack-01").resolve("station.log");
            Awaitility.await("a few scans").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> Files.readString(stationLog).split("OUT LIGHTS", -1).length > 6);

            new ProcessBuilder("kill", "-INT", Long.toString(demo.pid())).inheritIO().start().waitFor();

            assertThat(demo.waitFor(90, TimeUnit.SECONDS)).as("the demo stops within 90 s of Ctrl-C").isTrue();
            reader.join(5000);
            String printed = String.join("\n", output);
            assertThat(demo.exitValue()).as(printed).isEqualTo(130);
            assertThat(printed).contains("Stopping: the packers finish their scan", "Figures", "orders packed")
                    .doesNotContain("Exception", "\tat ");
            String log = Files.readString(stationLog);
            assertThat(log).contains("lights off").doesNotContainIgnoringCase("scanner offline");
            List<String> lights = log.lines().filter(l -> l.startsWith("OUT LIGHTS")).toList();
            assertThat(lights.get(lights.size() - 1)).isEqualTo("OUT LIGHTS green=off amber=off red=off buzzer=off");
            assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                    .filter(c -> c.contains(work.toString())).isPresent()))
                    .as("no hub, agent or socat of the demo left running").isEmpty();
        } finally {
            demo.descendants().forEach(ProcessHandle::destroyForcibly);
            demo.destroyForcibly();
        }
    }

    /** A port whose next port is free too: the demo's hub takes the first, its packer screen the second. */
    private static int freePortPair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket first = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                    ServerSocket second = new ServerSocket(first.getLocalPort() + 1, 1, InetAddress.getLoopbackAddress())) {
                return first.getLocalPort();
            } catch (IOException taken) {
                // the next port is in use: try another pair
            }
        }
        throw new IOException("no two free ports side by side on loopback");
    }
}
