package io.packcheck.hub;

import io.packcheck.hub.cli.ApiKeyCommand;
import io.packcheck.hub.cli.ServeCommand;
import io.packcheck.hub.cli.StationCommand;
import io.packcheck.hub.cli.UserCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The hub's command line: wires subcommands, nothing else. */
@Command(
        name = "hub-server",
        mixinStandardHelpOptions = true,
        description = "PackCheck hub: orders and catalog in, station sync, verdicts out.",
        subcommands = {ServeCommand.class, ApiKeyCommand.class, StationCommand.class, UserCommand.class,
                CommandLine.HelpCommand.class})
public final class HubMain implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new HubMain()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
