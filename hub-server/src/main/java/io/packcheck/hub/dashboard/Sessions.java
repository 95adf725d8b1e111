package io.packcheck.hub.dashboard;

import io.packcheck.hub.auth.Principal;
import io.packcheck.hub.auth.Secrets;
import io.packcheck.hub.http.DbWorker;
import io.packcheck.hub.storage.DashboardSessionRepository;
import io.packcheck.hub.storage.DashboardSessionRepository.Session;
import io.vertx.core.Future;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Dashboard sessions, stored in the database so that a hub restart signs nobody out; only the hash of a
 * session id is kept. Sessions checked lately are remembered here, so a wall screen's stream of requests
 * does not queue behind the database writer: a remembered session is checked against the database, and its
 * last-seen written there, at most once every {@link #CHECK_EVERY}. A crash therefore loses at most that
 * much of a session's idle time, and a user revoked outside this hub loses their sessions within it.
 */
public final class Sessions {

    public static final String COOKIE = "packcheck_session";
    /** A wall screen stays signed in as long as it keeps asking; an abandoned session ends after this. */
    public static final Duration IDLE = Duration.ofHours(12);
    /** How long a session checked against the database is trusted from memory. */
    public static final Duration CHECK_EVERY = Duration.ofMinutes(1);
    /** How often sessions that ended without a sign-out are deleted from the database. */
    public static final Duration SWEEP_EVERY = Duration.ofMinutes(10);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_REMEMBERED = 10_000;

    private final DashboardSessionRepository repository;
    private final DbWorker db;
    private final Clock clock;
    private final Map<String, Remembered> byHash = new ConcurrentHashMap<>();
    /** Counts sign-outs and revocations, so that a lookup that overlapped one is not remembered. */
    private final AtomicLong endings = new AtomicLong();

    /** A session as last seen here, and when the database last confirmed it. */
    private record Remembered(Session session, Instant checkedAt) {}

    public Sessions(DashboardSessionRepository repository, DbWorker db, Clock clock) {
        this.repository = repository;
        this.db = db;
        this.clock = clock;
    }

    /**
     * Starts a session for the user who signed in with the secret of this hash; its id, for the cookie
     * only, or empty when that user was revoked in the meantime.
     */
    public Future<Optional<String>> open(Principal user, String userSecretHash) {
        String id = random();
        String hash = Secrets.hash(id);
        Instant now = clock.instant();
        Session session = new Session(user, Optional.of(random()), now, now);
        long endingsBefore = endings.get();
        return db.call(() -> repository.open(hash, userSecretHash, session.csrf(), now)).map(opened -> {
            if (!opened) {
                return Optional.empty();
            }
            remember(hash, new Remembered(session, now), endingsBefore);
            return Optional.of(id);
        });
    }

    /** The live session with this id, which counts as activity. */
    public Future<Optional<Session>> find(String id) {
        String hash = Secrets.hash(id);
        Instant now = clock.instant();
        Remembered known = byHash.get(hash);
        if (known != null && !idle(known.session().lastSeen(), now) && now.isBefore(known.checkedAt().plus(CHECK_EVERY))) {
            // computeIfPresent: a sign-out that forgot the session meanwhile must not see it come back
            Remembered seen = byHash.computeIfPresent(hash,
                    (h, r) -> new Remembered(r.session().seenAt(now), r.checkedAt()));
            if (seen != null) {
                return Future.succeededFuture(Optional.of(seen.session()));
            }
        }
        Optional<Instant> seenHere = Optional.ofNullable(known).map(r -> r.session().lastSeen());
        long endingsBefore = endings.get();
        return db.call(() -> checkAndTouch(hash, seenHere, now)).map(found -> {
            if (found.isPresent()) {
                remember(hash, new Remembered(found.get(), now), endingsBefore);
            } else {
                byHash.remove(hash);
            }
            return found;
        });
    }

    /** On the database thread: the stored session if still live, with its last-seen moved to now. */
    private Optional<Session> checkAndTouch(String hash, Optional<Instant> seenHere, Instant now) {
        Optional<Session> stored = repository.find(hash);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        // Activity served from memory since the last write counts too.
        Instant lastSeen = seenHere.filter(s -> s.isAfter(stored.get().lastSeen())).orElse(stored.get().lastSeen());
        if (idle(lastSeen, now)) {
            repository.delete(hash);
            return Optional.empty();
        }
        repository.touch(hash, now);
        return Optional.of(stored.get().seenAt(now));
    }

    /** Ends the session with this id. */
    public Future<Void> close(String id) {
        String hash = Secrets.hash(id);
        endings.incrementAndGet();
        byHash.remove(hash);
        return db.call(() -> {
            repository.delete(hash);
            return null;
        });
    }

    /** Ends every session of the user, e.g. when an admin revokes them. */
    public Future<Void> closeAll(String userName) {
        endings.incrementAndGet();
        byHash.values().removeIf(r -> r.session().user().name().equals(userName));
        return db.call(() -> {
            repository.deleteAllOf(userName);
            return null;
        });
    }

    /**
     * Deletes the sessions that ended without a sign-out: idle ones and those of revoked users. Rows get
     * {@link #CHECK_EVERY} of grace, as activity served from memory may not have been written yet; a
     * lookup refuses them meanwhile anyway. Returns how many rows were deleted.
     */
    public Future<Integer> sweep() {
        Instant now = clock.instant();
        byHash.values().removeIf(r -> idle(r.session().lastSeen(), now));
        return db.call(() -> repository.deleteIdleOrRevoked(now.minus(IDLE).minus(CHECK_EVERY)));
    }

    /**
     * Remembers what the database said, unless a session was ended since the question was asked: the answer
     * may predate that sign-out or revocation, and remembering it would undo it here for a while.
     */
    private void remember(String hash, Remembered remembered, long endingsBefore) {
        if (endings.get() != endingsBefore) {
            return;
        }
        if (byHash.size() >= MAX_REMEMBERED) {
            // Only a cache: the sessions are in the database, their last-seen at most CHECK_EVERY behind.
            byHash.clear();
        }
        byHash.put(hash, remembered);
    }

    private static boolean idle(Instant lastSeen, Instant now) {
        return lastSeen.plus(IDLE).isBefore(now);
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
