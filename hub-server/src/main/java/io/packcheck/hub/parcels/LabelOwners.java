package io.packcheck.hub.parcels;

import io.packcheck.core.label.ShippingLabels;
import io.packcheck.hub.storage.Conflict;
import io.packcheck.protocol.ProtocolException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A shipping label belongs to one order. Labels are compared by their canonical key ({@link ShippingLabels#normalise}),
 * so "1Z 999 AA1 01 2345 6784" and "1Z999AA10123456784" are one label. An order that was cancelled gives its labels up.
 * Pure: the caller looks the owners up.
 */
public final class LabelOwners {

    private LabelOwners() {}

    /** The label as a station knows it after scanning it. */
    public static String key(String label) {
        return ShippingLabels.normalise(label);
    }

    /** Who holds a label now: the order and whether that order was cancelled. */
    public record Owner(String orderId, String label, boolean cancelled) {}

    /**
     * Refuses labels the order cannot list: one another (not cancelled) order lists or a parcel of another order
     * carries (a {@link Conflict} {@code label_taken}), or two of its own that are one label (invalid {@code labels[i]}).
     *
     * @param owners the orders holding a label key: listing it, or with a parcel carrying it
     */
    public static void check(String orderId, List<String> labels, Function<String, List<Owner>> owners) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            String key = key(label);
            Integer earlier = seen.putIfAbsent(key, i);
            if (earlier != null) {
                throw new ProtocolException("labels[" + i + "]", "labels[" + i + "] " + label + " is the same label as labels["
                        + earlier + "] " + labels.get(earlier) + ": list it once");
            }
            Optional<Owner> owner = owners.apply(key).stream().filter(o -> !o.orderId().equals(orderId) && !o.cancelled()).findFirst();
            if (owner.isPresent()) {
                throw new Conflict("label_taken", "labels[" + i + "]", "label " + label + " belongs to order "
                        + owner.get().orderId() + (owner.get().label().equals(label) ? "" : " (as " + owner.get().label() + ")")
                        + ": take it off " + owner.get().orderId() + " first, or cancel that order");
            }
        }
    }
}
