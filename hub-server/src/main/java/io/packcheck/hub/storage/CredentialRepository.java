package io.packcheck.hub.storage;

import io.packcheck.hub.auth.CredentialKind;
import io.packcheck.hub.auth.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API keys, station tokens and users, by the hash of their secret. */
public interface CredentialRepository {

    /** Stores a new credential; a {@link Conflict} if an active one of that kind already has the name. */
    void create(Principal principal, String secretHash);

    /** The active (not revoked) holder of the secret with this hash. */
    Optional<Principal> findActive(String secretHash);

    /** Revokes the active credential; false when there is none. */
    boolean revoke(CredentialKind kind, String name);

    List<CredentialInfo> list(CredentialKind kind);

    /** One credential without its secret. */
    record CredentialInfo(String name, Optional<String> role, Instant createdAt, Optional<Instant> revokedAt) {}
}
