package io.packcheck.station.lights;

import java.io.PrintStream;

/** A light tower on standard output, for laptops, demos and acceptance tests: one contract line per signal. */
public final class ConsoleLights implements LightTower {

    private final PrintStream out;

    public ConsoleLights(PrintStream out) {
        this.out = out;
    }

    @Override
    public void show(TowerState state) {
        // one println per signal keeps lines whole when several threads signal at once
        synchronized (out) {
            out.println(state.contractLine());
            out.flush();
        }
    }

    @Override
    public void close() {
        // nothing to switch off on a console; printing here would add a line no signal asked for
    }
}
