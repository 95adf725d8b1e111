package io.packcheck.station.runtime;

import io.packcheck.core.barcode.ScanParse;
import io.packcheck.core.barcode.ScanParser;
import io.packcheck.core.catalog.Badge;
import io.packcheck.core.catalog.Order;
import io.packcheck.core.catalog.OrderLine;
import io.packcheck.core.enrol.Enrolment;
import io.packcheck.core.enrol.EnrolmentParse;
import io.packcheck.core.verify.Commands;
import io.packcheck.core.verify.OrderClaims;
import io.packcheck.core.verify.Outcome;
import io.packcheck.core.verify.PackRules;
import io.packcheck.core.verify.PackSession;
import io.packcheck.core.verify.Verdict;
import io.packcheck.station.lights.Condition;
import io.packcheck.station.lights.Indicator;
import io.packcheck.station.lights.Signal;
import io.packcheck.station.scanner.Frame;
import io.packcheck.station.scanner.HostCommands;
import io.packcheck.station.scanner.ScanListener;
import io.packcheck.station.scanner.ScannerState;
import io.packcheck.station.screen.ScreenView;
import io.packcheck.station.hub.HubLink;
import io.packcheck.station.hub.LinkState;
import io.packcheck.station.hub.OrderClaim;
import io.packcheck.station.hub.OrderLookup;
import io.packcheck.station.store.Outbox;
import io.packcheck.station.store.SessionStore;
import io.packcheck.station.store.SqliteOrderCache;
import io.packcheck.station.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heart of the station: every input (a scanner frame, a typed code, a button press, news from the
 * hub) is queued to one thread, so the pack session changes one step at a time. For each scan: parse,
 * rules, commit the session and its events, and only then signal the verdict on the lights, at the
 * handheld and on the packer screen.
 */
public final class PackStation implements ScanListener {

    private static final Logger LOG = LoggerFactory.getLogger(PackStation.class);
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm");
    static final String HUB_REFUSES = "The hub refuses this station's credentials (station revoked or token replaced):"
            + " scans are kept here and sent once a supervisor enrols the station again";

    private final Parts parts;
    private final ExecutorService thread;
    private volatile boolean accepting = true;
    // set once more when the station enrols; read by the link listener's callers too
    private volatile Optional<HubLink> hub;
    private volatile String stationId;

