package io.packcheck.hub.storage;

import io.packcheck.hub.auth.CredentialKind;
import io.packcheck.hub.auth.Principal;
import io.packcheck.hub.auth.Secrets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Credentials in the {@code credential} table. */
public final class SqliteCredentialRepository implements CredentialRepository {

    private final SqliteDatabase db;
    private final Clock clock;

    public SqliteCredentialRepository(SqliteDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void create(Principal principal, String secretHash) {
        db.transaction(c -> {
            try (PreparedStatement exists = c.prepareStatement(
                    "SELECT 1 FROM credential WHERE kind = ? AND name = ? AND revoked_at IS NULL")) {
                exists.setString(1, principal.kind().column());
                exists.setString(2, principal.name());
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        throw new Conflict("exists", "name", principal.kind().column() + " '" + principal.name()
                                + "' already exists; revoke it first");
                    }
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO credential (kind, name, role, secret_hash, created_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, principal.kind().column());
                insert.setString(2, principal.name());
                insert.setString(3, principal.role().orElse(null));
                insert.setString(4, secretHash);
                insert.setString(5, clock.instant().toString());
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<Principal> findActive(String secretHash) {
        return db.transaction(c -> {
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT kind, name, role, secret_hash FROM credential WHERE secret_hash = ? AND revoked_at IS NULL")) {
                q.setString(1, secretHash);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next() && Secrets.sameHash(rs.getString(4), secretHash)) {
                        return Optional.of(new Principal(CredentialKind.ofColumn(rs.getString(1)), rs.getString(2),
                                Optional.ofNullable(rs.getString(3))));
                    }
                    return Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean revoke(CredentialKind kind, String name) {
        return db.transaction(c -> {
            try (PreparedStatement u = c.prepareStatement(
                    "UPDATE credential SET revoked_at = ? WHERE kind = ? AND name = ? AND revoked_at IS NULL")) {
                u.setString(1, clock.instant().toString());
                u.setString(2, kind.column());
                u.setString(3, name);
                return u.executeUpdate() > 0;
            }
        });
    }

    @Override
    public List<CredentialInfo> list(CredentialKind kind) {
        return db.transaction(c -> {
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT name, role, created_at, revoked_at FROM credential WHERE kind = ? ORDER BY name, created_at")) {
                q.setString(1, kind.column());
                List<CredentialInfo> out = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        out.add(new CredentialInfo(rs.getString(1), Optional.ofNullable(rs.getString(2)),
                                Instant.parse(rs.getString(3)), Optional.ofNullable(rs.getString(4)).map(Instant::parse)));
                    }
                }
                return out;
            }
        });
    }
}
