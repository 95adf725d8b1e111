package io.packcheck.hub.dashboard;

import io.packcheck.hub.auth.Principal;
import io.packcheck.hub.auth.Secrets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dashboard sessions, in memory: a hub restart signs everyone out, which is acceptable for a floor
 * dashboard and keeps session ids out of the database. Only the hash of a session id is kept.
 */
public final class Sessions {

    public static final String COOKIE = "packcheck_session";
    /** A wall screen stays signed in as long as it keeps asking; an abandoned session ends after this. */
    public static final Duration IDLE = Duration.ofHours(12);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final Map<String, Session> byHash = new ConcurrentHashMap<>();

    /** A signed-in user; {@code csrf} is echoed by pages on state-changing calls. */
    public record Session(Principal user, String csrf, Instant lastSeen) {}

    public Sessions(Clock clock) {
        this.clock = clock;
    }

    /** Starts a session; returns its id, for the cookie only. */
    public String open(Principal user) {
        String id = random();
        byHash.put(Secrets.hash(id), new Session(user, random(), clock.instant()));
        return id;
    }

    /** The live session with this id, which counts as activity. */
    public Optional<Session> find(String id) {
        String hash = Secrets.hash(id);
        Session session = byHash.get(hash);
        Instant now = clock.instant();
        if (session == null) {
            return Optional.empty();
        }
        if (session.lastSeen().plus(IDLE).isBefore(now)) {
            byHash.remove(hash);
            return Optional.empty();
        }
        Session seen = new Session(session.user(), session.csrf(), now);
        byHash.put(hash, seen);
        return Optional.of(seen);
    }

    public void close(String id) {
        byHash.remove(Secrets.hash(id));
    }

    /** Ends every session of the user, e.g. when an admin revokes them. */
    public void closeAll(String userName) {
        byHash.values().removeIf(s -> s.user().name().equals(userName));
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
