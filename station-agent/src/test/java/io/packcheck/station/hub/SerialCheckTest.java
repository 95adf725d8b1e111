package io.packcheck.station.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.packcheck.core.barcode.ScanParser;
import io.packcheck.core.verify.Outcome;
import io.packcheck.core.verify.PackEvent;
import io.packcheck.core.verify.PackRules;
import io.packcheck.core.verify.PackSession;
import io.packcheck.core.verify.Verdict;
import io.packcheck.station.config.Secret;
import io.packcheck.station.scanner.Backoff;
import io.packcheck.station.store.Outbox;
import io.packcheck.station.store.SqliteOrderCache;
import io.packcheck.station.store.StationDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A station asks the real hub whether a serial is already in another order's box, and counts the unit when no answer comes. */
class SerialCheckTest {

    @TempDir
    Path hubDir;
    @TempDir
    Path stationDir;

    private Vertx vertx;
    private InProcessHub hub;
    private String token;
    private StationDatabase db;
    private SqliteOrderCache cache;
    private Outbox outbox;
    private final List<VertxHubLink> links = new ArrayList<>();

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        hub = new InProcessHub(vertx, hubDir);
        token = hub.stationToken("ST-1");
        db = StationDatabase.openIn(stationDir);
        cache = new SqliteOrderCache(db, Clock.systemUTC());
        outbox = new Outbox(db, Clock.systemUTC());
        hub.putItem("PHONE", "00036000291452");
        hub.putOrder("SO-A", "PHONE", 1, "TOTE-A");
        hub.putOrder("SO-B", "PHONE", 1, "TOTE-B");
    }

    @AfterEach
    void stop() {
        links.forEach(VertxHubLink::close);
        hub.close();
        db.close();
        InProcessHub.await(vertx.close());
    }

    private VertxHubLink link(URI uri) {
        HubLinkSettings settings = HubLinkSettings.defaults(uri, new Secret(token), "test-1.0")
                .withTimings(Duration.ofSeconds(25), Duration.ofSeconds(30), Duration.ofSeconds(1),
                        new Backoff(Duration.ofMillis(50), Duration.ofMillis(400)));
        VertxHubLink link = VertxHubLink.start(vertx, settings, cache, outbox, () -> "connected",
                new RecordingLinkListener(), Clock.systemUTC());
        links.add(link);
        return link;
    }

    /** SO-A packed with serial SN-9, sent through the outbox and the link as a station would. */
    private VertxHubLink soAPackedWithSn9() {
        VertxHubLink link = link(hub.uri());
        outbox.append(List.of(new PackEvent(PackEvent.EventKind.SCAN, Verdict.ORDER_COMPLETE, Instant.now(), "ST-1",
                Optional.empty(), Optional.of("SO-A"), 1, Optional.of("PHONE"), Optional.empty(), "]d20100036000291452" + "21SN-9",
                1, Optional.empty(), Optional.of("SN-9"), "", Optional.empty(), Optional.empty())));
        link.eventsAppended();
        await().atMost(Duration.ofSeconds(15)).until(() -> hub.events().size() == 1);
        return link;
    }

    @Test
    void theHubNamesTheOtherOrderThatHoldsTheSerial() {
        VertxHubLink link = soAPackedWithSn9();

        SerialCheck elsewhere = link.serialPackedIn("PHONE", "SN-9", "SO-B");
        SerialCheck sameOrder = link.serialPackedIn("PHONE", "SN-9", "SO-A");
        SerialCheck fresh = link.serialPackedIn("PHONE", "SN-10", "SO-B");

        assertThat(elsewhere).isEqualTo(new SerialCheck.PackedElsewhere("SO-A"));
        assertThat(sameOrder).isEqualTo(new SerialCheck.NotPacked());
        assertThat(fresh).isEqualTo(new SerialCheck.NotPacked());
    }

    @Test
    void aScanOfASerialPackedInAnotherOrderIsRefusedRedWhenTheHubAnswers() {
        VertxHubLink link = soAPackedWithSn9();
        await().atMost(Duration.ofSeconds(15)).until(() -> cache.order("SO-B").isPresent() && cache.item("PHONE").isPresent());
        PackRules rules = new PackRules(ZoneOffset.UTC);
        ScanParser parser = new ScanParser(Clock.systemUTC());
        SerialCheckingCatalog catalog = new SerialCheckingCatalog(cache, Optional.of(link));
        PackSession open = rules.scan(PackSession.idle("ST-1"), parser.parse("]C0SO-B"), catalog, Instant.now()).session();

        Outcome outcome = rules.scan(open, parser.parse("]d20100036000291452" + "21SN-9"), catalog, Instant.now());

        assertThat(outcome.verdict()).isEqualTo(Verdict.DUPLICATE_SERIAL);
        assertThat(outcome.message()).contains("was already packed in order SO-A");
        assertThat(outcome.session().locked()).isTrue();
    }

    @Test
    void aHubThatDoesNotAnswerIsUnknownWithinItsTimeoutAndTheUnitCounts() {
        NetServer silent = InProcessHub.await(vertx.createNetServer().connectHandler(socket -> { }).listen(0));
        VertxHubLink link = link(URI.create("http://localhost:" + silent.actualPort()));

        long before = System.nanoTime();
        SerialCheck check = link.serialPackedIn("PHONE", "SN-9", "SO-B");
        Duration took = Duration.ofNanos(System.nanoTime() - before);
        Optional<String> elsewhere = new SerialCheckingCatalog(cache, Optional.of(link)).serialPackedElsewhere("PHONE", "SN-9", "SO-B");

        assertThat(check).isInstanceOf(SerialCheck.Unknown.class);
        assertThat(took).isLessThan(Duration.ofMillis(1500));
        assertThat(elsewhere).isEmpty();
    }
}
