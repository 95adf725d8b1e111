package io.packcheck.station.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.verify.PackEvent;
import io.packcheck.core.verify.Verdict;
import io.packcheck.protocol.Limits;
import io.packcheck.station.hub.InProcessHub;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 4 KB scan is recorded cut at the station, and the hub takes the recorded event as it is: no gap in the sequence. */
class LongScanReachesTheHubTest {

    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void closeVertx() {
        InProcessHub.await(vertx.close());
    }

    @Test
    void aFourKilobyteScanIsStoredCutWithAMarkerAndTheHubStoresItInsteadOfRefusingIt() {
        String scan = "]Q1" + "A".repeat(4093);
        PackEvent unknown = new PackEvent(PackEvent.EventKind.SCAN, Verdict.UNKNOWN_CODE, Instant.parse("2026-11-20T10:15:30Z"),
                "pack-07", Optional.empty(), Optional.of("SO-1"), 1, Optional.empty(), Optional.empty(), scan, 0,
                Optional.empty(), Optional.empty(), "Unknown code " + scan + ": not an item of this order", Optional.empty(),
                Optional.empty());
        try (InProcessHub hub = new InProcessHub(vertx, dir.resolve("hub"));
                StationDatabase db = StationDatabase.openIn(dir.resolve("station"))) {
            Outbox outbox = new Outbox(db, new MutableClock(Instant.parse("2026-11-20T10:15:31Z")));
            String token = hub.stationToken("pack-07");

            OutboxEntry entry = outbox.append(List.of(unknown)).get(0);
            String body = "{\"events\":[" + outbox.oldestUnconfirmedWire(10).get(0).body() + "]}";
            WebClient client = WebClient.create(vertx);
            JsonObject answer = InProcessHub.await(client.postAbs(hub.uri() + "/api/v1/station/events")
                    .bearerTokenAuthentication(token).putHeader("Content-Type", "application/json")
                    .sendBuffer(Buffer.buffer(body))).bodyAsJsonObject();

            assertThat(entry.event().raw()).hasSize(Limits.MAX_RAW).startsWith("]Q1AAA").endsWith(Limits.cutMarker(4096));
            assertThat(entry.event().reason()).hasSizeLessThanOrEqualTo(Limits.MAX_REASON).endsWith(Limits.cutMarker(4096 + 40));
            assertThat(answer.getJsonArray("rejected")).isEmpty();
            assertThat(answer.getJsonArray("stored")).containsExactly(entry.id().toString());
            assertThat(hub.events()).singleElement().satisfies(e -> assertThat(e.getString("raw")).isEqualTo(entry.event().raw()));
        }
    }
}
