package io.packcheck.station.lights;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import com.pi4j.io.gpio.digital.PullResistance;
import java.time.Duration;

/** A tower push button on a GPIO input through pi4j, debounced in software against the scheduler's clock. */
public final class Pi4jButton implements Button {

    private final DigitalInput input;
    private final Debouncer debouncer;
    private final DigitalStateChangeListener listener;

    /**
     * @param activeLow true for a button that connects the pin to ground (the internal pull-up is enabled)
     */
    public Pi4jButton(Context context, int bcm, boolean activeLow, Duration settle, Scheduler scheduler) {
        this.debouncer = new Debouncer(scheduler, settle);
        this.input = context.create(DigitalInput.newConfigBuilder(context)
                .id("packcheck-button-" + bcm)
                .name("PackCheck button")
                .address(bcm)
                .pull(activeLow ? PullResistance.PULL_UP : PullResistance.PULL_DOWN)
                .build());
        this.listener = event -> debouncer.edge((event.state() == DigitalState.HIGH) != activeLow);
        input.addListener(listener);
    }

    @Override
    public void onPress(Runnable listener) {
        debouncer.onPress(listener);
    }

    @Override
    public void close() {
        input.removeListener(listener);
    }
}
