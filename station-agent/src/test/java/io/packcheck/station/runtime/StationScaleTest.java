package io.packcheck.station.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.packcheck.station.hardware.ProfileException;
import io.packcheck.station.scale.ScaleProtocol;
import io.packcheck.station.scale.Weighing;
import io.packcheck.station.scale.emulator.EmulatedLoad;
import io.packcheck.station.scale.emulator.EmulatedScalePort;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StationScaleTest {

    @TempDir
    Path dir;

    private final PrintStream console = new PrintStream(new ByteArrayOutputStream(), true);

    @Test
    void opensTheConfiguredScaleForThePackFlowToWeighWith() {
        try (EmulatedScalePort port = EmulatedScalePort.plugIn(dir.resolve("scale"), ScaleProtocol.MT_SICS,
                EmulatedLoad.parcelScale(1500), false);
                StationAgent agent = StationAgent.start(Stations.config(dir.resolve("data"), Optional.empty(), 0)
                        .withScale(port.stationEnd().toString(), "mt-sics"), console)) {

            Weighing w = agent.scale().orElseThrow().weigh(Duration.ofSeconds(3));

            assertThat(w).isInstanceOfSatisfying(Weighing.Settled.class, s -> assertThat(s.grams()).isCloseTo(1500, within(2.1)));
        }
    }

    @Test
    void hasNoScaleWhenNoneIsConfigured() {
        try (StationAgent agent = StationAgent.start(Stations.config(dir.resolve("data"), Optional.empty(), 0), console)) {

            assertThat(agent.scale()).isEmpty();
        }
    }

    @Test
    void anUnknownScaleProfileStopsTheAgentBeforeItTouchesTheData() {
        Path data = dir.resolve("data");

        assertThatThrownBy(() -> StationAgent.start(Stations.config(data, Optional.empty(), 0)
                .withScale("/dev/ttyUSB0", "acme-9000"), console))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("unknown scale profile");
        assertThat(Files.exists(data)).isFalse();
    }
}
