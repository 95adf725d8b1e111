package io.packcheck.station.scale.emulator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * An NCI shipping scale showing pounds with two decimals: {@code W} CR answers {@code LF <weight>lb CR LF <status> CR
 * ETX} with the motion bit while in motion, carets or underscores and the capacity bits when over or under; any other
 * command answers {@code LF ? CR ETX}.
 */
final class NciEmulator extends ScaleEmulator {

    NciEmulator(Path farEnd, EmulatedLoad load) {
        super(farEnd, load, "nci");
    }

    @Override
    protected void run() throws IOException {
        new CommandReader().readAll(this, command -> write(answer(command.trim())));
    }

    private String answer(String command) {
        if (!command.equals("W")) {
            return "\n?\r\u0003";
        }
        EmulatedLoad.Sample s = load.sample();
        String weight = switch (s.range()) {
            case OVER -> "^^^^^^lb";
            case UNDER -> "______lb";
            case IN -> String.format(Locale.ROOT, "%6.2flb", s.grams() / 453.59237);
        };
        char first = (char) (0x30 | (s.moving() && s.range() == EmulatedLoad.Sample.Range.IN ? 0x01 : 0));
        char second = (char) (0x30 | switch (s.range()) {
            case OVER -> 0x02;
            case UNDER -> 0x01;
            case IN -> 0;
        });
        return "\n" + weight + "\r\n" + first + second + "\r\u0003";
    }
}
