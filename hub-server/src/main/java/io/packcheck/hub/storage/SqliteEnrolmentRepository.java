package io.packcheck.hub.storage;

import io.packcheck.hub.auth.CredentialKind;
import io.packcheck.hub.auth.Secrets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Enrolment codes in the {@code enrolment_code} table; the tokens they become in {@code credential}. */
public final class SqliteEnrolmentRepository implements EnrolmentRepository {

    private final SqliteDatabase db;
    private final Clock clock;

    public SqliteEnrolmentRepository(SqliteDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public boolean issue(String stationId, String codeHash, Instant expiresAt, String placeholderTokenHash) {
        String now = clock.instant().toString();
        return db.transaction(c -> {
            try (PreparedStatement supersede = c.prepareStatement("UPDATE enrolment_code SET superseded_at = ?"
                    + " WHERE station_id = ? AND used_at IS NULL AND superseded_at IS NULL")) {
                supersede.setString(1, now);
                supersede.setString(2, stationId);
                supersede.executeUpdate();
            }
            boolean created = false;
            if (!activeStation(c, stationId)) {
                insertToken(c, stationId, placeholderTokenHash, now);
                created = true;
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO enrolment_code"
                    + " (station_id, code_hash, created_at, expires_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, stationId);
                insert.setString(2, codeHash);
                insert.setString(3, now);
                insert.setString(4, expiresAt.toString());
                insert.executeUpdate();
            }
            return created;
        });
    }

    @Override
    public Redemption redeem(String stationId, String codeHash, String newTokenHash) {
        Instant now = clock.instant();
        return db.transaction(c -> {
            Optional<Stored> found = find(c, codeHash);
            // the lookup goes by hash through an index; the compare after it takes the same time wherever the hashes differ
            if (found.isEmpty() || !Secrets.sameHash(found.get().codeHash(), codeHash)) {
                return refused(Reason.UNKNOWN, "the enrolment code is not known to this hub; print a new one");
            }
            Stored code = found.get();
            if (!code.stationId().equals(stationId)) {
                return refused(Reason.WRONG_STATION, "the enrolment code is not for station " + stationId);
            }
            if (code.usedAt().isPresent()) {
                return refused(Reason.USED, "the enrolment code was already used at " + code.usedAt().get()
                        + "; print a new one");
            }
            if (code.supersededAt().isPresent()) {
                return refused(Reason.SUPERSEDED, "a newer enrolment code was issued for station " + stationId
                        + " at " + code.supersededAt().get() + "; scan that one");
            }
            if (!now.isBefore(code.expiresAt())) {
                return refused(Reason.EXPIRED, "the enrolment code expired at " + code.expiresAt() + "; print a new one");
            }
            try (PreparedStatement use = c.prepareStatement("UPDATE enrolment_code SET used_at = ? WHERE code_hash = ?")) {
                use.setString(1, now.toString());
                use.setString(2, codeHash);
                use.executeUpdate();
            }
            try (PreparedStatement revoke = c.prepareStatement("UPDATE credential SET revoked_at = ?"
                    + " WHERE kind = ? AND name = ? AND revoked_at IS NULL")) {
                revoke.setString(1, now.toString());
                revoke.setString(2, CredentialKind.STATION.column());
                revoke.setString(3, stationId);
                revoke.executeUpdate();
            }
            insertToken(c, stationId, newTokenHash, now.toString());
            return new Redemption.Redeemed(stationId);
        });
    }

    private static Redemption refused(Reason reason, String message) {
        return new Redemption.Refused(reason, message);
    }

    private record Stored(String stationId, String codeHash, Instant expiresAt, Optional<String> usedAt,
                          Optional<String> supersededAt) {}

    private static Optional<Stored> find(Connection c, String codeHash) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT station_id, code_hash, expires_at, used_at, superseded_at"
                + " FROM enrolment_code WHERE code_hash = ?")) {
            q.setString(1, codeHash);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Stored(rs.getString(1), rs.getString(2), Instant.parse(rs.getString(3)),
                        Optional.ofNullable(rs.getString(4)), Optional.ofNullable(rs.getString(5))));
            }
        }
    }

    private static boolean activeStation(Connection c, String stationId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT 1 FROM credential WHERE kind = ? AND name = ? AND revoked_at IS NULL")) {
            q.setString(1, CredentialKind.STATION.column());
            q.setString(2, stationId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void insertToken(Connection c, String stationId, String tokenHash, String now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO credential (kind, name, role, secret_hash, created_at) VALUES (?, ?, NULL, ?, ?)")) {
            insert.setString(1, CredentialKind.STATION.column());
            insert.setString(2, stationId);
            insert.setString(3, tokenHash);
            insert.setString(4, now);
            insert.executeUpdate();
        }
    }
}
