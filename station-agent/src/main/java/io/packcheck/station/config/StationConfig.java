package io.packcheck.station.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The station's effective configuration, checked: every value here is usable.
 *
 * @param scannerPort         the serial port of the scanner (e.g. /dev/ttyACM0); empty: keyboard-wedge or typed codes only
 * @param scannerProfile      the hardware profile of the scanner model
 * @param lights              console prints LIGHTS lines; gpio drives the light tower
 * @param lightPins           BCM pin per output (green, amber, red, buzzer) overriding the light profile's
 * @param hub                 the hub's base URL; empty: the station runs alone
 * @param token               the station token for the hub
 * @param dataDir             where the station's SQLite file lives
 * @param hubCa               PEM certificate (a private CA or the hub's self-signed one) to trust for an https hub
 * @param screenPort          the packer screen's HTTP port; 0: no screen
 * @param screenBind          the address the screen listens on: loopback (this machine only), one of the machine's
 *                            addresses, or a wildcard (0.0.0.0, ::) for every interface
 * @param screenHosts         host names, beyond the bind address and the machine's own names, that the screen answers to
 * @param screenSecret        what a screen on another computer presents to type codes; empty: such screens only show
 * @param timeZone            for dates on the screen and the GS1 date window
 * @param packerLoginRequired whether a packer must scan a badge before the first order
 * @param outboxRetention     how long confirmed events stay before the housekeeper purges them
 * @param typedItemData       whether an item's expiry date, lot or serial may be typed instead of scanned
 */
public record StationConfig(
        String stationId,
        Optional<String> scannerPort,
        String scannerProfile,
        LightsMode lights,
        String lightProfile,
        Map<String, Integer> lightPins,
        Optional<URI> hub,
        Optional<Secret> token,
        Optional<Path> tokenFile,
        Optional<Path> hubCa,
        Path dataDir,
        int screenPort,
        String screenBind,
        List<String> screenHosts,
        Optional<Secret> screenSecret,
        ZoneId timeZone,
        boolean packerLoginRequired,
        Duration outboxRetention,
        boolean typedItemData) {

    /** The packer screen's default address: this machine only. */
    public static final String LOOPBACK = "127.0.0.1";

    public StationConfig {
        lightPins = Map.copyOf(lightPins);
        screenHosts = List.copyOf(screenHosts);
    }

    /**
     * A station whose packer screen, if any, is served to this machine only, and where an item's data comes only
     * from a scanned GS1 code.
     */
    public StationConfig(String stationId, Optional<String> scannerPort, String scannerProfile, LightsMode lights,
                         String lightProfile, Map<String, Integer> lightPins, Optional<URI> hub, Optional<Secret> token,
                         Optional<Path> tokenFile, Optional<Path> hubCa, Path dataDir, int screenPort, ZoneId timeZone,
                         boolean packerLoginRequired, Duration outboxRetention) {
        this(stationId, scannerPort, scannerProfile, lights, lightProfile, lightPins, hub, token, tokenFile, hubCa,
                dataDir, screenPort, LOOPBACK, List.of(), Optional.empty(), timeZone, packerLoginRequired, outboxRetention,
                false);
    }

    /** How the indicator is driven. */
    public enum LightsMode {
        CONSOLE,
        GPIO
    }
}
