package io.packcheck.station.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.packcheck.core.barcode.ScanParser;
import io.packcheck.core.enrol.Enrolment;
import io.packcheck.core.verify.PackRules;
import io.packcheck.core.verify.PackSession;
import io.packcheck.core.verify.Verdict;
import io.packcheck.station.lights.ConsoleLights;
import io.packcheck.station.lights.Indicator;
import io.packcheck.station.lights.SignalPatterns;
import io.packcheck.station.screen.ScreenView;
import io.packcheck.station.screen.TypedFrom;
import io.packcheck.station.store.Outbox;
import io.packcheck.station.store.PackSessionJson;
import io.packcheck.station.store.SessionStore;
import io.packcheck.station.store.SqliteOrderCache;
import io.packcheck.station.store.StationDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An enrolment code joins a hub from the scanner or the station's own screen, never from a screen elsewhere. */
class TypedEnrolmentTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    @TempDir
    Path dir;

    private final List<Enrolment> joins = new CopyOnWriteArrayList<>();
    private final AtomicReference<ScreenView> shown = new AtomicReference<>();
    private final LightsLines lights = new LightsLines();
    private final String foreignHub = new Enrolment(URI.create("http://127.0.0.1:9"), "pack-66",
            Enrolment.newCode(new SecureRandom())).encode();
    private StationDatabase db;
    private PackStation station;

    @BeforeEach
    void start() throws Exception {
        Clock clock = Clock.systemUTC();
        db = StationDatabase.openIn(dir);
        Outbox outbox = new Outbox(db, clock);
        station = new PackStation(new PackStation.Parts("pack-07", new ScanParser(clock), new PackRules(UTC, false),
                new SqliteOrderCache(db, clock), new SessionStore<PackSession>(db, outbox, new PackSessionJson(), clock),
                outbox, new Indicator(new ConsoleLights(lights.printStream()), SignalPatterns.defaults()), Optional.empty(),
                shown::set, Optional.empty(), clock, UTC, Optional.empty(),
                Optional.of(enrolment -> {
                    joins.add(enrolment);
                    return new Enrolling.Join.Failed("no hub in this test");
                })));
        station.start().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        station.stop(Duration.ofSeconds(5));
        db.close();
    }

    @Test
    void anEnrolmentCodeTypedOnAScreenElsewhereIsRefusedAndNoHubIsAsked() {
        station.typed(foreignHub, TypedFrom.REMOTE_SCREEN);

        await().atMost(Duration.ofSeconds(10)).until(() -> shown.get().lastVerdict().isPresent());
        ScreenView.LastVerdict verdict = shown.get().lastVerdict().orElseThrow();
        assertThat(verdict.verdict()).isEqualTo(Verdict.COMMAND_REFUSED);
        assertThat(verdict.reason()).isEqualTo(PackStation.REMOTE_ENROLMENT_REFUSED)
                .contains("only from the scanner or the screen on the station itself");
        assertThat(joins).isEmpty();
        assertThat(shown.get().stationId()).isEqualTo("pack-07");
    }

    @Test
    void anEnrolmentCodeTypedOnTheStationsOwnScreenTriesToJoin() {
        station.typed(foreignHub, TypedFrom.LOOPBACK_SCREEN);

        await().atMost(Duration.ofSeconds(10)).until(() -> !joins.isEmpty());
        assertThat(joins).extracting(Enrolment::stationId).containsExactly("pack-66");
    }
}
