package io.packcheck.station.cli;

import io.packcheck.station.config.ConfigException;
import io.packcheck.station.config.ConfigResolver;
import io.packcheck.station.config.EffectiveConfig;
import io.packcheck.station.config.StationOptions;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code station-agent config check [flags]}: validates and prints the effective configuration. */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        description = "Checks the station configuration: config check [flags].",
        subcommands = {ConfigCommand.Check.class})
public final class ConfigCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description = {
                "Validates the configuration (flags over PACKCHECK_* environment over the config file over",
                "defaults) and prints each effective value with its source; secrets are masked.",
                "Exit code: 0 valid, 1 a setting is wrong (the message names it)."
            })
    public static final class Check implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        StationOptions options;

        Map<String, String> env = System.getenv();
        java.nio.file.Path defaultConfigFile = ConfigResolver.DEFAULT_CONFIG_FILE;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                EffectiveConfig effective = options.resolve(new ConfigResolver(env, defaultConfigFile));
                out.println("configuration is valid; config file: "
                        + effective.file().map(Object::toString).orElse("(none)"));
                effective.describe().forEach(out::println);
                return 0;
            } catch (ConfigException e) {
                err.println("config: " + e.getMessage());
                return 1;
            } finally {
                out.flush();
                err.flush();
            }
        }
    }
}
