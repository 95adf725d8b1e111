package io.packcheck.station.runtime;

import static io.packcheck.station.runtime.Stations.GREEN;
import static io.packcheck.station.runtime.Stations.LIGHT_OFF;
import static io.packcheck.station.runtime.Stations.MUG;
import static io.packcheck.station.runtime.Stations.ORDER;
import static io.packcheck.station.runtime.Stations.RED;
import static io.packcheck.station.runtime.Stations.RED_MUG;
import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.verify.PackEvent.EventKind;
import io.packcheck.core.verify.PackSession;
import io.packcheck.core.verify.Verdict;
import io.packcheck.station.scanner.SocatPty;
import io.packcheck.station.store.Outbox;
import io.packcheck.station.store.OutboxEntry;
import io.packcheck.station.store.PackSessionJson;
import io.packcheck.station.store.SessionStore;
import io.packcheck.station.store.StationDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent as its own process, fed through a pty, killed and stopped the way a Pi loses power or is shut down. */
class StationProcessTest {

    private static final int ROUNDS = 15;

    @TempDir
    Path dir;

    /** One scan the test sends, the light it must give, and the event it must leave in the outbox. */
    private record Step(String code, String light, EventKind kind, Verdict verdict) {}

    private static final Step OPEN = new Step(ORDER, GREEN, EventKind.ORDER_OPENED, Verdict.ORDER_OPENED);
    private static final Step MATCH = new Step(MUG, GREEN, EventKind.SCAN, Verdict.MATCH);
    private static final Step WRONG = new Step(RED_MUG, RED, EventKind.SCAN, Verdict.WRONG_ITEM);
    private static final Step CLEAR = new Step("PCK-CLEAR", GREEN, EventKind.SESSION_CLEARED, Verdict.COMMAND_ACCEPTED);

    @Test
    void aStationKilledAtRandomMomentsResumesWithExactlyTheSignalledScansAndNothingDoubled() throws Exception {
        Path data = dir.resolve("data");
        Stations.seed(data, 100_000); // the most an order line may hold; far more than the rounds scan
        Random random = new Random(20_251_122);
        List<Step> done = new ArrayList<>();
        boolean locked = false;

        for (int round = 0; round < ROUNDS; round++) {
            Path ptyDir = dir.resolve("pty-" + round);
            java.nio.file.Files.createDirectories(ptyDir);
            Optional<Step> inFlight = Optional.empty();
            // a fresh pty each round: bytes the killed agent never read must not reach the next one
            try (SocatPty pty = SocatPty.start(ptyDir);
                    AgentProcess agent = AgentProcess.run("--scanner", pty.stationEnd(), "--lights", "console",
                            "--data", data.toString(), "--station-id", "pack-07")) {
                assertThat(agent.nextLine()).isEqualTo(LIGHT_OFF);
                if (locked) {
                    assertThat(agent.nextLine()).as("a restored lock shows red").isEqualTo(RED);
                }
                agent.awaitLog("scanner connected");
                if (done.isEmpty()) {
                    send(pty, agent, OPEN);
                    done.add(OPEN);
                }
                int scans = 2 + random.nextInt(10);
                for (int i = 0; i < scans; i++) {
                    Step step = next(random, locked);
                    send(pty, agent, step);
                    done.add(step);
                    locked = step == WRONG;
                }
                if (random.nextBoolean()) {
                    // killed while this scan may or may not be committed: either is right, as long as it was not signalled half
                    Step step = next(random, locked);
                    pty.send(step.code() + "\r");
                    inFlight = Optional.of(step);
                }
                agent.kill();
            }

            List<OutboxEntry> outbox;
            Optional<PackSession> session;
            try (StationDatabase db = StationDatabase.openIn(data)) {
                Outbox box = new Outbox(db, Clock.systemUTC());
                outbox = box.oldestUnconfirmed(10_000);
                session = new SessionStore<>(db, box, new PackSessionJson(), Clock.systemUTC()).current();
            }
            List<String> actual = outbox.stream().map(e -> e.event().kind() + "/" + e.event().verdict()).toList();
            List<String> signalled = done.stream().map(s -> s.kind() + "/" + s.verdict()).toList();
            if (inFlight.isPresent() && actual.size() == signalled.size() + 1) {
                done.add(inFlight.get());
                locked = inFlight.get() == WRONG || (locked && inFlight.get() != CLEAR);
                signalled = done.stream().map(s -> s.kind() + "/" + s.verdict()).toList();
            }
            assertThat(actual).as("round %d: outbox events are exactly the signalled scans", round)
                    .containsExactlyElementsOf(signalled);
            assertThat(outbox).extracting(OutboxEntry::sequence).isSorted().doesNotHaveDuplicates();
            assertThat(outbox).extracting(OutboxEntry::id).doesNotHaveDuplicates();
            long matches = done.stream().filter(s -> s == MATCH).count();
            boolean lockedNow = locked;
            assertThat(session).as("round %d: the stored session", round).hasValueSatisfying(s -> {
                assertThat(s.verified("MUG-BLUE")).isEqualTo((int) matches);
                assertThat(s.locked()).isEqualTo(lockedNow);
                assertThat(s.order()).isPresent();
            });
        }
    }

