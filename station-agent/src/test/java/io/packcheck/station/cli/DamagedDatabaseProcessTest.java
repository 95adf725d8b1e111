package io.packcheck.station.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.packcheck.core.verify.PackEvent;
import io.packcheck.core.verify.Verdict;
import io.packcheck.station.StationMain;
import io.packcheck.station.store.DamagedFiles;
import io.packcheck.station.store.Outbox;
import io.packcheck.station.store.OutboxEntry;
import io.packcheck.station.store.StationDatabase;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} and {@code repair} as real processes on a station database with overwritten pages. */
class DamagedDatabaseProcessTest {

    @TempDir
    Path dir;

    @Test
    void runExitsTwoNamingTheFileAndRepairThenKeepsTheUnsentEventsAndTheStationStartsAgain() throws Exception {
        Path data = dir.resolve("data");
        List<OutboxEntry> unsent;
        try (StationDatabase db = StationDatabase.openIn(data)) {
            unsent = new Outbox(db, Clock.systemUTC()).append(events(1500));
        }
        Path file = data.resolve(StationDatabase.FILE_NAME);
        List<DamagedFiles.Page> leaves = DamagedFiles.pagesOf(file, "outbox").stream()
                .filter(p -> p.type().equals("leaf")).toList();
        DamagedFiles.Page damaged = leaves.get(leaves.size() / 2);
        DamagedFiles.overwrite(file, damaged.number());

        Finished run = finish(start("run", "--data", data.toString(), "--lights", "console", "--station-id", "pack-07"));
        Finished repair = finish(start("repair", "--data", data.toString()));
        Process again = start("run", "--data", data.toString(), "--lights", "console", "--station-id", "pack-07");
        Path againLog = dir.resolve("again.err");
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(againLog).contains("station pack-07 ready"));
        } finally {
            again.destroy();
            again.waitFor(20, TimeUnit.SECONDS);
        }

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("station database " + file.toAbsolutePath() + " is damaged")
                .contains("station-agent repair --data " + data.toAbsolutePath())
                .doesNotContain("\tat ");
        assertThat(repair.exit()).isZero();
        assertThat(repair.out()).contains("kept " + (1500 - damaged.cells()) + " unsent events");
        assertThat(again.exitValue()).isZero();
        try (StationDatabase db = StationDatabase.openIn(data)) {
            List<OutboxEntry> kept = new Outbox(db, Clock.systemUTC()).oldestUnconfirmed(5000);
            assertThat(kept).hasSize(1500 - damaged.cells());
            assertThat(unsent).containsAll(kept);
        }
    }

    @Test
    void runStopsWithExitTwoNamingTheFileWhenTheDatabaseTurnsOutDamagedWhileItRuns() throws Exception {
        Path data = dir.resolve("data");
        try (StationDatabase db = StationDatabase.openIn(data)) {
            new Outbox(db, Clock.systemUTC()).append(events(300));
        }
        Path file = data.resolve(StationDatabase.FILE_NAME);
        Process station = start("run", "--data", data.toString(), "--lights", "console", "--station-id", "pack-07");
        Path log = dir.resolve("run.err");
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(log).contains("station pack-07 ready"));
            List<DamagedFiles.Page> outboxPages = new ArrayList<>();
            for (String owner : List.of("outbox", "outbox_pending", "outbox_confirmed", "sqlite_autoindex_outbox_1")) {
                outboxPages.addAll(DamagedFiles.pagesOf(file, owner));
            }

            for (DamagedFiles.Page page : outboxPages) {
                DamagedFiles.overwrite(file, page.number());
            }
            // another process commits: the station notices within a second, drops its cached pages and reads the disk
            try (java.sql.Connection other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                    java.sql.Statement s = other.createStatement()) {
                s.executeUpdate("INSERT INTO sync_cursors (name, value, updated_at) VALUES ('x', 'y', 0)");
            }

            assertThat(station.waitFor(30, TimeUnit.SECONDS)).as("the station stops within 30 s").isTrue();
        } finally {
            station.destroyForcibly();
        }
        assertThat(station.exitValue()).isEqualTo(2);
        assertThat(Files.readString(log)).contains("run: station database " + file.toAbsolutePath() + " is damaged")
                .contains("station-agent repair --data " + data.toAbsolutePath());
    }

    private record Finished(int exit, String out, String err) {}

    private int started;

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", agentClassPath(), StationMain.class.getName()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("PACKCHECK_"));
        started++;
        String name = started == 3 ? "again" : args[0];
        builder.redirectOutput(dir.resolve(name + ".out").toFile());
        builder.redirectError(dir.resolve(name + ".err").toFile());
        return builder.start();
    }

    private Finished finish(Process process) throws Exception {
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the process ends within 60 s").isTrue();
        String name = started == 1 ? "run" : "repair";
        return new Finished(process.exitValue(), Files.readString(dir.resolve(name + ".out"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve(name + ".err"), StandardCharsets.UTF_8));
    }

    // the hub's jar carries its own logback.xml; the agent's child JVM runs without it
    private static String agentClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("hub-server"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static List<PackEvent> events(int count) {
        List<PackEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new PackEvent(PackEvent.EventKind.SCAN, Verdict.MATCH, Instant.parse("2026-11-20T10:15:30Z"),
                    "pack-07", Optional.empty(), Optional.of("SO-1"), 1, Optional.of("MUG-" + i), Optional.empty(),
                    "4006381333931", 1, Optional.empty(), Optional.empty(), "matches line MUG-" + i, Optional.empty(),
                    Optional.empty()));
        }
        return events;
    }
}
