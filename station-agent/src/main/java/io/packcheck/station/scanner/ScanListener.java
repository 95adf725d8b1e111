package io.packcheck.station.scanner;

/**
 * Receives frames and state changes from a scanner. Frames arrive on the reader thread, which reads
 * nothing else until the call returns: keep it short (verify, signal, hand the rest to a queue).
 */
public interface ScanListener {

    void onFrame(Frame frame);

    default void onStateChange(ScannerState state) {
    }
}
