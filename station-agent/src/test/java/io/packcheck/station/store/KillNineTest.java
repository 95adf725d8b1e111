package io.packcheck.station.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A station process killed with SIGKILL at a random moment, several times over: every restart
 * finds the session count equal to the events in the outbox, and never behind what was signalled.
 */
class KillNineTest {

    static final SessionCodec<Integer> COUNT = new SessionCodec<>() {
        @Override
        public String encode(Integer units) {
            return Integer.toString(units);
        }

        @Override
        public Integer decode(String text) {
            return Integer.valueOf(text);
        }
    };

    @TempDir
    Path dir;

    @Test
    void aKilledStationResumesWithExactlyTheSignalledCountsAndTheirEvents() throws Exception {
        Random random = new Random(42);
        int lastSignalled = 0;
        for (int round = 0; round < 4; round++) {
            int killAfter = lastSignalled + 5 + random.nextInt(40);
            Process child = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    CrashingPacker.class.getName(), dir.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("signalled ")) {
                        lastSignalled = Integer.parseInt(line.substring("signalled ".length()));
                        if (lastSignalled >= killAfter) {
                            break;
                        }
                    }
                }
                child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close
                assertThat(child.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            }

            try (StationDatabase db = StationDatabase.openIn(dir)) {
                Clock clock = Clock.systemUTC();
                Outbox outbox = new Outbox(db, clock);
                int resumed = new SessionStore<>(db, outbox, COUNT, clock).current().orElseThrow();

                assertThat(resumed).as("round %d", round).isGreaterThanOrEqualTo(lastSignalled);
                assertThat(outbox.depth()).as("round %d", round).isEqualTo(resumed);
                lastSignalled = resumed;
            }
        }
        assertThat(lastSignalled).isGreaterThan(20);
    }
}
