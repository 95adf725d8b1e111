package io.packcheck.simulator.run;

import io.packcheck.simulator.plan.Step;
import io.packcheck.simulator.process.Light;
import java.time.Instant;
import java.util.Optional;

/** A scan the simulator wrote into a station's pty, and the light the station answered with. */
public record SentScan(String stationId, String orderId, Step.Scan step, Instant sentAt, Optional<Light> light) {}
