package io.packcheck.hub;

import static io.packcheck.hub.RunningHub.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.hub.auth.CredentialKind;
import io.packcheck.hub.auth.Secrets;
import io.packcheck.hub.dashboard.Sessions;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Dashboard sessions live in the hub's database: a new hub on the same data directory honours them. */
@ExtendWith(VertxExtension.class)
class DashboardRestartTest {

    @TempDir
    Path dataDir;
    RunningHub hub;
    DashboardClient dashboard;

    @BeforeEach
    void start(Vertx vertx) {
        hub = new RunningHub(vertx, dataDir);
        dashboard = new DashboardClient(hub);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void keepsASignedInUserSignedInAcrossAHubRestart() {
        String cookie = dashboard.signIn("ann", dashboard.user("ann", "supervisor"));

        hub.restart();

        var page = dashboard.get("/dashboard/", cookie);
        var report = dashboard.get("/api/v1/reports/stations", cookie);
        var me = dashboard.get("/api/v1/session", cookie);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.bodyAsString()).contains("id=\"kpi-scans\"");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(json(me).getString("user")).isEqualTo("ann");
        assertThat(json(me).getString("role")).isEqualTo("supervisor");
    }

    @Test
    void storesOnlyTheHashOfTheSessionIdTiedToTheUsersCredential() throws SQLException {
        Instant signedInAt = hub.clock.instant();
        String cookie = dashboard.signIn("ann", dashboard.user("ann", "supervisor"));
        String id = cookie.substring(cookie.indexOf('=') + 1);

        List<List<String>> rows = query("SELECT s.id_hash, c.name, c.kind, s.csrf IS NOT NULL, s.created_at, s.last_seen_ms"
                + " FROM dashboard_session s JOIN credential c ON c.id = s.credential_id");

        assertThat(rows).containsExactly(List.of(Secrets.hash(id), "ann", "user", "1", signedInAt.toString(),
                String.valueOf(signedInAt.toEpochMilli())));
        assertThat(query("SELECT * FROM dashboard_session").toString()).doesNotContain(id);
    }

    @Test
    void refusesASignedOutSessionAfterARestart() throws SQLException {
        String cookie = dashboard.signIn("ann", dashboard.user("ann", "supervisor"));

        dashboard.post("/logout", cookie, dashboard.origin());
        hub.restart();

        assertThat(dashboard.get("/api/v1/session", cookie).statusCode()).isEqualTo(401);
        assertThat(dashboard.get("/dashboard/", cookie).getHeader("Location")).isEqualTo("/login");
        assertThat(dashboard.get("/api/v1/reports/stations", cookie).statusCode()).isEqualTo(401);
        assertThat(query("SELECT count(*) FROM dashboard_session")).containsExactly(List.of("0"));
    }

    @Test
    void refusesASessionIdleForLongerThanTwelveHoursAfterARestart() throws SQLException {
        String cookie = dashboard.signIn("ann", dashboard.user("ann", "supervisor"));
        hub.restart();

        hub.clock.advance(Sessions.IDLE.plusSeconds(1));
        hub.restart();

        assertThat(dashboard.get("/dashboard/", cookie).statusCode()).isEqualTo(302);
        assertThat(dashboard.get("/api/v1/reports/stations", cookie).statusCode()).isEqualTo(401);
        assertThat(query("SELECT count(*) FROM dashboard_session")).containsExactly(List.of("0"));
    }

    @Test
    void keepsASessionInUseAliveAcrossRestartsPastTwelveHoursFromSignIn() {
        String cookie = dashboard.signIn("ann", dashboard.user("ann", "supervisor"));
        hub.clock.advance(Duration.ofHours(11));
        assertThat(dashboard.get("/api/v1/session", cookie).statusCode()).isEqualTo(200);
        hub.restart();

        hub.clock.advance(Duration.ofHours(11));
        hub.restart();

        assertThat(dashboard.get("/api/v1/session", cookie).statusCode()).isEqualTo(200);
        assertThat(dashboard.get("/dashboard/", cookie).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAfterARestartTheSessionsOfAUserAnAdminRevoked() {
        String ann = dashboard.signIn("ann", dashboard.user("ann", "supervisor"));
        String root = dashboard.signIn("root", dashboard.user("root", "admin"));

        var revoke = dashboard.post("/api/v1/admin/users/ann/revoke", root, dashboard.origin());
        hub.restart();

        assertThat(revoke.statusCode()).isEqualTo(200);
        assertThat(dashboard.get("/api/v1/session", ann).statusCode()).isEqualTo(401);
        assertThat(dashboard.get("/api/v1/reports/stations", ann).statusCode()).isEqualTo(401);
        assertThat(dashboard.get("/api/v1/session", root).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesSessionsOfUsersRevokedBesideTheHubWithinAMinuteAndAfterARestart() {
        String ann = dashboard.signIn("ann", dashboard.user("ann", "supervisor"));
        String bob = dashboard.signIn("bob", dashboard.user("bob", "supervisor"));

        // revoked straight in the database, as another process would, so the hub ends no session itself
        hub.storage.credentials().revoke(CredentialKind.USER, "ann");
        hub.storage.credentials().revoke(CredentialKind.USER, "bob");
        hub.clock.advance(Sessions.CHECK_EVERY.plusSeconds(1));
        var bobAMinuteLater = dashboard.get("/api/v1/session", bob);
        hub.restart();

        assertThat(bobAMinuteLater.statusCode()).isEqualTo(401);
        assertThat(dashboard.get("/api/v1/session", ann).statusCode()).isEqualTo(401);
        assertThat(dashboard.get("/dashboard/", ann).statusCode()).isEqualTo(302);
    }

    /** Reads the hub's database file over a connection of its own (WAL lets it read beside the hub). */
    private List<List<String>> query(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("hub.db"));
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
