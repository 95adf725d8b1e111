package io.packcheck.station.runtime;

import io.packcheck.core.barcode.ScanParser;
import io.packcheck.core.catalog.Order;
import io.packcheck.core.verify.PackRules;
import io.packcheck.core.verify.PackSession;
import io.packcheck.core.verify.ScaleReading;
import io.packcheck.station.hub.HubLink;
import io.packcheck.station.lights.Condition;
import io.packcheck.station.lights.Indicator;
import io.packcheck.station.runtime.ScreenProjection.Notice;
import io.packcheck.station.scanner.Frame;
import io.packcheck.station.scanner.HostCommands;
import io.packcheck.station.scanner.ScanListener;
import io.packcheck.station.scanner.ScannerState;
import io.packcheck.station.screen.ScreenView;
import io.packcheck.station.screen.TypedFrom;
import io.packcheck.station.store.Outbox;
import io.packcheck.station.store.SessionStore;
import io.packcheck.station.store.SqliteOrderCache;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's inputs: every one (a scanner frame, a typed code, a button press, news from the hub) is queued
 * to the station's one thread ({@link StationLoop}) and handed to the part that owns its rule: codes and order
 * changes to the {@link ScanPipeline}, which holds the pack session; the tower's lock to the
 * {@link Indicator}; what the screen shows to the {@link ScreenProjection}.
 */
public final class PackStation implements ScanListener {

    private static final Logger LOG = LoggerFactory.getLogger(PackStation.class);
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm");
    static final String HUB_REFUSES = ScreenProjection.HUB_REFUSES;
    static final String REMOTE_ENROLMENT_REFUSED = ScanPipeline.REMOTE_ENROLMENT_REFUSED;

    private final Parts parts;
    private final StationLoop loop;
    private final Executor scaleExecutor;
    private final HubConnection hub;
    private final ScreenProjection screen;
    private final ScanPipeline pipeline;

    /**
     * What the station works with.
     *
     * @param hostCommands the scanner's bad-scan command, when a serial scanner is attached
     * @param screen       receives every new packer screen view (a no-op without a screen)
     * @param noScanner    plain words for the screen when no serial scanner is configured
     * @param enrolling    how the station joins a hub by scanning an enrolment code; empty when it has one
     */
    public record Parts(
            String stationId,
            ScanParser parser,
            PackRules rules,
            SqliteOrderCache cache,
            SessionStore<PackSession> sessions,
            Outbox outbox,
            Indicator indicator,
            Optional<HostCommands> hostCommands,
            Consumer<ScreenView> screen,
            Optional<HubLink> hub,
            Clock clock,
            ZoneId zone,
            Optional<String> noScanner,
            Optional<Enrolling> enrolling,
            Optional<Weigher> scale) {

        /** Parts of a station without a scale. */
        public Parts(String stationId, ScanParser parser, PackRules rules, SqliteOrderCache cache,
                SessionStore<PackSession> sessions, Outbox outbox, Indicator indicator, Optional<HostCommands> hostCommands,
                Consumer<ScreenView> screen, Optional<HubLink> hub, Clock clock, ZoneId zone, Optional<String> noScanner,
                Optional<Enrolling> enrolling) {
            this(stationId, parser, rules, cache, sessions, outbox, indicator, hostCommands, screen, hub, clock, zone,
                    noScanner, enrolling, Optional.empty());
        }
    }

    public PackStation(Parts parts) {
        this(parts, StationLoop.ownThread("pack-station"), scaleThread());
    }

    /** A station on a given loop; tests run it on theirs, on virtual time. */
    PackStation(Parts parts, StationLoop loop) {
        this(parts, loop, scaleThread());
    }

    /** A station on a given loop, reading its scale on {@code scaleExecutor} (the scale may take seconds to settle). */
    PackStation(Parts parts, StationLoop loop, Executor scaleExecutor) {
        this.parts = parts;
        this.loop = loop;
        this.scaleExecutor = scaleExecutor;
        this.hub = new HubConnection(parts.hub());
        this.screen = new ScreenProjection(parts.cache(), parts.outbox(), hub, parts.screen());
        this.pipeline = new ScanPipeline(parts, hub, screen, this::weigh);
        screen.notice(Notice.SCANNER, parts.noScanner());
    }

