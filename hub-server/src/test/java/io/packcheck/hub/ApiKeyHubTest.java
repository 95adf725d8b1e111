package io.packcheck.hub;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What the API tests share: a fresh hub for each test over its own data folder, and an ops API key for it. */
@ExtendWith(VertxExtension.class)
abstract class ApiKeyHubTest {

    @TempDir
    Path dataDir;
    RunningHub hub;
    String key;

    @BeforeEach
    void startHub(Vertx vertx) {
        hub = new RunningHub(vertx, dataDir);
        key = hub.apiKey("ops");
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }
}
