package io.packcheck.station.config;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The station settings as command-line flags, for {@code run} and {@code config check}. Values are
 * kept as typed and checked by {@link ConfigResolver}, so a flag, an environment variable and a
 * file entry get the same checks and the same messages.
 */
public final class StationOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Station config file (JSON; env PACKCHECK_CONFIG; default /etc/packcheck/station.json if it exists).")
    String config;

    @Option(names = "--station-id", paramLabel = "ID", description = "This station's id (default: the host name).")
    String stationId;

    @Option(names = "--scanner", paramLabel = "PORT", description = "Serial port of the scanner, e.g. /dev/ttyACM0 (default: none).")
    String scanner;

    @Option(names = "--scanner-profile", paramLabel = "NAME", description = "Scanner hardware profile (default: generic).")
    String scannerProfile;

    @Option(names = "--lights", paramLabel = "console|gpio", description = "Indicator: console prints LIGHTS lines, gpio drives the tower (default: console).")
    String lights;

    @Option(names = "--light-profile", paramLabel = "NAME", description = "Light tower profile (default: generic).")
    String lightProfile;

    @Option(names = "--light-pins", paramLabel = "OUT=PIN,...", description = "BCM pins overriding the profile, e.g. green=17,amber=27,red=22,buzzer=23.")
    String lightPins;

    @Option(names = "--hub", paramLabel = "URL", description = "The hub's base URL (default: none, the station runs alone).")
    String hub;

    @Option(names = "--token", paramLabel = "TOKEN", description = "Station token for the hub (prefer --token-file or PACKCHECK_TOKEN).")
    String token;

    @Option(names = "--token-file", paramLabel = "FILE", description = "File holding the station token.")
    String tokenFile;

    @Option(names = "--hub-ca", paramLabel = "FILE", description = "PEM certificate to trust for an https hub (a private CA or the hub's own).")
    String hubCa;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory for the station database (default: data).")
    String data;

    @Option(names = "--screen-port", paramLabel = "P", description = "Packer screen HTTP port; 0: none (default: 0).")
    String screenPort;

    @Option(names = "--screen-bind", paramLabel = "ADDR",
            description = "Address the packer screen listens on; 0.0.0.0 for every interface (default: 127.0.0.1, this machine only).")
    String screenBind;

    @Option(names = "--screen-hosts", paramLabel = "NAME,...",
            description = "Further host names the packer screen answers to, e.g. pack-07.warehouse.example (default: the bind address and this machine's names).")
    String screenHosts;

    @Option(names = "--screen-secret", paramLabel = "SECRET",
            description = "Secret a screen on another computer enters to type codes; without it such screens only show (prefer PACKCHECK_SCREEN_SECRET).")
    String screenSecret;

    @Option(names = "--time-zone", paramLabel = "ZONE", description = "Time zone, e.g. Europe/Berlin (default: the system's).")
    String timeZone;

    @Option(names = "--packer-login-required", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
            description = "A packer must scan a badge before the first order (default: false).")
    String packerLoginRequired;

    @Option(names = "--typed-item-data", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
            description = "An expiry date, lot or serial may be typed as printed under the code, e.g. (17)261231 (default: false).")
    String typedItemData;

    @Option(names = "--outbox-retention-days", paramLabel = "DAYS", description = "Days confirmed events are kept (default: 7).")
    String outboxRetentionDays;

    @Option(names = "--scale", paramLabel = "PORT", description = "Serial port of the parcel scale, e.g. /dev/ttyUSB0 (default: none, parcels are not weighed).")
    String scale;

    @Option(names = "--scale-profile", paramLabel = "NAME", description = "Scale hardware profile, or the path of a .json profile (default: mt-sics).")
    String scaleProfile;

    @Option(names = "--scale-settle-timeout-millis", paramLabel = "MS",
            description = "How long a weighing waits for the scale to settle (default: 3000).")
    String scaleSettleTimeoutMillis;

    @Option(names = "--require-label", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
            description = "Every parcel needs its shipping label scanned before the order is complete (default: false).")
    String requireLabel;

    @Option(names = "--default-tare-grams", paramLabel = "G", description = "Box weight added when no box type is scanned (default: 0).")
    String defaultTareGrams;

    @Option(names = "--weight-tolerance-grams", paramLabel = "G",
            description = "A parcel may weigh this much off its expected weight, or the percentage, whichever is larger (default: 20).")
    String weightToleranceGrams;

    @Option(names = "--weight-tolerance-percent", paramLabel = "PCT",
            description = "A parcel may weigh this percentage off its expected weight, or the grams, whichever is larger (default: 5).")
    String weightTolerancePercent;

    @Option(names = "--label-pattern", paramLabel = "REGEX",
            description = "Java regular expression a scanned code must match in full to count as a shipping label (default: none).")
    String labelPattern;

    /** The config file flag, if given. */
    public Optional<String> configFile() {
        return Optional.ofNullable(config);
    }

    /** The setting flags that were given. */
    public Map<Setting, String> flags() {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        put(flags, Setting.STATION_ID, stationId);
        put(flags, Setting.SCANNER, scanner);
        put(flags, Setting.SCANNER_PROFILE, scannerProfile);
        put(flags, Setting.LIGHTS, lights);
        put(flags, Setting.LIGHT_PROFILE, lightProfile);
        put(flags, Setting.LIGHT_PINS, lightPins);
        put(flags, Setting.HUB, hub);
        put(flags, Setting.TOKEN, token);
        put(flags, Setting.TOKEN_FILE, tokenFile);
        put(flags, Setting.HUB_CA, hubCa);
        put(flags, Setting.DATA, data);
        put(flags, Setting.SCREEN_PORT, screenPort);
        put(flags, Setting.SCREEN_BIND, screenBind);
        put(flags, Setting.SCREEN_HOSTS, screenHosts);
        put(flags, Setting.SCREEN_SECRET, screenSecret);
        put(flags, Setting.TIME_ZONE, timeZone);
        put(flags, Setting.PACKER_LOGIN_REQUIRED, packerLoginRequired);
        put(flags, Setting.OUTBOX_RETENTION_DAYS, outboxRetentionDays);
        put(flags, Setting.TYPED_ITEM_DATA, typedItemData);
        put(flags, Setting.SCALE, scale);
        put(flags, Setting.SCALE_PROFILE, scaleProfile);
        put(flags, Setting.SCALE_SETTLE_TIMEOUT_MILLIS, scaleSettleTimeoutMillis);
        put(flags, Setting.REQUIRE_LABEL, requireLabel);
        put(flags, Setting.DEFAULT_TARE_GRAMS, defaultTareGrams);
        put(flags, Setting.WEIGHT_TOLERANCE_GRAMS, weightToleranceGrams);
        put(flags, Setting.WEIGHT_TOLERANCE_PERCENT, weightTolerancePercent);
        put(flags, Setting.LABEL_PATTERN, labelPattern);
        return flags;
    }

    /** The effective configuration: these flags over the process environment over the config file. */
    public EffectiveConfig resolve() {
        return resolve(ConfigResolver.fromEnvironment());
    }

    public EffectiveConfig resolve(ConfigResolver resolver) {
        return resolver.resolve(configFile(), flags());
    }

    private static void put(Map<Setting, String> flags, Setting setting, String value) {
        if (value != null) {
            flags.put(setting, value);
        }
    }
}
