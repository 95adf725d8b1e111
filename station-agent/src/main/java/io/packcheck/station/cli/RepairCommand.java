package io.packcheck.station.cli;

import io.packcheck.station.store.StationDatabase;
import io.packcheck.station.store.StationRepair;
import io.packcheck.station.store.StoreException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code station-agent repair --data DIR}: a fresh database in place of a damaged one, keeping the unsent scans. */
@Command(
        name = "repair",
        mixinStandardHelpOptions = true,
        description = {
            "Replaces a damaged station database (the one `run` stops on with exit code 2) by a fresh one.",
            "Keeps every scan the hub has not confirmed, as far as the damaged file reads, and the open box",
            "when its state still reads; the order cache starts empty and refills from the hub at the next",
            "start (a station without a hub: import it again). The damaged file is kept beside, renamed",
            "station.db.damaged-<time>. Stop the station first.",
            "Exit code: 0 repaired (or nothing to repair), 2 the data directory cannot be used."
        })
public final class RepairCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Option(names = "--force", description = "Rebuild even when the database checks sound.")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (!Files.exists(data.dir.resolve(StationDatabase.FILE_NAME))) {
                err.println("repair: no station database in " + data.dir.toAbsolutePath());
                return 2;
            }
            if (!force && sound()) {
                out.println("repair: " + data.dir.resolve(StationDatabase.FILE_NAME).toAbsolutePath()
                        + " checks sound; nothing to repair (--force rebuilds it anyway)");
                return 0;
            }
            StationRepair.Report report = new StationRepair(Clock.systemUTC()).repair(data.dir);
            out.println("repair: kept " + report.unsentKept() + " unsent events and " + report.rejectedKept()
                    + " set aside by the hub; " + (report.unreadableRows() < 0 ? "the damaged file did not open"
                    : report.unreadableRows() + " rows unreadable") + "; next sequence " + report.nextSequence()
                    + "; open box " + (report.openBoxKept() ? "kept" : "not kept (pack it again)"));
            out.println("repair: the cache is empty and refills from the hub at the next start (no hub: run import again)");
            out.println("repair: the damaged file is kept as " + report.damagedFile().toAbsolutePath());
            return 0;
        } catch (StoreException e) {
            err.println("repair: " + e.getMessage());
            return 2;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private boolean sound() {
        try (StationDatabase db = StationDatabase.openIn(data.dir)) {
            return db.check(StationDatabase.Check.QUICK).isEmpty();
        } catch (StoreException e) {
            if (e.fault() == StoreException.Fault.DAMAGED) {
                return false;
            }
            throw e;
        }
    }
}
