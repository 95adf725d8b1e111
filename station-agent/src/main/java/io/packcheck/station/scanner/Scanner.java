package io.packcheck.station.scanner;

/** A barcode scanner the station reads scans from (port). */
public interface Scanner extends AutoCloseable {

    /** Starts delivering frames and state changes to {@code listener}; connects in the background. */
    void start(ScanListener listener);

    ScannerState state();

    /** Sends a host command (e.g. the profile's bad-scan beep); false when the scanner is offline. */
    boolean send(byte[] hostCommand);

    /** Stops delivering frames for good; the adapter releases the device (at once or, if it must, later). */
    @Override
    void close();
}
