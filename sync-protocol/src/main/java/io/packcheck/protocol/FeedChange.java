package io.packcheck.protocol;

import io.packcheck.core.catalog.Badge;
import io.packcheck.core.catalog.Box;
import io.packcheck.core.catalog.Item;

/** One change of the station feed, as the station reads it: the full current state of one thing. */
public sealed interface FeedChange {

    record ItemChanged(Item item) implements FeedChange {}

    record ItemDeleted(String sku) implements FeedChange {}

    /** A new or changed order, including a cancel, hold or release (the order with its new status). */
    record OrderChanged(SyncedOrder order) implements FeedChange {}

    record BadgeChanged(Badge badge) implements FeedChange {}

    /** A new or changed box type of the site's box catalogue. */
    record BoxChanged(Box box) implements FeedChange {}
}
