package io.packcheck.hub.storage;

import io.packcheck.hub.auth.CredentialKind;
import io.packcheck.hub.auth.Principal;
import io.packcheck.hub.auth.Secrets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** Dashboard sessions in the {@code dashboard_session} table, joined to their user in {@code credential}. */
public final class SqliteDashboardSessionRepository implements DashboardSessionRepository {

    private static final String USER = CredentialKind.USER.column();

    private final SqliteDatabase db;

    public SqliteDashboardSessionRepository(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public boolean open(String sessionHash, String userSecretHash, Optional<String> csrf, Instant at) {
        return db.transaction(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO dashboard_session (id_hash, credential_id, csrf, created_at, last_seen_ms)"
                            + " SELECT ?, id, ?, ?, ? FROM credential"
                            + " WHERE secret_hash = ? AND kind = ? AND revoked_at IS NULL")) {
                insert.setString(1, sessionHash);
                insert.setString(2, csrf.orElse(null));
                insert.setString(3, at.toString());
                insert.setLong(4, at.toEpochMilli());
                insert.setString(5, userSecretHash);
                insert.setString(6, USER);
                return insert.executeUpdate() > 0;
            }
        });
    }

    @Override
    public Optional<Session> find(String sessionHash) {
        return db.transaction(c -> {
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT s.id_hash, c.name, c.role, s.csrf, s.created_at, s.last_seen_ms"
                            + " FROM dashboard_session s JOIN credential c ON c.id = s.credential_id"
                            + " WHERE s.id_hash = ? AND c.kind = ? AND c.revoked_at IS NULL")) {
                q.setString(1, sessionHash);
                q.setString(2, USER);
                try (ResultSet rs = q.executeQuery()) {
                    // the lookup goes by hash through an index; the compare after it takes the same time wherever the hashes differ
                    if (!rs.next() || !Secrets.sameHash(rs.getString(1), sessionHash)) {
                        return Optional.empty();
                    }
                    Principal user = new Principal(CredentialKind.USER, rs.getString(2), Optional.ofNullable(rs.getString(3)));
                    return Optional.of(new Session(user, Optional.ofNullable(rs.getString(4)),
                            Instant.parse(rs.getString(5)), Instant.ofEpochMilli(rs.getLong(6))));
                }
            }
        });
    }

    @Override
    public void touch(String sessionHash, Instant lastSeen) {
        db.transaction(c -> {
            try (PreparedStatement u = c.prepareStatement(
                    "UPDATE dashboard_session SET last_seen_ms = max(last_seen_ms, ?) WHERE id_hash = ?")) {
                u.setLong(1, lastSeen.toEpochMilli());
                u.setString(2, sessionHash);
                return u.executeUpdate();
            }
        });
    }

    @Override
    public void delete(String sessionHash) {
        db.transaction(c -> {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM dashboard_session WHERE id_hash = ?")) {
                d.setString(1, sessionHash);
                return d.executeUpdate();
            }
        });
    }

    @Override
    public int deleteAllOf(String userName) {
        return db.transaction(c -> {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM dashboard_session WHERE credential_id IN"
                    + " (SELECT id FROM credential WHERE kind = ? AND name = ?)")) {
                d.setString(1, USER);
                d.setString(2, userName);
                return d.executeUpdate();
            }
        });
    }

    @Override
    public int deleteIdleOrRevoked(Instant lastSeenBefore) {
        return db.transaction(c -> {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM dashboard_session WHERE last_seen_ms < ?"
                    + " OR credential_id IN (SELECT id FROM credential WHERE revoked_at IS NOT NULL)")) {
                d.setLong(1, lastSeenBefore.toEpochMilli());
                return d.executeUpdate();
            }
        });
    }
}
