package io.packcheck.station.scanner;

import static org.assertj.core.api.Assertions.fail;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Keeps what a scanner delivered so a test can wait for it. */
final class RecordingListener implements ScanListener {

    final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    final BlockingQueue<ScannerState> states = new LinkedBlockingQueue<>();

    @Override
    public void onFrame(Frame frame) {
        frames.add(frame);
    }

    @Override
    public void onStateChange(ScannerState state) {
        states.add(state);
    }

    Frame nextFrame() throws InterruptedException {
        Frame f = frames.poll(5, TimeUnit.SECONDS);
        return f != null ? f : fail("no frame within 5 s");
    }

    <T extends ScannerState> T nextState(Class<T> type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            ScannerState s = states.poll(100, TimeUnit.MILLISECONDS);
            if (type.isInstance(s)) {
                return type.cast(s);
            }
        }
        return fail("no " + type.getSimpleName() + " state within 10 s; queue " + states);
    }
}
