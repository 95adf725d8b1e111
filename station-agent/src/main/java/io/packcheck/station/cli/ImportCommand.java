package io.packcheck.station.cli;

import io.packcheck.station.store.ImportReport;
import io.packcheck.station.store.JsonLinesImport;
import io.packcheck.station.store.SqliteOrderCache;
import io.packcheck.station.store.StationDatabase;
import io.packcheck.station.store.StoreException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code station-agent import --data DIR FILE}: loads items, orders and badges from JSON lines. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Loads items, orders, badges and box types from JSON lines into the station's cache.",
            "For a station without a hub, and for tests. Every line is applied or refused with its",
            "line number and reason. Exit code: 0 all applied, 1 some line refused, 2 the file or",
            "the database could not be used."
        })
public final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Parameters(paramLabel = "FILE", description = "JSON lines to load; - reads standard input.")
    String file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (BufferedReader lines = open(file);
                StationDatabase db = StationDatabase.openIn(data.dir)) {
            JsonLinesImport importer = new JsonLinesImport(new SqliteOrderCache(db, Clock.systemUTC()));
            ImportReport report = importer.run(lines, refusal -> err.println("refused " + refusal));
            out.println(report.summary());
            return report.refused().isEmpty() ? 0 : 1;
        } catch (NoSuchFileException e) {
            err.println("import: no such file: " + file);
            return 2;
        } catch (IOException | UncheckedIOException e) {
            err.println("import: " + e.getMessage());
            return 2;
        } catch (StoreException e) {
            err.println("import: " + e.getMessage() + " (the lines of the batch being written were not applied)");
            return 2;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static BufferedReader open(String file) throws IOException {
        if (file.equals("-")) {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        return Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
    }
}
