package io.packcheck.station.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data} option of the subcommands that work on a stopped station's data directory (import, repair). */
final class DataDirOption {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:PACKCHECK_DATA:-data}",
            description = "The station's data directory (default: ${DEFAULT-VALUE}, env PACKCHECK_DATA).")
    Path dir;
}
