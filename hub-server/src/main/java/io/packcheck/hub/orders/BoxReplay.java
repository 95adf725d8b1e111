package io.packcheck.hub.orders;

import io.packcheck.core.verify.PackEvent;
import io.packcheck.core.verify.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The box of one order as its stations counted it, replayed from their events by the station's own rules
 * (pack-core {@code PackRules}), so the hub's figures equal the station's:
 * <ul>
 * <li>an accepted scan counts its units (a case its pack quantity);</li>
 * <li>a supervisor override of a refused scan counts what the line still needed, and the rest of that scan
 *     stays in the box as extra units; an override of a box the order outgrew turns the excess into extras;</li>
 * <li>CLEAR after the order shrank takes the excess out, newest scans first; CLEAR after a refused scan
 *     changes nothing (the refused item was never counted);</li>
 * <li>UNDO takes the last accepted scan back, extras included; opening the order again or cancelling it at
 *     the station empties that station's box; a SHORT or a completion leaves the box as it was packed.</li>
 * </ul>
 * Excess is measured against the lines of the order version the event names, from {@code linesAt}.
 */
public final class BoxReplay {

    private record Unit(String sku, int units, int extra) {}

    private record Refused(String sku, int quantity) {}

    private static final class StationBox {
        final List<Unit> units = new ArrayList<>();
        Optional<Refused> refused = Optional.empty();
        boolean overridden;
    }

    private final LongFunction<Optional<Map<String, Integer>>> linesAt;
    private final Map<String, StationBox> boxes = new LinkedHashMap<>();

    /**
     * @param linesAt the units the order asked for per SKU at a version; empty when the hub does not know
     */
    public BoxReplay(LongFunction<Optional<Map<String, Integer>>> linesAt) {
        this.linesAt = linesAt;
    }

    public static BoxReplay of(List<PackEvent> events, LongFunction<Optional<Map<String, Integer>>> linesAt) {
        BoxReplay replay = new BoxReplay(linesAt);
        events.forEach(replay::apply);
        return replay;
    }

    /** Takes one event of the order, in the hub's order. */
    public void apply(PackEvent e) {
        StationBox box = boxes.computeIfAbsent(e.stationId(), s -> new StationBox());
        switch (e.kind()) {
            case ORDER_OPENED, SESSION_CANCELLED -> {
                box.units.clear();
                box.refused = Optional.empty();
                box.overridden = false;
            }
            case SCAN -> {
                if (e.sku().isEmpty()) {
                    return;
                }
                if (counts(e.verdict())) {
                    box.units.add(new Unit(e.sku().get(), e.quantity(), 0));
                } else if (e.verdict().isMismatch()) {
                    box.refused = Optional.of(new Refused(e.sku().get(), e.quantity()));
                }
            }
            case OVERRIDE -> {
                box.overridden = true;
                if (e.sku().isPresent()) {
                    String sku = e.sku().get();
                    int refused = box.refused.filter(r -> r.sku().equals(sku)).map(Refused::quantity).orElse(e.quantity());
                    box.units.add(new Unit(sku, e.quantity(), Math.max(0, refused - e.quantity())));
                } else {
                    excess(box, e.orderVersion()).ifPresent(excess -> toExtra(box, excess));
                }
                box.refused = Optional.empty();
            }
            case SESSION_CLEARED -> {
                if (e.sku().isEmpty()) {
                    excess(box, e.orderVersion()).ifPresent(excess -> trim(box, excess));
                }
                box.refused = Optional.empty();
            }
            case UNDO -> undo(box, e);
            default -> {
                // completion, short, order changes, log in / out: nothing enters or leaves the box
            }
        }
    }

    /** Units counted towards the order's lines, per SKU (SKUs with none left out). */
    public Map<String, Integer> counted() {
        Map<String, Integer> counted = new LinkedHashMap<>();
        boxes.values().forEach(b -> b.units.forEach(u -> counted.merge(u.sku(), u.units(), Integer::sum)));
        counted.values().removeIf(n -> n <= 0);
        return counted;
    }

