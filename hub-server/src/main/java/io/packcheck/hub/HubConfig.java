package io.packcheck.hub;

import io.packcheck.hub.http.HubServices.Limits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How the hub serves: its port, optional TLS from PEM files, and body limits.
 *
 * @param port 0 picks a free port (tests)
 */
public record HubConfig(int port, Optional<Path> tlsCert, Optional<Path> tlsKey, Limits limits) {

    public static HubConfig plain(int port) {
        return new HubConfig(port, Optional.empty(), Optional.empty(), Limits.defaults());
    }

    /** The problems with this configuration, in words for whoever started the hub; empty if none. */
    public Optional<String> problem() {
        if (port < 0 || port > 65535) {
            return Optional.of("--port must be 0-65535, got " + port);
        }
        if (tlsCert.isPresent() != tlsKey.isPresent()) {
            return Optional.of("TLS needs both --tls-cert and --tls-key");
        }
        for (Path pem : tlsCert.stream().toList()) {
            if (!Files.isReadable(pem)) {
                return Optional.of("--tls-cert " + pem + " is not a readable file");
            }
        }
        for (Path pem : tlsKey.stream().toList()) {
            if (!Files.isReadable(pem)) {
                return Optional.of("--tls-key " + pem + " is not a readable file");
            }
        }
        return Optional.empty();
    }
}
