package io.packcheck.station.store;

import io.packcheck.core.verify.Verdict;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A child process for {@link KillNineTest}: commits one scan after another and prints
 * "signalled N" after each commit, as the runtime signals a verdict only after its commit.
 */
public final class CrashingPacker {

    public static void main(String[] args) {
        StationDatabase db = StationDatabase.openIn(Path.of(args[0]));
        Clock clock = Clock.systemUTC();
        SessionStore<Integer> sessions = new SessionStore<>(db, new Outbox(db, clock), KillNineTest.COUNT, clock);
        int units = sessions.current().orElse(0);
        while (true) {
            units++;
            sessions.commit(Optional.of(units), List.of(Events.scan("4006381333931", Verdict.MATCH, "MUG")));
            System.out.println("signalled " + units);
            System.out.flush();
        }
    }

    private CrashingPacker() {}
}
