package io.packcheck.station.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.catalog.Badge;
import io.packcheck.core.catalog.Order;
import io.packcheck.core.catalog.OrderStatus;
import io.packcheck.core.verify.PackEvent;
import io.packcheck.core.verify.Verdict;
import io.packcheck.station.config.Secret;
import io.packcheck.station.scanner.Backoff;
import io.packcheck.station.store.Outbox;
import io.packcheck.station.store.OutboxEntry;
import io.packcheck.station.store.SqliteOrderCache;
import io.packcheck.station.store.StationDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VertxHubLinkTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

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
    private final RecordingLinkListener listener = new RecordingLinkListener();
    private final List<VertxHubLink> links = new ArrayList<>();

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        hub = new InProcessHub(vertx, hubDir);
        token = hub.stationToken("ST-1");
        db = StationDatabase.openIn(stationDir);
        cache = new SqliteOrderCache(db, Clock.systemUTC());
        outbox = new Outbox(db, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        links.forEach(VertxHubLink::close);
        hub.close();
        db.close();
        InProcessHub.await(vertx.close());
    }

    private HubLinkSettings settings(URI uri) {
        return HubLinkSettings.defaults(uri, new Secret(token), "test-1.0")
                .withTimings(Duration.ofSeconds(25), Duration.ofSeconds(30), Duration.ofSeconds(1),
                        new Backoff(Duration.ofMillis(50), Duration.ofMillis(400)));
    }

    private VertxHubLink link(HubLinkSettings settings) {
        VertxHubLink link = VertxHubLink.start(vertx, settings, cache, outbox, () -> "connected", listener, Clock.systemUTC());
        links.add(link);
        return link;
    }

    @Test
    void appliesOrdersItemsAndBadgesFromTheFeedTogetherWithTheCursor() throws Exception {
        hub.putItem("MUG-1", "05901234123457");
        hub.putOrder("SO-1", "MUG-1", 2, "TOTE-7");
        hub.putBadge("B-1", "Sam", "supervisor");

        link(settings(hub.uri()));
        Order synced = listener.awaitOrder(o -> o.id().equals("SO-1"), WAIT);

        assertThat(synced.lines()).extracting(l -> l.sku() + "x" + l.quantity()).containsExactly("MUG-1x2");
        assertThat(cache.order("TOTE-7")).map(Order::id).contains("SO-1");
        assertThat(cache.item("MUG-1")).isPresent();
        assertThat(cache.badge("B-1")).contains(new Badge("B-1", "Sam", Badge.Role.SUPERVISOR));
        assertThat(cache.feedCursor()).isPresent();
        assertThat(cache.cacheAge()).isPresent();
    }

    @Test
    void aRestartedLinkResumesAfterItsCursorAndHearsOnlyNewChanges() throws Exception {
        hub.putOrder("SO-1", "MUG-1", 1, "TOTE-1");
        VertxHubLink first = link(settings(hub.uri()));
        listener.awaitOrder(o -> o.id().equals("SO-1"), WAIT);
        first.close();
        links.remove(first);

        hub.putOrder("SO-2", "MUG-1", 1, "TOTE-2");
        link(settings(hub.uri()));
        Order next = listener.awaitOrder(o -> true, WAIT);

        assertThat(next.id()).isEqualTo("SO-2");
        assertThat(cache.order("SO-1")).isPresent();
    }

    @Test
    void aCancelReachesTheListenerWithinASecondOfTheOpsCall() throws Exception {
        hub.putOrder("SO-1", "MUG-1", 2, "TOTE-7");
        VertxHubLink link = link(settings(hub.uri()));
        listener.awaitOrder(o -> o.id().equals("SO-1"), WAIT);
        listener.awaitState(LinkState.ONLINE, WAIT);

        long before = System.nanoTime();
        hub.cancel("SO-1", "customer called");
        Order cancelled = listener.awaitOrder(o -> o.status() == OrderStatus.CANCELLED, Duration.ofSeconds(1));
        Duration took = Duration.ofNanos(System.nanoTime() - before);

        assertThat(took).isLessThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(cancelled.id()).isEqualTo("SO-1");
        assertThat(cache.order("SO-1")).map(Order::status).contains(OrderStatus.CANCELLED);
        assertThat(link.state()).isEqualTo(LinkState.ONLINE);
    }

    @Test
    void drainsTheOutboxWithEachEventAtTheHubExactlyOnceThoughTheHubRestartsMidDrain() throws Exception {
        List<OutboxEntry> first = outbox.append(events(1, 600));
        link(settings(hub.uri()).withBatchSize(20));
        eventually(() -> outbox.depth() < 560, "the first batches to be confirmed");

        hub.stop();
        List<OutboxEntry> during = outbox.append(events(601, 700));
        hub.start();
        eventually(() -> outbox.depth() == 0, "the outbox to drain");

        List<JsonObject> atHub = hub.events();
        List<String> sent = new ArrayList<>();
        first.forEach(e -> sent.add(e.id().toString()));
        during.forEach(e -> sent.add(e.id().toString()));
        assertThat(atHub).extracting(e -> e.getString("id")).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(atHub).extracting(e -> e.getString("raw")).doesNotHaveDuplicates().hasSize(700);
    }

    @Test
    void setsAsideAnEventTheHubRejectsAndDeliversTheRest() throws Exception {
        // a long reason no longer does it (the outbox records it cut); a control character in an id still does
        PackEvent refused = withOrderId(event(2, ""), "SO\u00001");
        List<OutboxEntry> entries = outbox.append(List.of(event(1, ""), refused, event(3, "")));

        VertxHubLink link = link(settings(hub.uri()));
        link.eventsAppended();
        eventually(() -> outbox.depth() == 0, "the outbox to drain");

        assertThat(outbox.rejectedCount()).isEqualTo(1);
        assertThat(hub.events()).extracting(e -> e.getString("id"))
                .containsExactly(entries.get(0).id().toString(), entries.get(2).id().toString());
    }

    @Test
    void sendsNewEventsAsSoonAsTheRuntimeSignalsThem() throws Exception {
        VertxHubLink link = link(settings(hub.uri()));
        listener.awaitState(LinkState.ONLINE, WAIT);

        outbox.append(events(1, 3));
        link.eventsAppended();

        eventually(() -> outbox.depth() == 0, "the signalled events to be confirmed");
        assertThat(hub.events()).hasSize(3);
    }

    @Test
    void goesOfflineWhenTheHubIsGoneAndOnlineWhenItReturns() throws Exception {
        VertxHubLink link = link(settings(hub.uri()));
        listener.awaitState(LinkState.ONLINE, WAIT);

        hub.stop();
        listener.awaitState(LinkState.OFFLINE, WAIT);
        LinkState whileGone = link.state();
        hub.start();
        listener.awaitState(LinkState.ONLINE, WAIT);

        assertThat(whileGone).isEqualTo(LinkState.OFFLINE);
        assertThat(link.state()).isEqualTo(LinkState.ONLINE);
    }

    @Test
    void whenTheHubReturnsTheFeedResumesAtOnceInsteadOfWaitingOutItsBackoff() throws Exception {
        // the longest possible backoff (jitter fixed at the top) would hold the feed for 20 s
        HubLinkSettings slowRetries = settings(hub.uri()).withTimings(Duration.ofSeconds(25), Duration.ofSeconds(30),
                Duration.ofSeconds(1), new Backoff(Duration.ofSeconds(20), Duration.ofSeconds(60)));
        VertxHubLink link = VertxHubLink.start(vertx, new VertxHubLink(slowRetries, cache, outbox, () -> "connected",
                listener, Clock.systemUTC(), () -> 0.999));
        links.add(link);
        listener.awaitState(LinkState.ONLINE, WAIT);
        hub.stop();
        listener.awaitState(LinkState.OFFLINE, WAIT);

        hub.start();
        hub.putOrder("SO-9", "MUG-1", 1, "TOTE-9");

        Order synced = listener.awaitOrder(o -> o.id().equals("SO-9"), Duration.ofSeconds(8));
        assertThat(synced.version()).isEqualTo(1);
    }

    @Test
    void fetchesAnOrderTheCacheDoesNotHaveByItsAliasAndStoresIt() throws Exception {
        VertxHubLink link = link(settings(hub.uri()));
        listener.awaitState(LinkState.ONLINE, WAIT);
        hub.putOrder("SO-5", "MUG-1", 3, "SLIP-5");

        OrderLookup lookup = link.fetchOrder("SLIP-5");

        assertThat(lookup).isInstanceOfSatisfying(OrderLookup.Found.class,
                found -> assertThat(found.order().id()).isEqualTo("SO-5"));
        assertThat(cache.order("SLIP-5")).map(Order::id).contains("SO-5");
    }

    @Test
    void anOrderTheHubDoesNotKnowIsUnknown() throws Exception {
        VertxHubLink link = link(settings(hub.uri()));
        listener.awaitState(LinkState.ONLINE, WAIT);

        OrderLookup lookup = link.fetchOrder("NOPE-1");

        assertThat(lookup).isEqualTo(new OrderLookup.Unknown("NOPE-1"));
        assertThat(cache.order("NOPE-1")).isEmpty();
    }

    @Test
    void aHubThatDoesNotAnswerMakesTheLookupUnreachableWithinItsTimeout() {
        // accepts connections and never answers: the worst case for a scan waiting on the hub
        NetServer silent = InProcessHub.await(vertx.createNetServer().connectHandler(socket -> {}).listen(0));
        VertxHubLink link = link(settings(URI.create("http://localhost:" + silent.actualPort())));

        long before = System.nanoTime();
        OrderLookup lookup = link.fetchOrder("SO-1");
        Duration took = Duration.ofNanos(System.nanoTime() - before);

        assertThat(lookup).isInstanceOf(OrderLookup.Unreachable.class);
        assertThat(took).isLessThan(Duration.ofMillis(1500));
        InProcessHub.await(silent.close());
    }

    @Test
    void claimsAnOrderForThisStationAgainAfterARestartAndHearsWhenAnotherStationHasIt() throws Exception {
        hub.putItem("MUG-1", "05901234123457");
        hub.putOrder("SO-6", "MUG-1", 1, "SLIP-6");
        hub.putOrder("SO-7", "MUG-1", 1, "SLIP-7");
        hub.claim("SO-7", hub.stationToken("ST-2"));
        VertxHubLink link = link(settings(hub.uri()));
        listener.awaitState(LinkState.ONLINE, WAIT);

        OrderClaim first = link.claimOrder("SO-6");
        OrderClaim again = link.claimOrder("SO-6");
        OrderClaim taken = link.claimOrder("SO-7");

        assertThat(first).isEqualTo(new OrderClaim.Claimed("SO-6"));
        assertThat(again).as("idempotent").isEqualTo(new OrderClaim.Claimed("SO-6"));
        assertThat(taken).isInstanceOfSatisfying(OrderClaim.ClaimedElsewhere.class, elsewhere -> {
            assertThat(elsewhere.stationId()).isEqualTo("ST-2");
            assertThat(elsewhere.since()).isBefore(Instant.now().plusSeconds(1));
        });
    }

    @Test
    void aHubThatDoesNotAnswerMakesTheClaimUnreachableWithinItsTimeout() {
        NetServer silent = InProcessHub.await(vertx.createNetServer().connectHandler(socket -> {}).listen(0));
        VertxHubLink link = link(settings(URI.create("http://localhost:" + silent.actualPort())));

        long before = System.nanoTime();
        OrderClaim claim = link.claimOrder("SO-1");
        Duration took = Duration.ofNanos(System.nanoTime() - before);

        assertThat(claim).isInstanceOf(OrderClaim.Unreachable.class);
        assertThat(took).as("the packer waits at most the 800 ms timeout").isLessThan(Duration.ofMillis(1500));
        InProcessHub.await(silent.close());
    }

    @Test
    void aStoppedHubMakesTheLookupUnreachable() {
        VertxHubLink link = link(settings(hub.uri()));
        hub.stop();

        OrderLookup lookup = link.fetchOrder("SO-1");

        assertThat(lookup).isInstanceOf(OrderLookup.Unreachable.class);
    }

    @Test
    void aHeartbeatMeasuresTheClockSkewAgainstTheHubAndTellsItTheStationsState() throws Exception {
        Clock tenSecondsAhead = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(10));
        VertxHubLink link = VertxHubLink.start(vertx, settings(hub.uri()), cache, outbox, () -> "connected", listener,
                tenSecondsAhead);
        links.add(link);

        eventually(() -> link.clockSkew().isPresent(), "a heartbeat answer");

        assertThat(link.clockSkew().orElseThrow()).isBetween(Duration.ofSeconds(9), Duration.ofSeconds(11));
        JsonObject health = hub.stationHealth("ST-1");
        assertThat(health.getString("scannerState")).isEqualTo("connected");
        assertThat(health.getLong("eventsWaiting")).isZero();
        assertThat(health.getBoolean("online")).isTrue();
    }

    @Test
    void aRevokedStationIsRefusedAndNeitherTheHealthProbeNorTheLivenessCheckBringsItBackOnline() throws Exception {
        // the feed asks every second, so the revocation shows once the hub's 5 s memory of the token runs out;
        // retries after the refusal wait ~20 s, which leaves the token-less health probe as the only traffic
        HubLinkSettings settings = settings(hub.uri()).withTimings(Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofSeconds(2), new Backoff(Duration.ofSeconds(20), Duration.ofSeconds(60)));
        VertxHubLink link = VertxHubLink.start(vertx, new VertxHubLink(settings, cache, outbox, () -> "connected",
                listener, Clock.systemUTC(), () -> 0.999));
        links.add(link);
        listener.awaitState(LinkState.ONLINE, WAIT);

        hub.revokeStation("ST-1");
        listener.awaitState(LinkState.REFUSED, Duration.ofSeconds(25));
        List<OutboxEntry> meanwhile = outbox.append(events(1, 3));
        link.eventsAppended();
        List<LinkState> whileRefused = listener.statesDuring(Duration.ofSeconds(4));
        long before = System.nanoTime();
        OrderLookup lookup = link.fetchOrder("NOPE-1");
        Duration lookupTook = Duration.ofNanos(System.nanoTime() - before);

        assertThat(whileRefused).as("the health probe answers, but only an accepted token makes the link online")
                .doesNotContain(LinkState.ONLINE);
        eventually(() -> link.state() == LinkState.REFUSED, "the link to stay refused while the hub answers");
        assertThat(lookup).isInstanceOfSatisfying(OrderLookup.Unreachable.class,
                u -> assertThat(u.reason()).contains("401"));
        assertThat(lookupTook).isLessThan(Duration.ofMillis(1500));
        assertThat(outbox.oldestUnconfirmed(10)).extracting(OutboxEntry::id)
                .containsExactlyElementsOf(meanwhile.stream().map(OutboxEntry::id).toList());
        assertThat(hub.events()).isEmpty();
    }

    @Test
    void aTokenTheHubTakesAgainEndsTheRefusalWithoutARestartAndTheKeptEventsGoOut() throws Exception {
        Path backup = hubDir.resolveSibling(hubDir.getFileName() + "-backup");
        hub.backUpTo(backup);
        VertxHubLink link = link(settings(hub.uri()).withTimings(Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofSeconds(1), new Backoff(Duration.ofMillis(50), Duration.ofMillis(400))));
        listener.awaitState(LinkState.ONLINE, WAIT);
        hub.revokeStation("ST-1");
        listener.awaitState(LinkState.REFUSED, Duration.ofSeconds(25));
        List<OutboxEntry> kept = outbox.append(events(1, 3));
        link.eventsAppended();

        // the hub's database back as it was before the revocation, as an admin restoring a backup would
        hub.restoreFrom(backup);

        listener.awaitState(LinkState.ONLINE, WAIT);
        eventually(() -> outbox.depth() == 0, "the kept events to be confirmed");
        assertThat(hub.events()).extracting(e -> e.getString("id"))
                .containsExactlyElementsOf(kept.stream().map(e -> e.id().toString()).toList());
        assertThat(link.state()).isEqualTo(LinkState.ONLINE);
    }

    private static List<PackEvent> events(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(n -> event(n, "")).toList();
    }

    private static PackEvent withOrderId(PackEvent e, String orderId) {
        return new PackEvent(e.kind(), e.verdict(), e.at(), e.stationId(), e.packer(), Optional.of(orderId), e.orderVersion(),
                e.sku(), e.expectedSku(), e.raw(), e.quantity(), e.lot(), e.serial(), e.reason(), e.supervisor(), e.reasonCode());
    }

    private static PackEvent event(int n, String reason) {
        return new PackEvent(PackEvent.EventKind.SCAN, Verdict.MATCH, Instant.parse("2026-11-20T10:15:30Z"), "ST-1",
                Optional.of("Ann"), Optional.of("SO-1"), 1, Optional.of("MUG-1"), Optional.empty(), "scan-" + n, 1,
                Optional.empty(), Optional.empty(), reason, Optional.empty(), Optional.empty());
    }

    /** Waits for a condition the link brings about in the background, failing after {@link #WAIT}. */
    private static void eventually(BooleanSupplier condition, String what) {
        Awaitility.await(what).atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(condition::getAsBoolean);
    }
}
