package io.packcheck.station.screen;

import io.packcheck.core.verify.PackSession;
import io.packcheck.core.verify.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything the packer screen shows at one moment; the runtime pushes a new one after every scan
 * and whenever the hub link, the cache age or the outbox depth changes.
 *
 * @param order         the order open on the station
 * @param lastVerdict   the answer to the last scan, shown big
 * @param lock          when the station is locked by a mismatch: how to clear it, in the packer's words
 * @param packer        the packer logged in by badge
 * @param hub           the link to the hub
 * @param cacheAge      how long since the order cache last heard from the hub
 * @param eventsWaiting events in the outbox not yet confirmed by the hub
 * @param notices       lasting station conditions in plain words, e.g. "Scanner offline", shown as a banner
 */
public record ScreenView(
        String stationId,
        Optional<OpenOrder> order,
        Optional<LastVerdict> lastVerdict,
        Optional<String> lock,
        Optional<String> packer,
        HubLink hub,
        Optional<Duration> cacheAge,
        long eventsWaiting,
        List<String> notices) {

    public ScreenView {
        notices = List.copyOf(notices);
    }

    /** A view without notices. */
    public ScreenView(String stationId, Optional<OpenOrder> order, Optional<LastVerdict> lastVerdict,
            Optional<String> lock, Optional<String> packer, HubLink hub, Optional<Duration> cacheAge, long eventsWaiting) {
        this(stationId, order, lastVerdict, lock, packer, hub, cacheAge, eventsWaiting, List.of());
    }

    /** The open order and its lines, and its parcel when the station packs it into parcels. */
    public record OpenOrder(String id, List<Line> lines, Optional<ParcelLine> parcel) {
        public OpenOrder {
            lines = List.copyOf(lines);
        }

        /** An order packed into one box the station does not track. */
        public OpenOrder(String id, List<Line> lines) {
            this(id, lines, Optional.empty());
        }
    }

    /**
     * The parcel being packed.
     *
     * @param number   1 for the order's first parcel
     * @param closed   parcels of the order already closed
     * @param weighing the parcel is closed and waits for the scale
     */
    public record ParcelLine(int number, int closed, Optional<String> box, Optional<String> label, boolean weighing) {

        /** "Parcel 2 (1 closed) - box M - label 1Z... - closed, on the scale". */
        public String words() {
            StringBuilder b = new StringBuilder("Parcel ").append(number);
            if (closed > 0) {
                b.append(" (").append(closed).append(" closed)");
            }
            box.ifPresent(v -> b.append(" - box ").append(v));
            label.ifPresent(v -> b.append(" - label ").append(v));
            if (weighing) {
                b.append(" - closed, on the scale");
            }
            return b.toString();
        }
    }

    /**
     * One order line: how many units went into the box of how many ordered.
     *
     * @param waitingFor what a unit of this line in the box still needs before it counts, in the packer's words
     *                   (e.g. "the expiry date"); empty when no unit waits
     */
    public record Line(String sku, String name, int scanned, int expected, List<String> waitingFor) {
        public Line {
            waitingFor = List.copyOf(waitingFor);
        }

        /** A line with no unit waiting for its data. */
        public Line(String sku, String name, int scanned, int expected) {
            this(sku, name, scanned, expected, List.of());
        }
    }

    /** What the unit of this SKU waiting in the session's box still needs (empty when none waits), for {@link Line}. */
    public static List<String> waitingFor(PackSession session, String sku) {
        return session.awaiting().filter(w -> w.sku().equals(sku))
                .map(w -> w.missing().stream().map(PackSession.ItemData::words).toList())
                .orElse(List.of());
    }

    /**
     * The answer to the last scan.
     *
     * @param reason plain words for the packer, e.g. "Blue Mug (4006381333931) is not on order SO-1234 - take it out and scan CLEAR"
     */
    public record LastVerdict(Verdict verdict, String reason) {}

    /** The station's link to the hub. */
    public enum HubLink {
        /** No hub is configured: the station runs alone. */
        NONE,
        CONNECTED,
        DISCONNECTED
    }

    /** A station with nothing open yet. */
    public static ScreenView idle(String stationId, HubLink hub) {
        return new ScreenView(stationId, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), hub,
                Optional.empty(), 0);
    }
}
