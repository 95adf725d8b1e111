package io.packcheck.core.label;

/**
 * A carrier shipping label among the scanned codes.
 *
 * @param carrier        who issued it
 * @param trackingNumber the canonical key: {@code ShippingLabels.normalise(trackingNumber)} is {@code trackingNumber}
 * @param raw            the scan as received
 */
public record ShippingLabel(Carrier carrier, String trackingNumber, String raw) {}
