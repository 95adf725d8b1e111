package io.packcheck.hub.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.hub.MutableClock;
import io.packcheck.hub.auth.CredentialKind;
import io.packcheck.hub.auth.Principal;
import io.packcheck.hub.auth.Secrets;
import io.packcheck.hub.http.DbWorker;
import io.packcheck.hub.storage.DashboardSessionRepository.Session;
import io.packcheck.hub.storage.Storage;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Sessions over a real SQLite file: what is written when, what is remembered, what the sweep deletes. */
@ExtendWith(VertxExtension.class)
class SessionsTest {

    @TempDir
    Path dataDir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    Storage storage;
    DbWorker db;
    Sessions sessions;
    // Like the hub's verticle, every call comes from one event-loop context.
    Context context;

    @BeforeEach
    void start(Vertx vertx) {
        storage = Storage.sqlite(dataDir, clock);
        db = new DbWorker(vertx);
        sessions = new Sessions(storage.dashboardSessions(), db, clock);
        context = vertx.getOrCreateContext();
    }

    @AfterEach
    void stop() {
        db.close();
        storage.close();
    }

    @Test
    void writesLastSeenToTheDatabaseAtMostOnceAMinute() {
        Instant signedInAt = clock.instant();
        String id = signIn("ann");

        clock.advance(Duration.ofSeconds(30));
        Session halfAMinuteLater = await(() -> sessions.find(id)).orElseThrow();
        Instant storedThen = stored(id).orElseThrow().lastSeen();
        clock.advance(Duration.ofSeconds(31));
        await(() -> sessions.find(id));
        Instant storedAfterAMinute = stored(id).orElseThrow().lastSeen();

        assertThat(halfAMinuteLater.lastSeen()).isEqualTo(signedInAt.plusSeconds(30));
        assertThat(storedThen).isEqualTo(signedInAt);
        assertThat(storedAfterAMinute).isEqualTo(signedInAt.plusSeconds(61));
    }

    @Test
    void countsUseServedFromMemoryTowardsTheIdleLimit() {
        String id = signIn("ann");
        clock.advance(Duration.ofSeconds(59));
        await(() -> sessions.find(id));

        clock.advance(Sessions.IDLE.minusSeconds(1));
        int swept = await(sessions::sweep);
        Optional<Session> found = await(() -> sessions.find(id));

        assertThat(swept).isZero();
        assertThat(found).isPresent();
    }

    @Test
    void refusesAndDeletesASessionIdleForLongerThanTwelveHours() {
        String id = signIn("ann");

        clock.advance(Sessions.IDLE.plusSeconds(1));
        Optional<Session> found = await(() -> sessions.find(id));

        assertThat(found).isEmpty();
        assertThat(stored(id)).isEmpty();
        assertThat(await(sessions::sweep)).isZero();
    }

    @Test
    void sweepsIdleSessionsAndThoseOfRevokedUsersAndKeepsTheRest() {
        String ann = signIn("ann");
        String bob = signIn("bob");
        String carol = signIn("carol");
        clock.advance(Duration.ofHours(6));
        await(() -> sessions.find(carol));
        await(() -> db.call(() -> storage.credentials().revoke(CredentialKind.USER, "bob")));

        clock.advance(Duration.ofHours(6).plus(Sessions.CHECK_EVERY).plusSeconds(1));
        int swept = await(sessions::sweep);

        assertThat(swept).isEqualTo(2);
        assertThat(await(() -> sessions.find(ann))).isEmpty();
        assertThat(await(() -> sessions.find(bob))).isEmpty();
        assertThat(await(() -> sessions.find(carol))).isPresent();
    }

    @Test
    void aSignOutIsNotUndoneByALookupAlreadyUnderway() {
        String id = signIn("ann");
        clock.advance(Sessions.CHECK_EVERY.multipliedBy(2));

        Optional<Session> underway = await(() -> {
            Future<Optional<Session>> lookup = sessions.find(id);
            return sessions.close(id).compose(v -> lookup);
        });
        Optional<Session> afterSignOut = await(() -> sessions.find(id));

        assertThat(underway).isPresent();
        assertThat(afterSignOut).isEmpty();
    }

    @Test
    void opensNoSessionForAUserRevokedSinceTheirSecretWasChecked() {
        String secret = user("ann");
        await(() -> db.call(() -> storage.credentials().revoke(CredentialKind.USER, "ann")));

        Optional<String> id = await(() -> sessions.open(principal("ann"), Secrets.hash(secret)));

        assertThat(id).isEmpty();
    }

    private String signIn(String name) {
        String secret = user(name);
        return await(() -> sessions.open(principal(name), Secrets.hash(secret))).orElseThrow();
    }

    private String user(String name) {
        String secret = Secrets.generate(CredentialKind.USER);
        await(() -> db.call(() -> {
            storage.credentials().create(principal(name), Secrets.hash(secret));
            return null;
        }));
        return secret;
    }

    private static Principal principal(String name) {
        return new Principal(CredentialKind.USER, name, Optional.of("supervisor"));
    }

    private Optional<Session> stored(String id) {
        return await(() -> db.call(() -> storage.dashboardSessions().find(Secrets.hash(id))));
    }

    private <T> T await(Supplier<Future<T>> call) {
        Promise<T> promise = Promise.promise();
        context.runOnContext(v -> call.get().onComplete(promise));
        try {
            return promise.future().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("no answer: " + e, e);
        }
    }
}
