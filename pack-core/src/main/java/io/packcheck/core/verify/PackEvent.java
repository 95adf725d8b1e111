package io.packcheck.core.verify;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One transition of a pack session, carrying what the hub's analytics need.
 * The station's outbox gives each event an id and a per-station sequence number before sending.
 *
 * @param kind         what happened
 * @param verdict      the verdict signalled for the scan behind this event
 * @param at           when, from the station's clock
 * @param stationId    the pack station
 * @param packer       the packer logged in by badge, if any
 * @param orderId      the order open on the station, if any
 * @param orderVersion the version of that order the station verified against (0 when none)
 * @param sku          the scanned item's SKU, when the code matched an item
 * @param expectedSku  for a wrong item: an order line SKU still open, i.e. what the packer should have scanned
 * @param raw          the raw scan, as received
 * @param quantity     units counted by this scan (a case counts its pack quantity); negative for UNDO
 * @param lot          AI 10, when scanned
 * @param serial       AI 21, when scanned
 * @param reason       plain-words detail for the packer screen and the supervisor, e.g. why a scan was refused
 * @param supervisor   the supervisor badge behind an override
 * @param reasonCode   the override or short reason code
 * @param parcel       for PARCEL_CLOSED (and a weight or label refused at closing): the parcel as closed
 */
public record PackEvent(
        EventKind kind,
        Verdict verdict,
        Instant at,
        String stationId,
        Optional<String> packer,
        Optional<String> orderId,
        long orderVersion,
        Optional<String> sku,
        Optional<String> expectedSku,
        String raw,
        int quantity,
        Optional<String> lot,
        Optional<String> serial,
        String reason,
        Optional<String> supervisor,
        Optional<String> reasonCode,
        Optional<Parcel> parcel) {

    /** An event that is not about a parcel. */
    public PackEvent(EventKind kind, Verdict verdict, Instant at, String stationId, Optional<String> packer,
            Optional<String> orderId, long orderVersion, Optional<String> sku, Optional<String> expectedSku, String raw,
            int quantity, Optional<String> lot, Optional<String> serial, String reason, Optional<String> supervisor,
            Optional<String> reasonCode) {
        this(kind, verdict, at, stationId, packer, orderId, orderVersion, sku, expectedSku, raw, quantity, lot, serial,
                reason, supervisor, reasonCode, Optional.empty());
    }

    /**
     * One parcel of an order as the station closed it.
     *
     * @param number         1 for the order's first parcel
     * @param box            the box type scanned for it ({@code PCK-BOX-<code>}), if any
     * @param label          its shipping label in canonical form, if one was scanned
     * @param items          units counted into it per SKU
     * @param weightGrams    what the scale said, when the station weighed it
     * @param expectedGrams  item weights plus tare, when every item's weight was known
     * @param toleranceGrams how far the weight may be off
     */
    public record Parcel(
            int number,
            Optional<String> box,
            Optional<String> label,
            Map<String, Integer> items,
            Optional<Double> weightGrams,
            Optional<Double> expectedGrams,
            Optional<Double> toleranceGrams) {

        public Parcel {
            if (number < 1) {
                throw new IllegalArgumentException("parcel number must be 1 or more, got " + number);
            }
            items = Collections.unmodifiableMap(new LinkedHashMap<>(items));
        }
    }

    /** What a pack event records. */
    public enum EventKind {
        /** A scan was checked against the open order (any verdict). */
        SCAN,
        ORDER_OPENED,
        ORDER_COMPLETED,
        /** The packer took the wrong item out and scanned CLEAR. */
        SESSION_CLEARED,
        /** A supervisor badge overrode a lock, with a reason code. */
        OVERRIDE,
        /** The last accepted scan was taken back. */
        UNDO,
        /** The packer declared the rest missing: the order becomes an exception. */
        SHORTED,
        SESSION_CANCELLED,
        /** The hub cancelled or held the order open on the station. */
        ORDER_BLOCKED,
        /** The hub sent a new version of the open order (lines changed, or released from hold). */
        ORDER_CHANGED,
        PACKER_LOGIN,
        PACKER_LOGOUT,
        /**
         * Recorded by the hub, never sent by a station: a scan counted a serial that was already packed in another
         * order (the station could not ask the hub in time); the order is flagged as an exception.
         */
        SERIAL_REUSED,
        /**
         * Written by the hub, never by a station: a second station's events arrived for an order another station
         * had claimed (the second station packed it from its cache while it could not reach the hub).
         */
        CLAIM_CONFLICT,
        /** A parcel was closed: labelled and weighed where the station requires it. */
        PARCEL_CLOSED
    }
}
