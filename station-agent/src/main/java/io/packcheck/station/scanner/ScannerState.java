package io.packcheck.station.scanner;

/** Whether the scanner can deliver scans. */
public sealed interface ScannerState {

    /** @param device the device the port resolved to, e.g. {@code /dev/ttyACM0} */
    record Connected(String device) implements ScannerState {
    }

    /** @param reason in plain words, for the packer screen and the log */
    record Offline(String reason) implements ScannerState {
    }
}