    // touched only on the station thread
    private PackSession session;
    private Optional<ScreenView.OpenOrder> shownOrder = Optional.empty();
    private Optional<ScreenView.LastVerdict> last = Optional.empty();
    private Optional<String> scannerNotice = Optional.empty();
    private Optional<String> supervisorNotice = Optional.empty();
    private Optional<String> storeNotice = Optional.empty();
    private Optional<String> enrolmentNotice = Optional.empty();

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
            Optional<Enrolling> enrolling) {}

    public PackStation(Parts parts) {
        this.parts = parts;
        this.hub = parts.hub();
        this.stationId = parts.stationId();
        this.session = PackSession.idle(parts.stationId());
        this.scannerNotice = parts.noScanner();
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "pack-station");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Restores the session open when the station last stopped and shows it: the safe state first, then
     * red when that session is locked. Completes when the first light command is done.
     */
    public CompletableFuture<Void> start() {
        return CompletableFuture.runAsync(this::restore, thread);
    }

    /** A frame from the serial scanner (reader thread): queued, the reader goes back to reading at once. */
    @Override
    public void onFrame(Frame frame) {
        submit("scan", () -> {
            if (frame instanceof Frame.Data data && Enrolment.isEnrolment(data.raw())) {
                enrol(data.raw());
            } else if (frame instanceof Frame.Data data) {
                scan(parts.parser().parse(data.raw()));
            } else if (frame instanceof Frame.Garbled garbled) {
                scan(new ScanParse.Rejected(garbled.rawPreview(), garbled.reason()));
            }
        });
    }

    @Override
    public void onStateChange(ScannerState state) {
        submit("scanner state", () -> {
            boolean offline = state instanceof ScannerState.Offline;
            scannerNotice = state instanceof ScannerState.Offline off
                    ? Optional.of("Scanner offline: " + off.reason() + " - check its cable; the station keeps trying to reconnect")
                    : Optional.empty();
            parts.indicator().set(Condition.SCANNER_OFFLINE, offline);
            publish();
        });
    }

    /** A code typed or sent by a keyboard-wedge scanner into the packer screen's field. */
    public void typed(String code) {
        submit("typed code", () -> {
            if (Enrolment.isEnrolment(code)) {
                enrol(code);
            } else {
                scan(parts.parser().parse(code));
            }
        });
    }

    /**
     * The tower's acknowledge / call-supervisor button: silences the buzzer (red stays until the packer
     * clears the mismatch) and puts "supervisor called" on the screen until the station is unlocked.
     */
    public void buttonPressed() {
        submit("button", () -> {
            parts.indicator().silenceBuzzer();
            String at = LocalTime.ofInstant(parts.clock().instant(), parts.zone()).format(CLOCK_TIME);
            supervisorNotice = Optional.of("Supervisor called to station " + stationId + " at " + at);
            LOG.warn("supervisor called by the tower button{}", session.locked() ? " (station locked)" : "");
            publish();
        });
    }

    /** The hub sent a new version of an order; it matters when that order is open here. */
    public void orderChanged(Order order) {
        submit("order change", () -> recheck(order));
    }

    /**
     * Another process wrote to the cache (an {@code import} into this data directory): the open order is
     * checked against its cached version as if the hub had sent it, and the screen shows the new names.
     */
    public void cacheChangedElsewhere() {
        submit("cache change", () -> {
            Optional<Order> cached = session.order().flatMap(open -> parts.cache().order(open.id()));
            if (session.order().isPresent()) {
                shownOrder = openOrder(session);
            }
            if (cached.isPresent()) {
                recheck(cached.get());
            } else {
                publish();
            }
        });
    }

    /** Shows the view again: the cache age and the events waiting move on while nobody scans (offline, say). */
    public void refreshScreen() {
        submit("screen refresh", this::publish);
    }

    private void recheck(Order order) {
        Optional<Outcome> outcome = parts.rules().orderChanged(session, order, parts.clock().instant());
        if (outcome.isPresent()) {
            apply(outcome.get());
        } else {
            publish();
        }
    }

    /**
     * The hub link went up, down or refused (or its cache age or outbox changed): refresh the lights and
     * the screen. A hub that refuses the station's token syncs nothing, so it shows as unreachable.
     */
    public void hubStateChanged() {
        submit("hub state", () -> {
            parts.indicator().set(Condition.HUB_UNREACHABLE, hubUnusable());
            publish();
        });
    }

    /**
     * Stops taking input and lets the step in progress (and any input already queued) finish, so no scan is
     * half handled. Returns false when that did not end within the timeout.
     */
    public boolean stop(Duration timeout) {
        accepting = false;
        thread.shutdown();
        try {
            return thread.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // ---- on the station thread ----

    private void restore() {
        Optional<PackSession> stored;
        try {
            stored = parts.sessions().current();
        } catch (IllegalArgumentException e) {
            LOG.error("the stored pack session cannot be read, starting with no order open: {}", e.getMessage());
            stored = Optional.empty();
        }
        session = stored.map(this::asThisStation).orElse(PackSession.idle(stationId));
        shownOrder = openOrder(session);
        parts.indicator().show(Signal.IDLE);
        if (session.lock().isPresent()) {
            PackSession.Lock lock = session.lock().get();
            parts.indicator().show(Signal.MISMATCH);
            last = Optional.of(new ScreenView.LastVerdict(lock.verdict(), lock.reason()));
        }
        session.order().ifPresent(o -> LOG.info("resumed order {} with {} units packed{}", o.id(),
                session.unitsInBox(), session.locked() ? ", locked" : ""));
        parts.indicator().set(Condition.HUB_UNREACHABLE, hubUnusable());
        publish();
    }

    private PackSession asThisStation(PackSession s) {
        if (s.stationId().equals(stationId)) {
            return s;
        }
        // the data directory moved to a station with a new id: the box is the same, its events carry the new id
        LOG.warn("stored session belongs to station id {}, continuing it as {}", s.stationId(), stationId);
        return new PackSession(stationId, s.packer(), s.order(), s.packed(), s.lock(), s.pending());
    }

    private void scan(ScanParse parse) {
        Instant at = parts.clock().instant();
        Outcome outcome = parts.rules().scan(session, parse, parts.cache(), at);
        if (outcome.verdict() == Verdict.UNKNOWN_CODE) {
            outcome = askHub(parse, at).orElse(outcome);
        }
        apply(claim(outcome, at));
    }

    /**
     * An order about to open is claimed at the hub first: when another station is packing it, the opening becomes a
     * refusal and the session stays as it was. A hub that cannot be asked (offline, refused, no answer within the
     * fetch timeout) lets the order open from the cache; the hub then flags a second station's events as a conflict.
     */
    private Outcome claim(Outcome outcome, Instant at) {
        Optional<Order> opening = OrderClaims.opened(outcome);
        if (opening.isEmpty() || hub.isEmpty() || hubUnusable()) {
            return outcome;
        }
        long asked = System.nanoTime();
        OrderClaim claim = hub.get().claimOrder(opening.get().id());
        // what the claim adds to opening an order, for scripts/bench-claim and whoever wonders why an open was slow
        String took = String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - asked) / 1e6);
        if (claim instanceof OrderClaim.Claimed) {
            LOG.info("order {} claimed at the hub in {} ms", opening.get().id(), took);
        }
        if (claim instanceof OrderClaim.ClaimedElsewhere elsewhere) {
            String since = LocalTime.ofInstant(elsewhere.since(), parts.zone()).format(CLOCK_TIME);
            LOG.warn("order {} not opened: station {} is packing it since {}", elsewhere.orderId(), elsewhere.stationId(),
                    elsewhere.since());
            return OrderClaims.claimedElsewhere(session, outcome, elsewhere.stationId(), since, at);
        }
        if (claim instanceof OrderClaim.Unreachable unreachable) {
            LOG.warn("order {} opened without a claim at the hub after {} ms: {}", opening.get().id(), took,
                    unreachable.reason());
        }
        return outcome;
    }

    /** A code that may be an order the cache has not heard of yet: the hub may know it. */
    private Optional<Outcome> askHub(ScanParse parse, Instant at) {
        // offline or refused, the lookup could only fail: the code is unknown now rather than after a wait
        if (hub.isEmpty() || hubUnusable() || !(parse instanceof ScanParse.Parsed parsed)
                || parsed.scan().gtin().isPresent() || Commands.isCommand(parsed.scan().data())) {
            return Optional.empty();
        }
        String code = parsed.scan().data();
        OrderLookup lookup = hub.get().fetchOrder(code);
        if (lookup instanceof OrderLookup.Found found) {
            LOG.info("order {} fetched from the hub for code {}", found.order().id(), code);
            return Optional.of(parts.rules().scan(session, parse, parts.cache(), at));
        }
        if (lookup instanceof OrderLookup.Unreachable unreachable) {
            LOG.warn("hub lookup of code {} failed: {}", code, unreachable.reason());
        }
        return Optional.empty();
    }

    /** Offline, or refused: either way nothing reaches the hub now. */
    private boolean hubUnusable() {
        return hub.map(h -> h.state() == LinkState.OFFLINE || h.state() == LinkState.REFUSED).orElse(false);
    }

    private boolean hubRefuses() {
        return hub.map(h -> h.state() == LinkState.REFUSED).orElse(false);
    }

    private void apply(Outcome outcome) {
        try {
            parts.sessions().commit(Optional.of(outcome.session()), outcome.events());
        } catch (StoreException | IllegalArgumentException e) {
            // not saved means not signalled: the packer scans again rather than trusting a verdict a crash could lose
            LOG.error("scan not saved, session left as it was: {}", e.getMessage());
            storeNotice = Optional.of("The station could not save the last scan - scan it again; if this repeats,"
                    + " call your supervisor");
            parts.indicator().show(Signal.REFUSED);
            last = Optional.of(new ScreenView.LastVerdict(Verdict.COMMAND_REFUSED, "Not saved: scan it again"));
            publish();
            return;
        }
        storeNotice = Optional.empty();
        hub.ifPresent(HubLink::eventsAppended);
        PackSession before = session;
        session = outcome.session();
        parts.indicator().show(outcome.verdict());
        parts.hostCommands().ifPresent(h -> h.after(outcome.verdict()));
        shownOrder = outcome.verdict() == Verdict.ORDER_COMPLETE && session.order().isEmpty()
                ? before.order().map(this::allPacked)
                : openOrder(session);
        last = Optional.of(new ScreenView.LastVerdict(outcome.verdict(), outcome.message()));
        if (!session.locked()) {
            supervisorNotice = Optional.empty();
        }
        publish();
    }

    private void publish() {
        ScreenView view;
        try {
            view = new ScreenView(stationId, shownOrder, last, lockAdvice(), packerName(),
                    hubLink(), parts.cache().cacheAge(), parts.outbox().depth(), notices());
        } catch (StoreException e) {
            LOG.warn("packer screen not updated: {}", e.getMessage());
            return;
        }
        parts.screen().accept(view);
    }

    private Optional<String> lockAdvice() {
        return session.lock().map(lock -> lock.blocked()
                ? lock.reason()
                : "Take the refused item out of the box and scan " + Commands.CLEAR
                        + " - or a supervisor scans their badge and a reason code");
    }

    private Optional<String> packerName() {
        return session.packer().map(code -> parts.cache().badge(code).map(Badge::name)
                .filter(name -> !name.isBlank()).orElse(code));
    }

    private ScreenView.HubLink hubLink() {
        if (hub.isEmpty()) {
            return ScreenView.HubLink.NONE;
        }
        // still connecting after a start counts as connected: offline is shown once the link has given up waiting
        return hubUnusable() ? ScreenView.HubLink.DISCONNECTED : ScreenView.HubLink.CONNECTED;
    }

    private List<String> notices() {
        List<String> notices = new ArrayList<>(5);
        enrolmentNotice.ifPresent(notices::add);
        if (hubRefuses()) {
            notices.add(HUB_REFUSES);
        }
        scannerNotice.ifPresent(notices::add);
        storeNotice.ifPresent(notices::add);
        supervisorNotice.ifPresent(notices::add);
        return notices;
    }

    /**
     * An enrolment code: join the hub it names, or join again when the hub refuses the station's token.
     * Scanned while packing it joins all the same; the open box carries on under the station id the hub
     * gave, and the outbox keeps what waits for the hub. Refused or failed, the packer sees amber and why.
     */
    private void enrol(String raw) {
        EnrolmentParse parse = Enrolment.parse(raw);
        if (parse instanceof EnrolmentParse.Rejected rejected) {
            enrolFailed("This enrolment code cannot be used: " + rejected.reason());
            return;
        }
        Enrolment enrolment = ((EnrolmentParse.Parsed) parse).enrolment();
        if (hub.isPresent() && !hubRefuses()) {
            enrolFailed("This station is already connected to a hub; to move it to another hub, wait until no"
                    + " events are waiting, then restart it without --hub and with a new data directory and scan"
                    + " the code again");
            return;
        }
        if (parts.enrolling().isEmpty()) {
            enrolFailed("This station's hub and token are set in its configuration (--hub, PACKCHECK_HUB or the"
                    + " config file): give it the station's new token there and restart it; its scans are kept");
            return;
        }
        LOG.info("enrolling as station {} at hub {}", enrolment.stationId(), enrolment.hubUrl());
        Enrolling.Join join = parts.enrolling().get().join(enrolment);
        if (join instanceof Enrolling.Join.Failed failed) {
            enrolFailed("Could not join the hub: " + failed.reason());
            return;
        }
        Enrolling.Join.Joined joined = (Enrolling.Join.Joined) join;
        hub = Optional.of(joined.link());
        stationId = joined.stationId();
        session = asThisStation(session);
        enrolmentNotice = Optional.empty();
        LOG.info("enrolled as station {} at hub {}", stationId, enrolment.hubUrl());
        last = Optional.of(new ScreenView.LastVerdict(Verdict.COMMAND_ACCEPTED,
                "Joined the hub " + enrolment.hubUrl() + " as station " + stationId));
        // the screen first: whoever sees the light and looks at the screen finds it already saying why
        publish();
        parts.indicator().show(Signal.ACCEPTED);
        parts.indicator().set(Condition.HUB_UNREACHABLE, hubUnusable());
    }

    private void enrolFailed(String message) {
        LOG.warn("enrolment failed: {}", message);
        enrolmentNotice = Optional.of(message);
        last = Optional.of(new ScreenView.LastVerdict(Verdict.COMMAND_REFUSED, message));
        publish();
        parts.indicator().show(Signal.UNKNOWN);
    }

    private Optional<ScreenView.OpenOrder> openOrder(PackSession s) {
        return s.order().map(order -> {
            List<ScreenView.Line> lines = new ArrayList<>();
            required(order).forEach((sku, expected) -> lines.add(new ScreenView.Line(sku, name(sku), s.verified(sku), expected)));
            return new ScreenView.OpenOrder(order.id(), lines);
        });
    }

    /** The order just completed, every line full, so the packer sees what went into the closed box. */
    private ScreenView.OpenOrder allPacked(Order order) {
        List<ScreenView.Line> lines = new ArrayList<>();
        required(order).forEach((sku, expected) -> lines.add(new ScreenView.Line(sku, name(sku), expected, expected)));
        return new ScreenView.OpenOrder(order.id(), lines);
    }

    private String name(String sku) {
        return parts.cache().item(sku).map(item -> item.name()).orElse(sku);
    }

    // an order may list one SKU on several lines; the screen shows one row per SKU, as the rules count
    private static Map<String, Integer> required(Order order) {
        Map<String, Integer> required = new LinkedHashMap<>();
        for (OrderLine line : order.lines()) {
            required.merge(line.sku(), line.quantity(), Integer::sum);
        }
        return required;
    }

    private void submit(String what, Runnable step) {
        if (!accepting) {
            LOG.debug("stopping: {} ignored", what);
            return;
        }
        try {
            thread.execute(guarded(what, step));
        } catch (RejectedExecutionException e) {
            LOG.debug("stopping: {} ignored", what);
        }
    }

    private static Runnable guarded(String what, Runnable step) {
        return () -> {
            try {
                step.run();
            } catch (RuntimeException e) {
                // one input the station could not handle must not stop the next one
                LOG.error("station failed on {}", what, e);
            }
        };
    }
}
