package io.packcheck.station.store;

import io.packcheck.core.verify.PackEvent;
import io.packcheck.core.verify.Verdict;
import java.time.Instant;
import java.util.Optional;

final class Events {

    private Events() {}

    static PackEvent scan(String raw, Verdict verdict, String sku) {
        return new PackEvent(PackEvent.EventKind.SCAN, verdict, Instant.parse("2026-11-20T10:15:30.123Z"), "st-1",
                Optional.of("Ann"), Optional.of("SO-1"), 3, Optional.of(sku), Optional.empty(), raw, 1,
                Optional.of("L42"), Optional.empty(), "matches line " + sku, Optional.empty(), Optional.empty());
    }
}
