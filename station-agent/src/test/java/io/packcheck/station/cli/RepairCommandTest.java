package io.packcheck.station.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.station.StationMain;
import io.packcheck.station.store.SqliteOrderCache;
import io.packcheck.station.store.StationDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RepairCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void leavesASoundDatabaseAsItIs() throws Exception {
        Path data = dir.resolve("data");
        try (StationDatabase db = StationDatabase.openIn(data)) {
            new SqliteOrderCache(db, Clock.systemUTC()).applyChanges(List.of(), Optional.of("f7"));
        }

        int exit = run("repair", "--data", data.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("checks sound; nothing to repair");
        try (StationDatabase db = StationDatabase.openIn(data); Stream<Path> files = Files.list(data)) {
            assertThat(new SqliteOrderCache(db, Clock.systemUTC()).feedCursor()).hasValue("f7");
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("damaged"));
        }
    }

    @Test
    void rebuildsASoundDatabaseWhenForced() throws Exception {
        Path data = dir.resolve("data");
        try (StationDatabase db = StationDatabase.openIn(data)) {
            new SqliteOrderCache(db, Clock.systemUTC()).applyChanges(List.of(), Optional.of("f7"));
        }

        int exit = run("repair", "--data", data.toString(), "--force");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("kept 0 unsent events").contains("refills from the hub");
        try (StationDatabase db = StationDatabase.openIn(data)) {
            assertThat(new SqliteOrderCache(db, Clock.systemUTC()).feedCursor()).isEmpty();
        }
    }

    @Test
    void namesTheDirectoryWithoutADatabaseAndExitsTwo() {
        int exit = run("repair", "--data", dir.resolve("nothing").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("no station database in " + dir.resolve("nothing").toAbsolutePath());
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new StationMain());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
