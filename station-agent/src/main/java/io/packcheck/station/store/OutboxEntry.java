package io.packcheck.station.store;

import io.packcheck.core.verify.PackEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * An event as the outbox keeps it until the hub confirms it.
 *
 * @param id       unique, so the hub can drop a duplicate delivered twice
 * @param sequence per station, rising in the order the events happened, never reused
 */
public record OutboxEntry(UUID id, long sequence, Instant createdAt, PackEvent event) {}
