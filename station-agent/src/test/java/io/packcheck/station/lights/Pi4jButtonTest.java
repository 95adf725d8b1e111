package io.packcheck.station.lights;

import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Pi4jButtonTest {

    private final ManualScheduler scheduler = new ManualScheduler();
    private final AtomicInteger presses = new AtomicInteger();
    private Context pi4j;
    private MockDigitalInput pin;

    @BeforeEach
    void wire() {
        pi4j = Pi4J.newContextBuilder()
                .noAutoDetect()
                .add(MockDigitalOutputProvider.newInstance(), MockDigitalInputProvider.newInstance())
                .build();
        Pi4jButton button = new Pi4jButton(pi4j, 24, true, Duration.ofMillis(30), scheduler);
        button.onPress(presses::incrementAndGet);
        pin = pi4j.registry().get("packcheck-button-24", MockDigitalInput.class);
        pin.mockState(DigitalState.HIGH);
        scheduler.advanceMillis(100);
    }

    @AfterEach
    void release() {
        pi4j.shutdown();
    }

    @Test
    void countsABouncingPressAsOnePress() {
        for (int i = 0; i < 5; i++) {
            pin.mockState(DigitalState.LOW);
            scheduler.advanceMillis(2);
            pin.mockState(DigitalState.HIGH);
            scheduler.advanceMillis(3);
        }
        pin.mockState(DigitalState.LOW);
        int beforeSettling = presses.get();

        scheduler.advanceMillis(30);

        assertThat(beforeSettling).isZero();
        assertThat(presses).hasValue(1);
    }

    @Test
    void ignoresAGlitchShorterThanTheSettleTime() {
        pin.mockState(DigitalState.LOW);
        scheduler.advanceMillis(10);
        pin.mockState(DigitalState.HIGH);

        scheduler.advanceMillis(100);

        assertThat(presses).hasValue(0);
    }

    @Test
    void countsTwoSeparatePresses() {
        for (int i = 0; i < 2; i++) {
            pin.mockState(DigitalState.LOW);
            scheduler.advanceMillis(100);
            pin.mockState(DigitalState.HIGH);
            scheduler.advanceMillis(100);
        }

        assertThat(presses).hasValue(2);
    }
}
