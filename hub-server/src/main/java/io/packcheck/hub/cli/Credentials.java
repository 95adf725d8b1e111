package io.packcheck.hub.cli;

import io.packcheck.hub.auth.CredentialKind;
import io.packcheck.hub.auth.Principal;
import io.packcheck.hub.auth.Secrets;
import io.packcheck.protocol.JsonFields;
import io.packcheck.protocol.ProtocolException;
import io.packcheck.hub.storage.Conflict;
import io.packcheck.hub.storage.Storage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** Creating a credential: store the hash, print the secret once, alone on the last line. */
final class Credentials {

    private Credentials() {}

    static int create(Path dataDir, CredentialKind kind, String name, Optional<String> role, PrintWriter out, PrintWriter err) {
        try {
            JsonFields.requireKey("name", name);
        } catch (ProtocolException e) {
            err.println(e.getMessage());
            return 2;
        }
        String secret = Secrets.generate(kind);
        try (Storage storage = Storage.sqlite(dataDir, Clock.systemUTC())) {
            storage.credentials().create(new Principal(kind, name, role), Secrets.hash(secret));
        } catch (Conflict e) {
            err.println(e.getMessage());
            return 1;
        }
        out.println("created " + kind.column() + " " + name + role.map(r -> " (" + r + ")").orElse("")
                + "; the secret is shown only now:");
        out.println(secret);
        out.flush();
        return 0;
    }
}
