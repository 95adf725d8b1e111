package io.packcheck.station.scale.emulator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A Mettler Toledo MT-SICS scale showing grams with one decimal: {@code S} answers {@code S S <weight> g} when stable
 * and {@code S I} while in motion, {@code SI} answers {@code S S} or {@code S D} (dynamic), overload and underload
 * answer {@code S +} / {@code S -}, {@code @} (cancel) answers {@code I4 A "<serial number>"}, any other command
 * {@code ES}.
 */
final class MtSicsEmulator extends ScaleEmulator {

    MtSicsEmulator(Path farEnd, EmulatedLoad load) {
        super(farEnd, load, "mt-sics");
    }

    @Override
    protected void run() throws IOException {
        new CommandReader().readAll(this, command -> write(answer(command.trim()) + "\r\n"));
    }

    private String answer(String command) {
        if (command.equals("@")) {
            return "I4 A \"0123456789\"";
        }
        if (!command.equals("S") && !command.equals("SI")) {
            return "ES";
        }
        EmulatedLoad.Sample s = load.sample();
        return switch (s.range()) {
            case OVER -> "S +";
            case UNDER -> "S -";
            case IN -> s.moving() && command.equals("S") ? "S I"
                    : String.format(Locale.ROOT, "S %s %10.1f g", s.moving() ? "D" : "S", s.grams());
        };
    }
}
