package io.packcheck.hub.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data DIR} option every command shares. */
public final class DataDir {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "./data",
            description = "hub data directory (holds hub.db); default: ${DEFAULT-VALUE}")
    Path dir;

    public Path dir() {
        return dir;
    }
}
