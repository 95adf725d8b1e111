package io.packcheck.hub;

import static io.packcheck.hub.RunningHub.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.hub.auth.CredentialKind;
import io.packcheck.hub.http.BearerAuth;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class AuthTest {

    @TempDir
    Path dataDir;
    RunningHub hub;

    @BeforeEach
    void start(Vertx vertx) {
        hub = new RunningHub(vertx, dataDir);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void answersACallWithoutTokenWith401() {
        var response = hub.get("/api/v1/orders", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(error(response).getString("field")).isEqualTo("Authorization");
    }

    @Test
    void answersAnUnknownTokenWith401() {
        hub.apiKey("wms");

        var response = hub.get("/api/v1/orders", "pck_not-a-real-key");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void keepsStationTokensOffOpsRoutesAndApiKeysOffStationRoutes() {
        String key = hub.apiKey("wms");
        String station = hub.stationToken("ST-1");
        String user = hub.create(CredentialKind.USER, "ann");

        var stationOnOps = hub.get("/api/v1/orders", station);
        var keyOnStation = hub.get("/api/v1/station/feed", key);
        var userOnOps = hub.get("/api/v1/events", user);

        assertThat(stationOnOps.statusCode()).isEqualTo(403);
        assertThat(keyOnStation.statusCode()).isEqualTo(403);
        assertThat(userOnOps.statusCode()).isEqualTo(403);
        assertThat(error(keyOnStation).getString("message")).contains("station token");
    }

    @Test
    void refusesARevokedStationOnceTheRememberedCheckRunsOut() {
        String station = hub.stationToken("ST-1");
        var before = hub.get("/api/v1/station/feed", station);

        hub.storage.credentials().revoke(CredentialKind.STATION, "ST-1");
        hub.clock.advance(BearerAuth.REMEMBER.plusSeconds(1));

        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(hub.get("/api/v1/station/feed", station).statusCode()).isEqualTo(401);
    }

    @Test
    void storesOnlyTheHashOfASecret() throws Exception {
        String key = hub.apiKey("wms");

        byte[] file = java.nio.file.Files.readAllBytes(dataDir.resolve("hub.db"));
        byte[] wal = java.nio.file.Files.exists(dataDir.resolve("hub.db-wal"))
                ? java.nio.file.Files.readAllBytes(dataDir.resolve("hub.db-wal")) : new byte[0];

        String all = new String(file, java.nio.charset.StandardCharsets.ISO_8859_1)
                + new String(wal, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(all).doesNotContain(key.substring(4)).contains(io.packcheck.hub.auth.Secrets.hash(key));
    }
}
