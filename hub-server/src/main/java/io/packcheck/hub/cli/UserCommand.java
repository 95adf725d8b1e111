package io.packcheck.hub.cli;

import io.packcheck.hub.auth.CredentialKind;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code user create NAME --role supervisor|admin}. */
@Command(name = "user", description = "dashboard users", subcommands = UserCommand.Create.class)
public final class UserCommand {

    /** The roles a dashboard user may have. */
    enum Role { supervisor, admin }

    @Command(name = "create", description = "create a user; prints the user's secret once, on the last line")
    static final class Create implements Callable<Integer> {
        @Mixin
        DataDir data;
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--role", required = true, description = "supervisor or admin")
        Role role;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return Credentials.create(data.dir(), CredentialKind.USER, name, Optional.of(role.name()),
                    spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }
}
