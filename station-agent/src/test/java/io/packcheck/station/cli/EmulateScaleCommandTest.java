package io.packcheck.station.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.packcheck.station.StationMain;
import io.packcheck.station.scale.JsscScale;
import io.packcheck.station.scale.ScaleProtocol;
import io.packcheck.station.scale.Weighing;
import io.packcheck.station.scanner.Backoff;
import io.packcheck.station.scanner.SerialSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code station-agent emulate-scale} as a child process, weighed through JsscScale like a real scale. */
class EmulateScaleCommandTest {

    @TempDir
    Path dir;

    @Test
    void playsTheProfilesScaleOnANewPortAndTakesNewWeightsFromStandardInput() throws Exception {
        Path port = dir.resolve("scale");
        Process emulator = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp", classPathWithoutTheHub(), StationMain.class.getName(),
                "emulate-scale", "--pty", port.toString(), "--profile", "avery-weigh-tronix-7820", "--grams", "1200",
                "--settle-ms", "200")).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
                OutputStream in = emulator.getOutputStream()) {
            assertThat(out.readLine()).startsWith("scale avery-weigh-tronix-7820 (nci) ready on " + port);
            try (JsscScale scale = new JsscScale(port.toString(), SerialSettings.default9600(), ScaleProtocol.NCI, false,
                    new Backoff(Duration.ofMillis(20), Duration.ofMillis(200)))) {
                assertThat(scale.weigh(Duration.ofSeconds(5))).isInstanceOfSatisfying(Weighing.Settled.class,
                        s -> assertThat(s.grams()).isCloseTo(1200, within(7.0)));

                in.write("2500\n".getBytes(StandardCharsets.UTF_8));
                in.flush();

                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(scale.weigh(Duration.ofSeconds(2)))
                        .isInstanceOfSatisfying(Weighing.Settled.class, s -> assertThat(s.grams()).isCloseTo(2500, within(7.0))));
            }
        } finally {
            emulator.destroy();
            emulator.waitFor(10, TimeUnit.SECONDS);
        }

        assertThat(emulator.isAlive()).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> !Files.exists(port));
    }

    /** The hub's logback.xml beside the agent's would make logback report its status on standard output. */
    private static String classPathWithoutTheHub() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.contains("hub-server"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }
}
