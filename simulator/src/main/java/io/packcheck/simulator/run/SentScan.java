package io.packcheck.simulator.run;

import io.packcheck.simulator.plan.Step;
import io.packcheck.simulator.process.Light;
import java.time.Instant;
import java.util.Optional;

/**
 * A scan the simulator wrote into a station's pty, or a parcel the station weighed, and the light the station
 * answered with. A weighing's {@code sentAt} is when the scan that closed the parcel was sent.
 */
public record SentScan(String stationId, String orderId, Step.Answered step, Instant sentAt, Optional<Light> light) {

    /** Whether this is a scan written into the pty (not the scale's answer to a parcel). */
    public boolean scanned() {
        return step instanceof Step.Scan;
    }
}