    /** Units a supervisor let into the box beyond the order, per SKU. */
    public Map<String, Integer> extra() {
        Map<String, Integer> extra = new LinkedHashMap<>();
        boxes.values().forEach(b -> b.units.forEach(u -> extra.merge(u.sku(), u.extra(), Integer::sum)));
        extra.values().removeIf(n -> n <= 0);
        return extra;
    }

    /** Whether a supervisor overrode a lock while the current box was packed, at any station. */
    public boolean overridden() {
        return boxes.values().stream().anyMatch(b -> b.overridden);
    }

    /**
     * The SKUs the station's box still lacks at that order version, in line order: what the packer may have
     * meant to scan. Empty when the hub does not know the order's lines.
     */
    public Optional<List<String>> openSkus(String stationId, long version) {
        StationBox box = boxes.getOrDefault(stationId, new StationBox());
        return linesAt.apply(version).map(required -> {
            Map<String, Integer> counted = countedIn(box);
            List<String> open = new ArrayList<>();
            required.forEach((sku, n) -> {
                if (n - counted.getOrDefault(sku, 0) > 0) {
                    open.add(sku);
                }
            });
            return open;
        });
    }

    private static boolean counts(Verdict verdict) {
        return verdict == Verdict.MATCH || verdict == Verdict.LINE_COMPLETE || verdict == Verdict.ORDER_COMPLETE;
    }

    private static Map<String, Integer> countedIn(StationBox box) {
        Map<String, Integer> counted = new LinkedHashMap<>();
        box.units.forEach(u -> counted.merge(u.sku(), u.units(), Integer::sum));
        return counted;
    }

    private Optional<Map<String, Integer>> excess(StationBox box, long version) {
        return linesAt.apply(version).map(required -> {
            Map<String, Integer> excess = new LinkedHashMap<>();
            countedIn(box).forEach((sku, n) -> {
                int over = n - required.getOrDefault(sku, 0);
                if (over > 0) {
                    excess.put(sku, over);
                }
            });
            return excess;
        });
    }

    private static void trim(StationBox box, Map<String, Integer> excess) {
        Map<String, Integer> left = new LinkedHashMap<>(excess);
        for (int i = box.units.size() - 1; i >= 0; i--) {
            Unit u = box.units.get(i);
            int take = Math.min(u.units(), left.getOrDefault(u.sku(), 0));
            if (take > 0) {
                left.merge(u.sku(), -take, Integer::sum);
                u = new Unit(u.sku(), u.units() - take, u.extra());
                if (u.units() + u.extra() > 0) {
                    box.units.set(i, u);
                } else {
                    box.units.remove(i);
                }
            }
        }
    }

    private static void toExtra(StationBox box, Map<String, Integer> excess) {
        Map<String, Integer> left = new LinkedHashMap<>(excess);
        for (int i = box.units.size() - 1; i >= 0; i--) {
            Unit u = box.units.get(i);
            int move = Math.min(u.units(), left.getOrDefault(u.sku(), 0));
            if (move > 0) {
                left.merge(u.sku(), -move, Integer::sum);
                box.units.set(i, new Unit(u.sku(), u.units() - move, u.extra() + move));
            }
        }
    }

    private static void undo(StationBox box, PackEvent e) {
        if (box.units.isEmpty()) {
            return;
        }
        Unit last = box.units.get(box.units.size() - 1);
        if (e.sku().isEmpty() || last.sku().equals(e.sku().get())) {
            box.units.remove(box.units.size() - 1);
            return;
        }
        // events of this box went missing; take the units back from the newest scan of that SKU
        for (int i = box.units.size() - 1; i >= 0; i--) {
            Unit u = box.units.get(i);
            if (u.sku().equals(e.sku().get())) {
                int back = Math.min(u.units() + u.extra(), -e.quantity());
                int fromExtra = Math.min(u.extra(), back);
                box.units.set(i, new Unit(u.sku(), u.units() - (back - fromExtra), u.extra() - fromExtra));
                return;
            }
        }
    }
}
