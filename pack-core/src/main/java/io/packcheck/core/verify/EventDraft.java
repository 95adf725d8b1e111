package io.packcheck.core.verify;

import io.packcheck.core.catalog.Order;
import io.packcheck.core.verify.PackEvent.EventKind;
import io.packcheck.core.verify.PackEvent.Parcel;
import java.time.Instant;
import java.util.Optional;

/** A PackEvent being filled in; station, packer and order come from the session it describes. */
final class EventDraft {
    final EventKind kind;
    final Verdict verdict;
    final Instant at;
    final String stationId;
    final Optional<String> packer;
    Optional<String> orderId;
    long orderVersion;
    Optional<String> sku = Optional.empty();
    Optional<String> expectedSku = Optional.empty();
    final String raw;
    int quantity;
    Optional<String> lot = Optional.empty();
    Optional<String> serial = Optional.empty();
    String reason;
    Optional<String> supervisor = Optional.empty();
    Optional<String> reasonCode = Optional.empty();
    Optional<Parcel> parcel = Optional.empty();

    EventDraft(EventKind kind, Verdict verdict, Instant at, PackSession s, String raw, String reason) {
        this.kind = kind;
        this.verdict = verdict;
        this.at = at;
        this.stationId = s.stationId();
        this.packer = s.packer();
        this.orderId = s.order().map(Order::id);
        this.orderVersion = s.order().map(Order::version).orElse(0L);
        this.raw = raw;
        this.reason = reason;
    }

    PackEvent build() {
        return new PackEvent(kind, verdict, at, stationId, packer, orderId, orderVersion, sku, expectedSku, raw,
                quantity, lot, serial, reason, supervisor, reasonCode, parcel);
    }
}