    @Test
    void sigtermFinishesTurnsTheLightsOffAndExitsZero() throws Exception {
        Path data = dir.resolve("data");
        Stations.seed(data, 5);
        try (SocatPty pty = SocatPty.start(dir);
                AgentProcess agent = AgentProcess.run("--scanner", pty.stationEnd(), "--lights", "console",
                        "--data", data.toString(), "--station-id", "pack-07")) {
            assertThat(agent.nextLine()).isEqualTo(LIGHT_OFF);
            agent.awaitLog("scanner connected");
            send(pty, agent, OPEN);
            send(pty, agent, WRONG);

            int exit = agent.terminate();

            agent.drain();
            assertThat(exit).isZero();
            assertThat(agent.remainingLines()).containsExactly(LIGHT_OFF);
            agent.awaitLog("lights off");
            agent.awaitLog("station stopped");
        }
        try (StationDatabase db = StationDatabase.openIn(data)) {
            assertThat(new Outbox(db, Clock.systemUTC()).oldestUnconfirmed(10)).extracting(e -> e.event().verdict())
                    .containsExactly(Verdict.ORDER_OPENED, Verdict.WRONG_ITEM);
        }
    }

    @Test
    void aBadSettingStopsTheAgentWithAMessageNamingIt() throws Exception {
        try (AgentProcess agent = AgentProcess.run("--lights", "disco", "--data", dir.resolve("data").toString())) {
            // no SIGTERM here: one that lands before the agent's own exit(1) would make it exit 143
            assertThat(agent.exitCode()).isEqualTo(1);
            agent.drain();
            assertThat(agent.log()).contains("run: setting lights").contains("'disco' is not a lights mode");
        }
    }

    @Test
    void anAgentConfiguredWithALightProfileNameFromBeforeTheRenameStartsAndLogsTheNewName() throws Exception {
        try (AgentProcess agent = AgentProcess.run("--lights", "console", "--light-profile", "relay-tower-3-colour",
                "--data", dir.resolve("data").toString(), "--station-id", "pack-07")) {
            assertThat(agent.nextLine()).isEqualTo(LIGHT_OFF);
            agent.awaitLog("light profile relay-tower-3-colour is now called sainsmart-4ch-relay-tower");
            agent.awaitLog("station pack-07 ready");

            assertThat(agent.terminate()).isZero();
        }
    }

    @Test
    void aBadScannerProfileStopsTheAgentWithAMessageNamingTheFileAndTheField() throws Exception {
        Path profile = dir.resolve("site-scanner.json");
        Files.writeString(profile, """
                {"id": "site", "model": "Site scanner", "connection": "usb-cdc",
                 "serial": {"baud": 9601, "dataBits": 8, "parity": "none", "stopBits": 1, "flowControl": "none"},
                 "framing": {"terminator": "cr"}, "aimIds": true}""");

        try (AgentProcess agent = AgentProcess.run("--scanner", dir.resolve("scanner").toString(),
                "--scanner-profile", profile.toString(), "--data", dir.resolve("data").toString())) {
            assertThat(agent.exitCode()).isEqualTo(1);
            agent.drain();
            assertThat(agent.log()).contains("run: " + profile + ": serial: baud must be one of");
        }
        assertThat(dir.resolve("data")).doesNotExist();
    }

    private static Step next(Random random, boolean locked) {
        if (locked) {
            return CLEAR;
        }
        return random.nextInt(4) == 0 ? WRONG : MATCH;
    }

    private static void send(SocatPty pty, AgentProcess agent, Step step) throws Exception {
        pty.send(step.code() + "\r");
        assertThat(agent.nextLine()).as("light for %s", step.code()).isEqualTo(step.light());
    }
}
