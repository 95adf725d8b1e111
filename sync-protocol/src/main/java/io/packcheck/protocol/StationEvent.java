package io.packcheck.protocol;

import io.packcheck.core.verify.PackEvent;
import java.util.UUID;

/** A pack event as a station's outbox sends it: with its id (for idempotence) and per-station sequence number. */
public record StationEvent(UUID id, long seq, PackEvent event) {}
