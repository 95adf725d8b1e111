package io.packcheck.hub.parcels;

import io.packcheck.core.verify.PackEvent;
import io.packcheck.protocol.StationEvent;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A parcel of an order as a station closed it (a {@code PARCEL_CLOSED} event).
 *
 * @param label          the shipping label in canonical form, if one was scanned
 * @param items          units per SKU, in the order the station counted them
 * @param expectedGrams  items plus tare, when the station knew every weight; empty when a supervisor let a weight through
 * @param supervisor     who let a refused weight (or a scale that did not settle) through
 * @param overrideReason the reason code the supervisor scanned
 */
public record ClosedParcel(
        String orderId,
        int number,
        String stationId,
        Optional<String> packer,
        UUID eventId,
        Optional<String> box,
        Optional<String> label,
        Map<String, Integer> items,
        Optional<Double> weightGrams,
        Optional<Double> expectedGrams,
        Optional<Double> toleranceGrams,
        Optional<String> supervisor,
        Optional<String> overrideReason,
        Instant closedAt) {

    public ClosedParcel {
        items = Collections.unmodifiableMap(new LinkedHashMap<>(items));
    }

    /** The parcel a station event closed, if it is a {@code PARCEL_CLOSED} of an order that carries one. */
    public static Optional<ClosedParcel> of(StationEvent stored) {
        PackEvent e = stored.event();
        if (e.kind() != PackEvent.EventKind.PARCEL_CLOSED || e.orderId().isEmpty() || e.parcel().isEmpty()) {
            return Optional.empty();
        }
        PackEvent.Parcel p = e.parcel().get();
        return Optional.of(new ClosedParcel(e.orderId().get(), p.number(), e.stationId(), e.packer(), stored.id(), p.box(),
                p.label().filter(l -> !l.isBlank()).map(LabelOwners::key), p.items(), p.weightGrams(), p.expectedGrams(),
                p.toleranceGrams(), e.supervisor(), e.reasonCode(), e.at()));
    }

    /** Units in the parcel. */
    public int units() {
        return items.values().stream().mapToInt(Integer::intValue).sum();
    }
}
