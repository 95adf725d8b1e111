package io.packcheck.hub.cli;

import io.packcheck.hub.auth.CredentialKind;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code apikey create --name NAME}. */
@Command(name = "apikey", description = "API keys for order systems and integrators", subcommands = ApiKeyCommand.Create.class)
public final class ApiKeyCommand {

    @Command(name = "create", description = "create an API key; prints the key once, on the last line")
    static final class Create implements Callable<Integer> {
        @Mixin
        DataDir data;
        @Option(names = "--name", required = true, description = "who uses the key, e.g. wms")
        String name;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return Credentials.create(data.dir(), CredentialKind.APIKEY, name, Optional.empty(),
                    spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }
}
