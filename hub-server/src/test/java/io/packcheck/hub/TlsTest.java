package io.packcheck.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.hub.http.HubServices.Limits;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class TlsTest {

    @TempDir
    Path dataDir;

    static Path resource(String name) throws URISyntaxException {
        return Path.of(TlsTest.class.getResource("/tls/" + name).toURI());
    }

    @Test
    void servesHttpsFromPemFiles(Vertx vertx) throws Exception {
        HubConfig config = new HubConfig(0, Optional.of(resource("cert.pem")), Optional.of(resource("key.pem")), Limits.defaults());

        try (RunningHub hub = new RunningHub(vertx, dataDir, config)) {
            var response = hub.get("/health/live", null);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(hub.client).isNotNull();
        }
    }

    @Test
    void servesHttpsFromAPkcs1RsaKeyAsServeSaysItDoes(Vertx vertx) throws Exception {
        HubConfig config = new HubConfig(0, Optional.of(resource("cert.pem")), Optional.of(resource("key-pkcs1.pem")),
                Limits.defaults());

        try (RunningHub hub = new RunningHub(vertx, dataDir, config)) {
            var response = hub.get("/health/live", null);

            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void refusesACertificateWithoutItsKey() throws Exception {
        HubConfig config = new HubConfig(0, Optional.of(resource("cert.pem")), Optional.empty(), Limits.defaults());

        assertThat(config.problem()).contains("TLS needs both --tls-cert and --tls-key");
    }
}
