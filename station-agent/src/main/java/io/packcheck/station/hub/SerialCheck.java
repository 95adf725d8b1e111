package io.packcheck.station.hub;

/** What the hub said about a serial number of a SKU before the unit counts. */
public sealed interface SerialCheck {

    /** Another order's box already holds it: a copied label, or a unit that came back. */
    record PackedElsewhere(String orderId) implements SerialCheck {}

    /** No other order holds it. */
    record NotPacked() implements SerialCheck {}

    /** No answer in time, or no hub to ask: the unit counts, and the hub flags a reuse when the scan arrives. */
    record Unknown(String reason) implements SerialCheck {}
}
