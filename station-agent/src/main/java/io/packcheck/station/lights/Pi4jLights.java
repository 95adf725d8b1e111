package io.packcheck.station.lights;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The light tower on Raspberry Pi GPIO through pi4j: one digital output per wired colour and the buzzer. */
public final class Pi4jLights implements LightTower {

    private static final Logger log = LoggerFactory.getLogger(Pi4jLights.class);

    private final Map<Output, DigitalOutput> outputs = new EnumMap<>(Output.class);
    private final Map<Output, OutputPin> pins;
    private final PatternPlayer player;

    /**
     * Claims the pins on {@code context} (built by the caller: {@link #raspberryPiContext()} on a Pi,
     * a mock context in tests) and drives them all off at once.
     */
    public Pi4jLights(Context context, Map<Output, OutputPin> pins, Scheduler scheduler) {
        this.pins = new EnumMap<>(pins);
        for (Map.Entry<Output, OutputPin> e : this.pins.entrySet()) {
            DigitalState off = level(e.getValue(), false);
            DigitalOutput out = context.create(DigitalOutput.newConfigBuilder(context)
                    .id("packcheck-" + e.getKey().key())
                    .name("PackCheck " + e.getKey().key())
                    .address(e.getValue().bcm())
                    .initial(off)
                    .shutdown(off)
                    .build());
            outputs.put(e.getKey(), out);
        }
        this.player = new PatternPlayer(scheduler, this::drive);
    }

    /**
     * A pi4j context with only the gpiod providers (Pi 4 and Pi 5, via /dev/gpiochip*). Built explicitly
     * because auto-detection would pick a mock provider on any machine that has one on the class path.
     */
    public static Context raspberryPiContext() {
        return Pi4J.newContextBuilder()
                .noAutoDetect()
                .add(GpioDDigitalOutputProvider.newInstance(), GpioDDigitalInputProvider.newInstance())
                .build();
    }

    @Override
    public void show(TowerState state) {
        player.play(state);
    }

    @Override
    public void close() {
        player.allOff();
    }

    private void drive(Output output, Boolean on) {
        DigitalOutput out = outputs.get(output);
        if (out == null) {
            return; // this board has no such output, e.g. a tower without a buzzer
        }
        try {
            out.state(level(pins.get(output), on));
        } catch (RuntimeException e) {
            // a failing GPIO write must not stop scanning; the packer screen still shows the verdict
            log.warn("cannot set {} on BCM {}: {}", output.key(), pins.get(output).bcm(), e.toString());
        }
    }

    private static DigitalState level(OutputPin pin, boolean on) {
        return on != pin.activeLow() ? DigitalState.HIGH : DigitalState.LOW;
    }
}
