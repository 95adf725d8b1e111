package io.packcheck.hub;

import io.packcheck.hub.claims.ClaimRules;
import io.packcheck.hub.http.HubServices.Limits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How the hub serves: its port, optional TLS from PEM files, body limits, and how long an order stays claimed by a
 * station that has gone quiet.
 *
 * @param port      0 picks a free port (tests)
 * @param claimIdle a station's claim on an order ends after this long without a request or event from it
 */
public record HubConfig(int port, Optional<Path> tlsCert, Optional<Path> tlsKey, Limits limits, Duration claimIdle) {

    public HubConfig(int port, Optional<Path> tlsCert, Optional<Path> tlsKey, Limits limits) {
        this(port, tlsCert, tlsKey, limits, ClaimRules.DEFAULT_IDLE);
    }

    public static HubConfig plain(int port) {
        return new HubConfig(port, Optional.empty(), Optional.empty(), Limits.defaults());
    }

    public HubConfig withClaimIdle(Duration idle) {
        return new HubConfig(port, tlsCert, tlsKey, limits, idle);
    }

    /** The problems with this configuration, in words for whoever started the hub; empty if none. */
    public Optional<String> problem() {
        if (port < 0 || port > 65535) {
            return Optional.of("--port must be 0-65535, got " + port);
        }
        if (claimIdle.isNegative() || claimIdle.isZero()) {
            return Optional.of("--claim-idle-minutes must be at least 1, got " + claimIdle.toMinutes());
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
