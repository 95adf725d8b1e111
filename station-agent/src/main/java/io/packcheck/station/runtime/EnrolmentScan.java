package io.packcheck.station.runtime;

import io.packcheck.core.enrol.Enrolment;
import io.packcheck.core.enrol.EnrolmentParse;
import io.packcheck.core.verify.Verdict;
import io.packcheck.station.lights.Condition;
import io.packcheck.station.lights.Indicator;
import io.packcheck.station.lights.Signal;
import io.packcheck.station.runtime.ScreenProjection.Notice;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scan-to-join: an enrolment code joins the hub it names, or joins again when the hub refuses the station's
 * token. Scanned while packing it joins all the same; the open box carries on under the station id the hub
 * gave, and the outbox keeps what waits for the hub. Refused or failed, the packer sees amber and why.
 * Station thread only.
 */
final class EnrolmentScan {

    private static final Logger LOG = LoggerFactory.getLogger(EnrolmentScan.class);

    private final Optional<Enrolling> enrolling;
    private final HubConnection hub;
    private final ScreenProjection screen;
    private final Indicator indicator;

    EnrolmentScan(Optional<Enrolling> enrolling, HubConnection hub, ScreenProjection screen, Indicator indicator) {
        this.enrolling = enrolling;
        this.hub = hub;
        this.screen = screen;
        this.indicator = indicator;
    }

    /**
     * Joins with the code; {@code joinedAs} gets the station id the hub gave, before the screen shows it.
     * {@code publish} pushes the screen.
     */
    void enrol(String raw, Consumer<String> joinedAs, Runnable publish) {
        EnrolmentParse parse = Enrolment.parse(raw);
        if (parse instanceof EnrolmentParse.Rejected rejected) {
            failed("This enrolment code cannot be used: " + rejected.reason(), publish);
            return;
        }
        Enrolment enrolment = ((EnrolmentParse.Parsed) parse).enrolment();
        if (hub.link().isPresent() && !hub.refuses()) {
            failed("This station is already connected to a hub; to move it to another hub, wait until no"
                    + " events are waiting, then restart it without --hub and with a new data directory and scan"
                    + " the code again", publish);
            return;
        }
        if (enrolling.isEmpty()) {
            failed("This station's hub and token are set in its configuration (--hub, PACKCHECK_HUB or the"
                    + " config file): give it the station's new token there and restart it; its scans are kept", publish);
            return;
        }
        LOG.info("enrolling as station {} at hub {}", enrolment.stationId(), enrolment.hubUrl());
        Enrolling.Join join = enrolling.get().join(enrolment);
        if (join instanceof Enrolling.Join.Failed failed) {
            failed("Could not join the hub: " + failed.reason(), publish);
            return;
        }
        Enrolling.Join.Joined joined = (Enrolling.Join.Joined) join;
        hub.replace(joined.link());
        joinedAs.accept(joined.stationId());
        screen.notice(Notice.ENROLMENT, Optional.empty());
        LOG.info("enrolled as station {} at hub {}", joined.stationId(), enrolment.hubUrl());
        screen.verdict(Verdict.COMMAND_ACCEPTED, "Joined the hub " + enrolment.hubUrl() + " as station " + joined.stationId());
        // the screen first: whoever sees the light and looks at the screen finds it already saying why
        publish.run();
        indicator.show(Signal.ACCEPTED);
        indicator.set(Condition.HUB_UNREACHABLE, hub.unusable());
    }

    private void failed(String message, Runnable publish) {
        LOG.warn("enrolment failed: {}", message);
        screen.notice(Notice.ENROLMENT, Optional.of(message));
        screen.verdict(Verdict.COMMAND_REFUSED, message);
        publish.run();
        indicator.show(Signal.UNKNOWN);
    }
}
