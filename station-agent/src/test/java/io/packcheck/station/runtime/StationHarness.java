package io.packcheck.station.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.barcode.ScanParser;
import io.packcheck.core.verify.PackRules;
import io.packcheck.core.verify.PackSession;
import io.packcheck.core.verify.ParcelPolicy;
import io.packcheck.station.hub.HubLink;
import io.packcheck.station.lights.Indicator;
import io.packcheck.station.lights.LightTower;
import io.packcheck.station.lights.ManualScheduler;
import io.packcheck.station.lights.RecordingTower;
import io.packcheck.station.lights.SignalPatterns;
import io.packcheck.station.lights.TowerState;
import io.packcheck.station.scanner.FakeScanner;
import io.packcheck.station.scanner.HostCommands;
import io.packcheck.station.screen.ScreenView;
import io.packcheck.station.store.ImportReport;
import io.packcheck.station.store.JsonLinesImport;
import io.packcheck.station.store.Outbox;
import io.packcheck.station.store.PackSessionJson;
import io.packcheck.station.store.SessionStore;
import io.packcheck.station.store.SqliteOrderCache;
import io.packcheck.station.store.StationDatabase;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A whole pack station for millisecond tests: the real pipeline, rules, SQLite store and indicator, with a fake
 * scanner, a recording tower and the station loop run on the test's thread, all on virtual time. Each input
 * is handled completely before the call returns.
 */
final class StationHarness implements AutoCloseable {

    static final String STATION = "pack-07";
    /** The handheld's bad-scan command: BEL. */
    static final byte[] BAD_SCAN = {0x07};

    /** What the outbox and the stored session held at the moment the tower was told to show a state. */
    record AtSignal(TowerState state, long eventsStored, Optional<PackSession> sessionStored) {}

    final ManualScheduler time = new ManualScheduler();
    final RecordingTower tower = new RecordingTower(time);
    final FakeScanner scanner = new FakeScanner();
    final List<ScreenView> views = new ArrayList<>();
    final List<AtSignal> signals = new ArrayList<>();
    final StationDatabase db;
    final Outbox outbox;
    final SessionStore<PackSession> sessions;
    final PackStation station;

    private StationHarness(Path dataDir, List<String> catalog, Optional<HubLink> hub) {
        this(dataDir, catalog, hub, ParcelPolicy.standard(), Optional.empty());
    }

    private StationHarness(Path dataDir, List<String> catalog, Optional<HubLink> hub, ParcelPolicy parcels,
            Optional<Weigher> scale) {
        db = StationDatabase.openIn(dataDir);
        SqliteOrderCache cache = new SqliteOrderCache(db, time.clock());
        ImportReport report = new JsonLinesImport(cache)
                .run(new BufferedReader(new StringReader(String.join("\n", catalog))), r -> { });
        assertThat(report.refused()).isEmpty();
        outbox = new Outbox(db, time.clock());
        sessions = new SessionStore<>(db, outbox, new PackSessionJson(), time.clock());
        LightTower watched = new LightTower() {
            @Override
            public void show(TowerState state) {
                signals.add(new AtSignal(state, outbox.depth(), sessions.current()));
                tower.show(state);
            }

            @Override
            public void close() {
                tower.close();
            }
        };
        station = new PackStation(new PackStation.Parts(
                STATION,
                new ScanParser(time.clock()),
                new PackRules(ZoneOffset.UTC, false, false, parcels),
                cache,
                sessions,
                outbox,
                new Indicator(watched, SignalPatterns.defaults()),
                Optional.of(new HostCommands(scanner, Optional.of(BAD_SCAN))),
                views::add,
                hub,
                time.clock(),
                ZoneOffset.UTC,
                Optional.empty(),
                Optional.empty(),
                scale), new StationLoop(new DirectExecutorService()), Runnable::run);
        station.start().join();
        scanner.start(station);
    }

    /** A station on this catalog (import lines), its database in {@code dataDir}. */
    static StationHarness start(Path dataDir, List<String> catalog) {
        return new StationHarness(dataDir, catalog, Optional.empty());
    }

    /** A station with a scale, closing parcels by this policy; the scale is read on the test's thread. */
    static StationHarness withScale(Path dataDir, List<String> catalog, ParcelPolicy parcels, Weigher scale) {
        return new StationHarness(dataDir, catalog, Optional.empty(), parcels, Optional.of(scale));
    }

    /** A station linked to this hub (a mock, where a test only needs the link's answers). */
    static StationHarness start(Path dataDir, List<String> catalog, HubLink hub) {
        return new StationHarness(dataDir, catalog, Optional.of(hub));
    }

    void scan(String raw) {
        scanner.scan(raw);
    }

    void garble() {
        scanner.garble("<0x07><0x01>noise");
    }

    void pressButton() {
        station.buttonPressed();
    }

    void advanceMillis(long ms) {
        time.advance(Duration.ofMillis(ms));
    }

    ScreenView view() {
        return views.get(views.size() - 1);
    }

    Optional<PackSession> storedSession() {
        return sessions.current();
    }

    /** How many times the handheld was sent its bad-scan command. */
    int badScans() {
        return scanner.sent().size();
    }

    @Override
    public void close() {
        station.stop(Duration.ofSeconds(1));
        db.close();
    }
}
