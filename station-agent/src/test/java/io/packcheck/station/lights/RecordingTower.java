package io.packcheck.station.lights;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A light tower for tests on virtual time: keeps every state it was asked to show, and plays them with the
 * production pattern player on a {@link ManualScheduler}, so a test can read which outputs are lit at any
 * virtual instant, flashes ending and the player's dark gaps included.
 */
public final class RecordingTower implements LightTower {

    /** One state the station showed, at a virtual time in milliseconds. */
    public record Shown(long atMillis, TowerState state) {
        /** The contract line console lights print for it. */
        public String line() {
            return state.contractLine();
        }
    }

    private final ManualScheduler time;
    private final List<Shown> history = new ArrayList<>();
    private final Map<Output, Boolean> lit = new EnumMap<>(Output.class);
    private final PatternPlayer player;
    private boolean closed;

    public RecordingTower(ManualScheduler time) {
        this.time = time;
        this.player = new PatternPlayer(time, (output, on) -> {
            synchronized (this) {
                lit.put(output, on);
            }
        });
    }

    @Override
    public synchronized void show(TowerState state) {
        history.add(new Shown(time.nowMillis(), state));
        player.play(state);
    }

    @Override
    public synchronized void close() {
        closed = true;
        player.allOff();
    }

    /** Every state shown, oldest first. */
    public synchronized List<Shown> history() {
        return List.copyOf(history);
    }

    /** The contract lines of every state shown, oldest first. */
    public synchronized List<String> lines() {
        return history.stream().map(Shown::line).toList();
    }

    /** The state shown last; all off before the first. */
    public synchronized TowerState last() {
        return history.isEmpty() ? TowerState.ALL_OFF : history.get(history.size() - 1).state();
    }

    /** Whether the output is lit (the buzzer: sounding) at this virtual instant. */
    public synchronized boolean isLit(Output output) {
        return lit.getOrDefault(output, false);
    }

    /** The outputs lit now, for readable assertions: e.g. {@code [RED, BUZZER]}. */
    public synchronized List<Output> litOutputs() {
        return java.util.Arrays.stream(Output.values()).filter(this::isLit).toList();
    }

    public synchronized boolean closed() {
        return closed;
    }
}
