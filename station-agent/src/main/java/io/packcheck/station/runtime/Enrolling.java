package io.packcheck.station.runtime;

import io.packcheck.core.enrol.Enrolment;
import io.packcheck.station.hub.HubLink;

/** How a station running without a hub joins one when its scanner reads an enrolment code. */
public interface Enrolling {

    /** Exchanges the code, stores the enrolment and starts the hub link; blocks until done or failed. */
    Join join(Enrolment enrolment);

    /** What came of it. */
    sealed interface Join {

        record Joined(String stationId, HubLink link) implements Join {}

        /** In plain words for the packer screen. */
        record Failed(String reason) implements Join {}
    }
}
