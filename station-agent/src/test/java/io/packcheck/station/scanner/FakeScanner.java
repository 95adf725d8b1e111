package io.packcheck.station.scanner;

import java.util.ArrayList;
import java.util.List;

/**
 * A scanner for tests that emits what a real one would: frames and state changes, on the calling thread, to
 * whoever started it; and keeps the host commands the station sent back to the handheld.
 */
public final class FakeScanner implements Scanner {

    private ScanListener listener;
    private ScannerState state = new ScannerState.Offline("not started");
    private final List<byte[]> sent = new ArrayList<>();

    @Override
    public synchronized void start(ScanListener listener) {
        this.listener = listener;
        plugIn();
    }

    /** A readable scan, as the framing hands it over (no terminator). */
    public void scan(String raw) {
        listener().onFrame(new Frame.Data(raw, System.nanoTime()));
    }

    /** Bytes that cannot be a scan. */
    public void garble(String rawPreview) {
        listener().onFrame(new Frame.Garbled("control bytes in the frame", rawPreview, System.nanoTime()));
    }

    public void unplug() {
        changeState(new ScannerState.Offline("Input/output error"));
    }

    public void plugIn() {
        changeState(new ScannerState.Connected("/dev/fake0"));
    }

    private void changeState(ScannerState next) {
        ScanListener l;
        synchronized (this) {
            state = next;
            l = listener;
        }
        if (l != null) {
            l.onStateChange(next);
        }
    }

    private synchronized ScanListener listener() {
        if (listener == null) {
            throw new IllegalStateException("the fake scanner was not started");
        }
        return listener;
    }

    @Override
    public synchronized ScannerState state() {
        return state;
    }

    @Override
    public synchronized boolean send(byte[] hostCommand) {
        if (state instanceof ScannerState.Offline) {
            return false;
        }
        sent.add(hostCommand.clone());
        return true;
    }

    /** The host commands sent so far, oldest first. */
    public synchronized List<byte[]> sent() {
        return List.copyOf(sent);
    }

    @Override
    public synchronized void close() {
        listener = null;
    }
}
