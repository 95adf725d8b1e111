package io.packcheck.hub.claims;

import io.packcheck.protocol.StationEvent;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where claims are kept. Calls made while events are ingested join the ingest's transaction, so a claim and
 * the events that moved it are stored together.
 */
public interface ClaimStore {

    /** Runs the work in one transaction (joining one in progress), so a claim is read and written at one go. */
    <T> T atomically(Supplier<T> work);

    /** The claim row of the order, expired or not. */
    Optional<Claim> find(String orderId);

    /** Writes the claim, replacing any claim on its order. */
    void put(Claim claim);

    /** Removes the order's claim; false when it had none. */
    boolean delete(String orderId);

    /** Whether the order exists at the hub. */
    boolean orderExists(String orderId);

    /** The conflicts recorded for the order, oldest first. */
    List<ClaimConflict> conflicts(String orderId);

    /**
     * Records the conflict (once per order and pair of stations: false when it was known), stores the hub's
     * event for the integrators' feed when it is new, and marks the order EXCEPTION with the conflict's reason.
     */
    boolean recordConflict(ClaimConflict conflict, StationEvent feedEvent);

    /** Marks the order EXCEPTION with the reason, unless it already is with that reason. */
    void markException(String orderId, String reason);

    /** Claims held now, by any station, oldest first (expired rows included; the caller decides). */
    List<Claim> all(int limit);

    /** Conflicts recorded, newest first. */
    List<ClaimConflict> conflicts(int limit);
}
