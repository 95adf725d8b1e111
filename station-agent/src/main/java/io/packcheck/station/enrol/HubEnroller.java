package io.packcheck.station.enrol;

import io.packcheck.core.enrol.Enrolment;
import io.packcheck.station.config.Secret;

/** Exchanges a scanned enrolment code at its hub for this station's token. */
public interface HubEnroller {

    /** Blocks until the hub answers or gives up; never throws for a refused code or an unreachable hub. */
    Exchange exchange(Enrolment enrolment);

    /** The hub's answer. */
    sealed interface Exchange {

        record Token(Secret token) implements Exchange {}

        /** In plain words for the packer screen, e.g. "the enrolment code was already used". */
        record Failed(String reason) implements Exchange {}
    }
}
