package io.packcheck.station.hardware;

import io.packcheck.station.scale.ScaleProtocol;
import io.packcheck.station.scanner.SerialSettings;

/**
 * One scale model as the station must talk to it.
 *
 * @param id       the profile name, e.g. {@code mt-sics}
 * @param model    maker and model for people
 * @param protocol what the scale speaks on its serial port
 * @param serial   line settings (the scale must be set to the same)
 * @param checksum for {@link ScaleProtocol#TOLEDO_CONTINUOUS}: whether each frame ends with a checksum byte
 */
public record ScaleProfile(String id, String model, ScaleProtocol protocol, SerialSettings serial, boolean checksum) {
}
