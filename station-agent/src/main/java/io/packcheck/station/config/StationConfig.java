package io.packcheck.station.config;

import io.packcheck.core.label.ShippingLabels;
import io.packcheck.core.verify.ParcelPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

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
 * @param scale               the serial port of the parcel scale; empty: parcels are not weighed
 * @param scaleProfile        the hardware profile of the scale model (a shipped name or a .json path)
 * @param scaleSettleTimeout  how long one weighing waits for the scale to settle
 * @param requireLabel        whether every parcel needs its shipping label scanned before the order is complete
 * @param defaultTareGrams    the box weight counted when no box type was scanned
 * @param weightToleranceGrams   how far a parcel may weigh off its expected weight, at least
 * @param weightTolerancePercent how far, as a percentage of the expected weight, when that is more than the grams
 * @param labelPattern        a scanned code matching this in full is a shipping label; empty: none is recognised this way
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
        boolean typedItemData,
        Optional<String> scale,
        String scaleProfile,
        Duration scaleSettleTimeout,
        boolean requireLabel,
        int defaultTareGrams,
        int weightToleranceGrams,
        double weightTolerancePercent,
        Optional<Pattern> labelPattern) {

    /** The packer screen's default address: this machine only. */
    public static final String LOOPBACK = "127.0.0.1";
    /** The scale profile used when none is named. */
    public static final String DEFAULT_SCALE_PROFILE = "mt-sics";
    public static final Duration DEFAULT_SCALE_SETTLE_TIMEOUT = Duration.ofMillis(3000);
    public static final int DEFAULT_WEIGHT_TOLERANCE_GRAMS = 20;
    public static final double DEFAULT_WEIGHT_TOLERANCE_PERCENT = 5;

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

    /** A station without a scale, on the default weighing settings. */
    public StationConfig(String stationId, Optional<String> scannerPort, String scannerProfile, LightsMode lights,
                         String lightProfile, Map<String, Integer> lightPins, Optional<URI> hub, Optional<Secret> token,
                         Optional<Path> tokenFile, Optional<Path> hubCa, Path dataDir, int screenPort, String screenBind,
                         List<String> screenHosts, Optional<Secret> screenSecret, ZoneId timeZone,
                         boolean packerLoginRequired, Duration outboxRetention, boolean typedItemData) {
        this(stationId, scannerPort, scannerProfile, lights, lightProfile, lightPins, hub, token, tokenFile, hubCa,
                dataDir, screenPort, screenBind, screenHosts, screenSecret, timeZone, packerLoginRequired, outboxRetention,
                typedItemData, Optional.empty(), DEFAULT_SCALE_PROFILE, DEFAULT_SCALE_SETTLE_TIMEOUT, false, 0,
                DEFAULT_WEIGHT_TOLERANCE_GRAMS, DEFAULT_WEIGHT_TOLERANCE_PERCENT, Optional.empty());
    }

    /** This configuration with a scale on {@code port} read with {@code profile}. */
    public StationConfig withScale(String port, String profile) {
        return new StationConfig(stationId, scannerPort, scannerProfile, lights, lightProfile, lightPins, hub, token,
                tokenFile, hubCa, dataDir, screenPort, screenBind, screenHosts, screenSecret, timeZone, packerLoginRequired,
                outboxRetention, typedItemData, Optional.of(port), profile, scaleSettleTimeout, requireLabel,
                defaultTareGrams, weightToleranceGrams, weightTolerancePercent, labelPattern);
    }

    /** How this station closes parcels: weighed when a scale is configured, labels as the settings say. */
    public ParcelPolicy parcelPolicy() {
        return new ParcelPolicy(scale.isPresent(), requireLabel, defaultTareGrams, weightToleranceGrams,
                weightTolerancePercent, new ShippingLabels(labelPattern));
    }

    /** How the indicator is driven. */
    public enum LightsMode {
        CONSOLE,
        GPIO
    }
}