    private static Executor scaleThread() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "scale");
            t.setDaemon(true);
            return t;
        });
    }

    /** Reads the scale off the station thread; the reading comes back through the loop like any other input. */
    private void weigh(long round) {
        scaleExecutor.execute(() -> {
            ScaleReading reading;
            try {
                reading = parts.scale().map(Weigher::weigh)
                        .orElse(new ScaleReading.NotReady("no scale is connected to this station"));
            } catch (RuntimeException e) {
                LOG.error("the scale failed", e);
                reading = new ScaleReading.NotReady("the scale failed (" + e.getMessage() + ")");
            }
            ScaleReading result = reading;
            loop.submit("weighed", () -> pipeline.weighed(round, result));
        });
    }

    /**
     * Restores the session open when the station last stopped and shows it: the safe state first, then
     * red when that session is locked. Completes when the first light command is done.
     */
    public CompletableFuture<Void> start() {
        return loop.call(pipeline::restore);
    }

    /** A frame from the serial scanner (reader thread): queued, the reader goes back to reading at once. */
    @Override
    public void onFrame(Frame frame) {
        loop.submit("scan", () -> pipeline.frame(frame));
    }

    @Override
    public void onStateChange(ScannerState state) {
        loop.submit("scanner state", () -> {
            screen.notice(Notice.SCANNER, state instanceof ScannerState.Offline off
                    ? Optional.of("Scanner offline: " + off.reason() + " - check its cable; the station keeps trying to reconnect")
                    : Optional.empty());
            parts.indicator().set(Condition.SCANNER_OFFLINE, state instanceof ScannerState.Offline);
            pipeline.publish();
        });
    }

    /**
     * A code typed or sent by a keyboard-wedge scanner into the packer screen's field. An enrolment code joins a
     * hub only from the screen on the station itself: one typed on a screen elsewhere is refused.
     */
    public void typed(String code, TypedFrom from) {
        ScanPipeline.CodeFrom source = from == TypedFrom.REMOTE_SCREEN
                ? ScanPipeline.CodeFrom.REMOTE_SCREEN : ScanPipeline.CodeFrom.LOOPBACK_SCREEN;
        loop.submit("typed code", () -> pipeline.code(code, source));
    }

    /**
     * The tower's acknowledge / call-supervisor button: silences the buzzer (red stays until the packer
     * clears the mismatch) and puts "supervisor called" on the screen until the station is unlocked.
     */
    public void buttonPressed() {
        loop.submit("button", () -> {
            parts.indicator().silenceBuzzer();
            PackSession session = pipeline.session();
            String at = LocalTime.ofInstant(parts.clock().instant(), parts.zone()).format(CLOCK_TIME);
            screen.notice(Notice.SUPERVISOR, Optional.of("Supervisor called to station " + session.stationId() + " at " + at));
            LOG.warn("supervisor called by the tower button{}", session.locked() ? " (station locked)" : "");
            pipeline.publish();
        });
    }

    /** The hub sent a new version of an order; it matters when that order is open here. */
    public void orderChanged(Order order) {
        loop.submit("order change", () -> pipeline.orderChanged(order));
    }

    /**
     * Another process wrote to the cache (an {@code import} into this data directory): the open order is
     * checked against its cached version as if the hub had sent it, and the screen shows the new names.
     */
    public void cacheChangedElsewhere() {
        loop.submit("cache change", pipeline::cacheChangedElsewhere);
    }

    /** Shows the view again: the cache age and the events waiting move on while nobody scans (offline, say). */
    public void refreshScreen() {
        loop.submit("screen refresh", pipeline::publish);
    }

    /**
     * The hub link went up, down or refused (or its cache age or outbox changed): refresh the lights and
     * the screen. A hub that refuses the station's token syncs nothing, so it shows as unreachable.
     */
    public void hubStateChanged() {
        loop.submit("hub state", () -> {
            parts.indicator().set(Condition.HUB_UNREACHABLE, hub.unusable());
            pipeline.publish();
        });
    }

    /**
     * Stops taking input and lets the step in progress (and any input already queued) finish, so no scan is
     * half handled. Returns false when that did not end within the timeout.
     */
    public boolean stop(Duration timeout) {
        if (scaleExecutor instanceof ExecutorService own) {
            own.shutdownNow();
        }
        return loop.stop(timeout);
    }
}
