package io.packcheck.station.runtime;

import io.packcheck.core.enrol.Enrolment;
import io.packcheck.station.config.Secret;
import io.packcheck.station.config.StationConfig;
import io.packcheck.station.enrol.EnrolmentFiles;
import io.packcheck.station.enrol.HubEnroller;
import io.packcheck.station.hub.HubLink;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which hub a station starts with, and how it joins one by an enrolment code: flags, environment and config
 * file win over a stored enrolment; a station id that was set must match the enrolment's.
 */
final class HubJoining implements Enrolling {

    private static final Logger LOG = LoggerFactory.getLogger(HubJoining.class);

    /** Starts the hub link in place of the one running, if any; the seam between enrolment and the link's wiring. */
    interface LinkStarter {
        HubLink start(URI hub, Secret token);
    }

    private final StationConfig config;
    private final boolean stationIdGiven;
    private final EnrolmentFiles files;
    private final HubEnroller enroller;
    private final LinkStarter linkStarter;
    private final Clock clock;

    /** @param enroller one for the agent's life: it remembers a hub's Retry-After between scans */
    HubJoining(StationConfig config, boolean stationIdGiven, EnrolmentFiles files, HubEnroller enroller,
               LinkStarter linkStarter, Clock clock) {
        this.config = config;
        this.stationIdGiven = stationIdGiven;
        this.files = files;
        this.enroller = enroller;
        this.linkStarter = linkStarter;
        this.clock = clock;
    }

    /** The stored enrolment to start with: none when the settings name a hub, or when it is for another station id. */
    static Optional<EnrolmentFiles.Stored> storedEnrolment(EnrolmentFiles files, StationConfig config,
                                                           boolean stationIdGiven) {
        if (config.hub().isPresent()) {
            return Optional.empty();
        }
        Optional<EnrolmentFiles.Stored> stored;
        try {
            stored = files.load();
        } catch (IOException e) {
            LOG.error("stored enrolment not used, the station runs without a hub: {}", e.getMessage());
            return Optional.empty();
        }
        if (stored.isPresent() && stationIdGiven && !stored.get().stationId().equals(config.stationId())) {
            LOG.error("stored enrolment is for station {} but the station id is set to {}; running without a hub"
                    + " (remove the station-id setting, or enrol again as {})", stored.get().stationId(),
                    config.stationId(), config.stationId());
            return Optional.empty();
        }
        return stored;
    }

    /** On the station thread: exchange the code, store the enrolment, start the link (in place of a refused one). */
    @Override
    public Join join(Enrolment enrolment) {
        if (stationIdGiven && !config.stationId().equals(enrolment.stationId())) {
            return new Join.Failed("this station is set up as station " + config.stationId()
                    + " (station-id setting) but the code is for station " + enrolment.stationId()
                    + "; print a code for " + config.stationId() + " or remove the station-id setting");
        }
        HubEnroller.Exchange exchange = enroller.exchange(enrolment);
        if (exchange instanceof HubEnroller.Exchange.Failed failed) {
            return new Join.Failed(failed.reason());
        }
        Secret token = ((HubEnroller.Exchange.Token) exchange).token();
        try {
            files.save(new EnrolmentFiles.Stored(enrolment.hubUrl(), enrolment.stationId(), token), clock.instant());
        } catch (IOException e) {
            return new Join.Failed("the station could not store its enrolment in " + config.dataDir()
                    + " (" + e.getMessage() + "); the code is used up, print a new one");
        }
        // the outbox and the cache stay: the new link sends what the refused one could not
        HubLink link = linkStarter.start(enrolment.hubUrl(), token);
        return new Join.Joined(enrolment.stationId(), link);
    }
}
