package io.packcheck.hub.storage;

import io.packcheck.hub.auth.Principal;
import java.time.Instant;
import java.util.Optional;

/**
 * Dashboard sign-in sessions, by the hash of the session id. A session belongs to one user credential and
 * is only found while that credential is active; whether it has been idle too long is the caller's call.
 */
public interface DashboardSessionRepository {

    /**
     * Stores a session for the active user credential whose secret has {@code userSecretHash}; false, and
     * nothing stored, when there is none (the user was revoked meanwhile).
     */
    boolean open(String sessionHash, String userSecretHash, Optional<String> csrf, Instant at);

    /** The stored session, if its user is still active. */
    Optional<Session> find(String sessionHash);

    /** Records that the session was used at {@code lastSeen}. */
    void touch(String sessionHash, Instant lastSeen);

    void delete(String sessionHash);

    /** Deletes every session of the user with this name; returns how many there were. */
    int deleteAllOf(String userName);

    /** Deletes the sessions last seen before {@code lastSeenBefore} and those of revoked users; returns how many. */
    int deleteIdleOrRevoked(Instant lastSeenBefore);

    /** A signed-in user; {@code csrf} is for pages to echo on state-changing calls. */
    record Session(Principal user, Optional<String> csrf, Instant createdAt, Instant lastSeen) {

        public Session seenAt(Instant at) {
            return new Session(user, csrf, createdAt, at);
        }
    }
}
