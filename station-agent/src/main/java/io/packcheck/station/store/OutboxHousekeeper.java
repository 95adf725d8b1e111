package io.packcheck.station.store;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Purges confirmed events older than the retention; the runtime schedules it (e.g. hourly). */
public final class OutboxHousekeeper implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxHousekeeper.class);

    private final Outbox outbox;
    private final Duration retention;

    public OutboxHousekeeper(Outbox outbox, Duration retention) {
        if (retention.isNegative()) {
            throw new IllegalArgumentException("outbox retention must not be negative, got " + retention);
        }
        this.outbox = outbox;
        this.retention = retention;
    }

    @Override
    public void run() {
        // a scheduled task that throws is never run again: log and try at the next tick
        try {
            int purged = outbox.purgeConfirmed(retention);
            if (purged > 0) {
                LOG.info("outbox housekeeping: purged {} confirmed events older than {}", purged, retention);
            }
        } catch (StoreException e) {
            LOG.warn("outbox housekeeping failed: {}", e.getMessage());
        }
    }
}
