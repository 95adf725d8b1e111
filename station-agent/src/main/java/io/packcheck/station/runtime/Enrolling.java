package io.packcheck.station.runtime;

import io.packcheck.core.enrol.Enrolment;
import io.packcheck.station.hub.HubLink;

/**
 * How a station joins a hub when its scanner reads an enrolment code: a station running without a hub, or
 * one whose hub refuses its stored enrolment's token (revoked or replaced), which joins again.
 */
public interface Enrolling {

    /** Exchanges the code, stores the enrolment and starts the hub link (stopping a refused one); blocks until done or failed. */
    Join join(Enrolment enrolment);

    /** What came of it. */
    sealed interface Join {

        record Joined(String stationId, HubLink link) implements Join {}

        /** In plain words for the packer screen. */
        record Failed(String reason) implements Join {}
    }
}
