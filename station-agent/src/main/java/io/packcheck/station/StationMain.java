package io.packcheck.station;

import io.packcheck.station.cli.ConfigCommand;
import io.packcheck.station.cli.EmulateScaleCommand;
import io.packcheck.station.cli.ImportCommand;
import io.packcheck.station.cli.ParseCommand;
import io.packcheck.station.cli.RepairCommand;
import io.packcheck.station.cli.RunCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The station agent's command line: wires subcommands, nothing else. */
@Command(
        name = "station-agent",
        mixinStandardHelpOptions = true,
        versionProvider = StationMain.Version.class,
        description = "PackCheck station agent: checks every scan at a pack station against the order.",
        subcommands = {CommandLine.HelpCommand.class, RunCommand.class, ParseCommand.class, ImportCommand.class, ConfigCommand.class,
            RepairCommand.class, EmulateScaleCommand.class})
public final class StationMain implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new StationMain()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = StationMain.class.getPackage().getImplementationVersion();
            return new String[] {"station-agent " + (v == null ? "dev" : v)};
        }
    }
}
