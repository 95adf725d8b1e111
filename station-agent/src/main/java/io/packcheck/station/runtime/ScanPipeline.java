package io.packcheck.station.runtime;

import io.packcheck.core.barcode.ScanParse;
import io.packcheck.core.catalog.Order;
import io.packcheck.core.enrol.Enrolment;
import io.packcheck.core.verify.Catalog;
import io.packcheck.core.verify.Commands;
import io.packcheck.core.verify.OrderClaims;
import io.packcheck.core.verify.Outcome;
import io.packcheck.core.verify.PackEvent;
import io.packcheck.core.verify.PackSession;
import io.packcheck.core.verify.ScaleReading;
import io.packcheck.core.verify.Verdict;
import io.packcheck.station.hub.HubLink;
import io.packcheck.station.hub.OrderClaim;
import io.packcheck.station.hub.OrderLookup;
import io.packcheck.station.hub.SerialCheckingCatalog;
import io.packcheck.station.lights.Condition;
import io.packcheck.station.lights.Signal;
import io.packcheck.station.runtime.ScreenProjection.Notice;
import io.packcheck.station.runtime.SignalPolicy.Cause;
import io.packcheck.station.runtime.SignalPolicy.Signals;
import io.packcheck.station.scanner.Frame;
import io.packcheck.station.store.StoreException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scan pipeline, and the only holder of the pack session. Every code (scanned or typed) and every new
 * version of the open order passes through here on the station thread, in these steps:
 * <ol>
 *   <li>{@link #code}: an enrolment code goes to scan-to-join; anything else is parsed;</li>
 *   <li>{@link #scan}: the rules decide against the cache; a code the cache does not know may be an order the
 *       hub knows. A check that must refuse a scan before it counts (a claim at the hub when an order opens,
 *       the hub's word on a serial) belongs here, between deciding and committing;</li>
 *   <li>{@link #commitThenSignal}: the session and its events are committed, and only then the verdict is
 *       signalled: tower ({@link SignalPolicy}), handheld, packer screen ({@link ScreenProjection}). Not saved
 *       means not signalled.</li>
 * </ol>
 */
final class ScanPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(ScanPipeline.class);
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm");
    static final String REMOTE_ENROLMENT_REFUSED = "Enrolment codes are taken only from the scanner or the screen on"
            + " the station itself, not from a screen on another computer: scan the code at the station";

    /** Where a code came from: the scanner, the station's own screen, or a screen on another computer. */
    enum CodeFrom {
        SCANNER,
        LOOPBACK_SCREEN,
        REMOTE_SCREEN
    }

    private final PackStation.Parts parts;
    private final HubConnection hub;
    private final ScreenProjection screen;
    private final EnrolmentScan enrolment;
    private final LongConsumer weigh;
    private String stationId;
    private PackSession session;
    /** The weighing asked last: a reading for an earlier one (the parcel reopened and closed again) is dropped. */
    private long weighing;

    /** @param weigh asks for the scale's reading of the parcel waiting on it, tagged with the round it answers */
    ScanPipeline(PackStation.Parts parts, HubConnection hub, ScreenProjection screen, LongConsumer weigh) {
        this.parts = parts;
        this.hub = hub;
        this.screen = screen;
        this.weigh = weigh;
        this.enrolment = new EnrolmentScan(parts.enrolling(), hub, screen, parts.indicator());
        this.stationId = parts.stationId();
        this.session = PackSession.idle(stationId);
    }

    PackSession session() {
        return session;
    }

    /** Restores the session open when the station last stopped and shows it: the safe state first, then its lock. */
    void restore() {
        Optional<PackSession> stored;
        try {
            stored = parts.sessions().current();
        } catch (IllegalArgumentException e) {
            LOG.error("the stored pack session cannot be read, starting with no order open: {}", e.getMessage());
            stored = Optional.empty();
        }
        session = stored.map(this::asThisStation).orElse(PackSession.idle(stationId));
        screen.restored(session);
        parts.indicator().show(false, Signal.IDLE);
        if (session.locked()) {
            signal(SignalPolicy.restored(session));
        }
        session.order().ifPresent(o -> LOG.info("resumed order {} with {} units packed{}", o.id(),
                session.unitsInBox(), session.locked() ? ", locked" : ""));
        parts.indicator().set(Condition.HUB_UNREACHABLE, hub.unusable());
        publish();
        if (session.weighing() && !session.locked()) {
            // stopped while the scale was read: read it again
            weigh.accept(++weighing);
        }
    }

    /** The scale's reading for weighing {@code round}. */
    void weighed(long round, ScaleReading reading) {
        if (round != weighing) {
            LOG.info("scale reading for an earlier weighing dropped: {}", reading);
            return;
        }
        parts.rules().weighed(session, reading, catalog(), parts.clock().instant())
                .ifPresent(outcome -> commitThenSignal(Cause.SCAN, outcome));
    }

    /** A frame from the scanner. */
    void frame(Frame frame) {
        if (frame instanceof Frame.Data data) {
            code(data.raw(), CodeFrom.SCANNER);
        } else if (frame instanceof Frame.Garbled garbled) {
            scan(new ScanParse.Rejected(garbled.rawPreview(), garbled.reason()));
        }
    }

    /**
     * A readable code, scanned or typed. Where it matters where a code came from (an enrolment code typed on a
     * remote screen), that is decided here, before anything else.
     */
    void code(String raw, CodeFrom from) {
        if (Enrolment.isEnrolment(raw) && from == CodeFrom.REMOTE_SCREEN) {
            // a screen on another computer must not move the station to a hub of its choosing
            LOG.warn("enrolment code typed on a packer screen on another computer: refused");
            screen.verdict(Verdict.COMMAND_REFUSED, REMOTE_ENROLMENT_REFUSED);
            publish();
            parts.indicator().show(Signal.REFUSED);
        } else if (Enrolment.isEnrolment(raw)) {
            enrolment.enrol(raw, this::joinedAs, this::publish);
        } else {
            scan(parts.parser().parse(raw));
        }
    }

    /** One scan: decide, then commit, then signal. */
    void scan(ScanParse parse) {
        Instant at = parts.clock().instant();
        Outcome outcome = parts.rules().scan(session, parse, catalog(), at);
        if (outcome.verdict() == Verdict.UNKNOWN_CODE) {
            outcome = askHub(parse, at).orElse(outcome);
        }
        commitThenSignal(Cause.SCAN, claim(outcome, at));
    }

    /** A new version of an order; it matters when that order is open here. */
    void orderChanged(Order order) {
        Optional<Outcome> outcome = parts.rules().orderChanged(session, order, parts.clock().instant());
        if (outcome.isPresent()) {
            commitThenSignal(Cause.ORDER_CHANGE, outcome.get());
        } else {
            publish();
        }
    }

    /** Another process wrote to the cache: the open order is checked against its cached version, names shown anew. */
    void cacheChangedElsewhere() {
        Optional<Order> cached = session.order().flatMap(open -> parts.cache().order(open.id()));
        screen.reshow(session);
        if (cached.isPresent()) {
            orderChanged(cached.get());
        } else {
            publish();
        }
    }

    void publish() {
        screen.publish(session);
    }

    /** The cache, with the hub asked about serials while it is usable (offline, it would only make the packer wait). */
    private Catalog catalog() {
        return new SerialCheckingCatalog(parts.cache(), hub.link().filter(h -> !hub.unusable()));
    }

    /**
     * An order about to open is claimed at the hub first: when another station is packing it, the opening becomes a
     * refusal and the session stays as it was. A hub that cannot be asked (offline, refused, no answer within the
     * fetch timeout) lets the order open from the cache; the hub then flags a second station's events as a conflict.
     */
    private Outcome claim(Outcome outcome, Instant at) {
        Optional<Order> opening = OrderClaims.opened(outcome);
        if (opening.isEmpty() || hub.link().isEmpty() || hub.unusable()) {
            return outcome;
        }
        long asked = System.nanoTime();
        OrderClaim claim = hub.link().get().claimOrder(opening.get().id());
        // what the claim adds to opening an order, for scripts/bench-claim and whoever wonders why an open was slow
        String took = String.format(Locale.ROOT, "%.1f", (System.nanoTime() - asked) / 1e6);
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
        if (hub.link().isEmpty() || hub.unusable() || !(parse instanceof ScanParse.Parsed parsed)
                || parsed.scan().gtin().isPresent() || Commands.isCommand(parsed.scan().data())) {
            return Optional.empty();
        }
        String code = parsed.scan().data();
        OrderLookup lookup = hub.link().get().fetchOrder(code);
        if (lookup instanceof OrderLookup.Found found) {
            LOG.info("order {} fetched from the hub for code {}", found.order().id(), code);
            return Optional.of(parts.rules().scan(session, parse, catalog(), at));
        }
        if (lookup instanceof OrderLookup.Unreachable unreachable) {
            LOG.warn("hub lookup of code {} failed: {}", code, unreachable.reason());
        }
        return Optional.empty();
    }

    private void commitThenSignal(Cause cause, Outcome outcome) {
        try {
            parts.sessions().commit(Optional.of(outcome.session()), outcome.events());
        } catch (StoreException | IllegalArgumentException e) {
            // not saved means not signalled: the packer scans again rather than trusting a verdict a crash could lose
            LOG.error("scan not saved, session left as it was: {}", e.getMessage());
            screen.notice(Notice.STORE, Optional.of(e instanceof StoreException store ? store.packerNotice()
                    : "The station could not save the last scan - scan it again; if this repeats, call your supervisor"));
            parts.indicator().show(Signal.REFUSED);
            screen.verdict(Verdict.COMMAND_REFUSED, "Not saved: scan it again");
            publish();
            return;
        }
        screen.notice(Notice.STORE, Optional.empty());
        hub.link().ifPresent(HubLink::eventsAppended);
        PackSession before = session;
        session = outcome.session();
        bindLabels(before, outcome);
        if (outcome.verdict() != Verdict.WEIGHING) {
            // the scale answers within its settle timeout, and the verdict it brings is what the tower shows
            signal(SignalPolicy.of(cause, before, outcome));
        }
        screen.outcome(before, outcome);
        publish();
        if (outcome.verdict() == Verdict.WEIGHING && session.weighing() && !session.locked()) {
            weigh.accept(++weighing);
        }
    }

    /** A label this station put on a parcel of an order that listed none: another order scanning it is refused. */
    private void bindLabels(PackSession before, Outcome outcome) {
        boolean listsNone = before.order().map(o -> o.labels().isEmpty()).orElse(false);
        for (PackEvent e : outcome.events()) {
            if (listsNone && e.kind() == PackEvent.EventKind.PARCEL_CLOSED) {
                e.parcel().flatMap(PackEvent.Parcel::label).ifPresent(label -> {
                    try {
                        parts.cache().bindLabel(label, e.orderId().orElseThrow());
                    } catch (StoreException ex) {
                        LOG.warn("label {} not remembered for order {}: {}", label, e.orderId().orElse("?"), ex.getMessage());
                    }
                });
            }
        }
    }

    private void signal(Signals signals) {
        parts.indicator().show(signals.locked(), signals.signal());
        if (signals.badScan()) {
            parts.hostCommands().ifPresent(h -> h.badScan());
        }
    }

    private void joinedAs(String newId) {
        stationId = newId;
        session = asThisStation(session);
    }

    private PackSession asThisStation(PackSession s) {
        if (s.stationId().equals(stationId)) {
            return s;
        }
        // the data directory moved to a station with a new id: the box is the same, its events carry the new id
        LOG.warn("stored session belongs to station id {}, continuing it as {}", s.stationId(), stationId);
        return new PackSession(stationId, s.packer(), s.order(), s.packed(), s.lock(), s.pending(), s.awaiting(), s.parcels(),
                s.current());
    }
}
