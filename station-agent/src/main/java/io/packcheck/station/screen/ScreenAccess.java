package io.packcheck.station.screen;

import io.packcheck.station.config.Secret;
import java.util.List;
import java.util.Optional;

/**
 * Where the packer screen listens and who may type on it.
 *
 * @param bind      the address to listen on: loopback keeps the screen on the station; a wildcard (0.0.0.0) or one
 *                  of the machine's addresses lets other computers show it
 * @param hostNames further names the screen answers to, beyond the bind address and the machine's own names
 * @param secret    what a screen on another computer presents to type codes; empty: such screens only show
 */
public record ScreenAccess(String bind, List<String> hostNames, Optional<Secret> secret) {

    public ScreenAccess {
        hostNames = List.copyOf(hostNames);
    }

    /** The screen for the station's own kiosk browser only. */
    public static ScreenAccess loopback() {
        return new ScreenAccess("127.0.0.1", List.of(), Optional.empty());
    }
}
