package io.packcheck.station.runtime;

import io.packcheck.core.catalog.Badge;
import io.packcheck.core.catalog.Order;
import io.packcheck.core.catalog.OrderLine;
import io.packcheck.core.verify.Commands;
import io.packcheck.core.verify.Outcome;
import io.packcheck.core.verify.PackSession;
import io.packcheck.core.verify.Verdict;
import io.packcheck.station.screen.ScreenView;
import io.packcheck.station.store.Outbox;
import io.packcheck.station.store.SqliteOrderCache;
import io.packcheck.station.store.StoreException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The packer screen's side of the station: what it shows besides the session (the last verdict, the order as
 * last shown, lasting notices) and how the session and these become a {@link ScreenView}. Station thread only.
 */
final class ScreenProjection {

    private static final Logger LOG = LoggerFactory.getLogger(ScreenProjection.class);
    static final String HUB_REFUSES = "The hub refuses this station's credentials (station revoked or token replaced):"
            + " scans are kept here and sent once a supervisor enrols the station again";

    /** A lasting notice, shown as a banner until its cause ends; banners show in this order. */
    enum Notice {
        /** Why the last enrolment code could not be used. */
        ENROLMENT,
        /** The scanner is offline or not configured. */
        SCANNER,
        /** The last scan could not be saved. */
        STORE,
        /** The tower button called a supervisor; ends when the session is unlocked. */
        SUPERVISOR
    }

    private final SqliteOrderCache cache;
    private final Outbox outbox;
    private final HubConnection hub;
    private final Consumer<ScreenView> screen;
    private final Map<Notice, String> notices = new EnumMap<>(Notice.class);
    private Optional<ScreenView.OpenOrder> shownOrder = Optional.empty();
    private Optional<ScreenView.LastVerdict> last = Optional.empty();

    ScreenProjection(SqliteOrderCache cache, Outbox outbox, HubConnection hub, Consumer<ScreenView> screen) {
        this.cache = cache;
        this.outbox = outbox;
        this.hub = hub;
        this.screen = screen;
    }

    void notice(Notice kind, Optional<String> text) {
        text.ifPresentOrElse(t -> notices.put(kind, t), () -> notices.remove(kind));
    }

    /** The answer to the last input, shown big. */
    void verdict(Verdict verdict, String words) {
        last = Optional.of(new ScreenView.LastVerdict(verdict, words));
    }

    /** A session restored at start: its order, and its lock as the last verdict. */
    void restored(PackSession session) {
        shownOrder = openOrder(session);
        session.lock().ifPresent(lock -> verdict(lock.verdict(), lock.reason()));
    }

    /** The order's lines again, e.g. after the cache renamed its items. */
    void reshow(PackSession session) {
        if (session.order().isPresent()) {
            shownOrder = openOrder(session);
        }
    }

    /** A committed outcome: its verdict, and the order as it stands (every line full when it just completed). */
    void outcome(PackSession before, Outcome outcome) {
        PackSession after = outcome.session();
        shownOrder = outcome.verdict() == Verdict.ORDER_COMPLETE && after.order().isEmpty()
                ? before.order().map(this::allPacked)
                : openOrder(after);
        verdict(outcome.verdict(), outcome.message());
        if (!after.locked()) {
            notices.remove(Notice.SUPERVISOR);
        }
    }

    /** Pushes the view of this session to the screen. */
    void publish(PackSession session) {
        ScreenView view;
        try {
            view = new ScreenView(session.stationId(), shownOrder, last, lockAdvice(session), packerName(session),
                    hub.onScreen(), cache.cacheAge(), outbox.depth(), noticeList());
        } catch (StoreException e) {
            LOG.warn("packer screen not updated: {}", e.getMessage());
            return;
        }
        screen.accept(view);
    }

    private static Optional<String> lockAdvice(PackSession session) {
        String clear = Commands.label(Commands.CLEAR);
        return session.lock().map(lock -> switch (lock.verdict()) {
            case ORDER_BLOCKED -> lock.reason();
            case WEIGHT_MISMATCH -> "Check what is in the box against the order, then scan " + clear
                    + " to weigh it again - or a supervisor scans their badge and a reason code to accept the weight";
            case LABEL_MISMATCH -> "Take the wrong label off the box and scan " + clear;
            default -> "Take the refused item out of the box and scan " + clear
                    + " - or a supervisor scans their badge and a reason code";
        });
    }

    private Optional<String> packerName(PackSession session) {
        return session.packer().map(code -> cache.badge(code).map(Badge::name)
                .filter(name -> !name.isBlank()).orElse(code));
    }

    private List<String> noticeList() {
        List<String> list = new ArrayList<>(Notice.values().length + 1);
        Optional.ofNullable(notices.get(Notice.ENROLMENT)).ifPresent(list::add);
        if (hub.refuses()) {
            list.add(HUB_REFUSES);
        }
        for (Notice kind : List.of(Notice.SCANNER, Notice.STORE, Notice.SUPERVISOR)) {
            Optional.ofNullable(notices.get(kind)).ifPresent(list::add);
        }
        return list;
    }

    private Optional<ScreenView.OpenOrder> openOrder(PackSession s) {
        return s.order().map(order -> {
            List<ScreenView.Line> lines = new ArrayList<>();
            required(order).forEach((sku, expected) -> lines.add(new ScreenView.Line(sku, name(sku), s.verified(sku), expected,
                    ScreenView.waitingFor(s, sku))));
            boolean parcels = !order.labels().isEmpty() || !s.parcels().isEmpty()
                    || !s.current().equals(PackSession.CurrentParcel.EMPTY);
            Optional<ScreenView.ParcelLine> parcel = parcels
                    ? Optional.of(new ScreenView.ParcelLine(s.parcelNumber(), s.parcels().size(), s.current().box(),
                            s.current().closing().flatMap(PackSession.Closing::label).or(() -> s.current().label()), s.weighing()))
                    : Optional.empty();
            return new ScreenView.OpenOrder(order.id(), lines, parcel);
        });
    }

    /** The order just completed, every line full, so the packer sees what went into the closed box. */
    private ScreenView.OpenOrder allPacked(Order order) {
        List<ScreenView.Line> lines = new ArrayList<>();
        required(order).forEach((sku, expected) -> lines.add(new ScreenView.Line(sku, name(sku), expected, expected)));
        return new ScreenView.OpenOrder(order.id(), lines);
    }

    private String name(String sku) {
        return cache.item(sku).map(item -> item.name()).orElse(sku);
    }

    // an order may list one SKU on several lines; the screen shows one row per SKU, as the rules count
    private static Map<String, Integer> required(Order order) {
        Map<String, Integer> required = new LinkedHashMap<>();
        for (OrderLine line : order.lines()) {
            required.merge(line.sku(), line.quantity(), Integer::sum);
        }
        return required;
    }
}
