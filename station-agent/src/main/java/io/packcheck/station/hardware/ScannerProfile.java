package io.packcheck.station.hardware;

import io.packcheck.station.scanner.Framing;
import io.packcheck.station.scanner.SerialSettings;
import java.util.Optional;

/**
 * One scanner model as the station must talk to it.
 *
 * @param id         the profile name, e.g. {@code zebra-ds2208-usb-cdc}
 * @param model      maker and model for people
 * @param connection how it is attached
 * @param serial     line settings (ignored by USB CDC devices, applied anyway)
 * @param framing    how scans are cut out of the byte stream
 * @param aimIds     whether the firmware notes set the scanner to send AIM symbology ids
 * @param badScan    bytes that make the handheld signal an error, when the model has such a command
 */
public record ScannerProfile(String id, String model, Connection connection, SerialSettings serial, Framing framing,
        boolean aimIds, Optional<byte[]> badScan) {

    /** How a scanner is attached to the Pi. */
    public enum Connection { USB_CDC, RS232 }
}
