package io.packcheck.station.config;

/**
 * Every station setting with the names it goes by: the key in the config file, the command-line
 * flag and the environment variable. Precedence: flag, then environment, then file, then default.
 */
public enum Setting {
    STATION_ID("stationId", "--station-id", "PACKCHECK_STATION_ID"),
    SCANNER("scanner", "--scanner", "PACKCHECK_SCANNER"),
    SCANNER_PROFILE("scannerProfile", "--scanner-profile", "PACKCHECK_SCANNER_PROFILE"),
    LIGHTS("lights", "--lights", "PACKCHECK_LIGHTS"),
    LIGHT_PROFILE("lightProfile", "--light-profile", "PACKCHECK_LIGHT_PROFILE"),
    LIGHT_PINS("lightPins", "--light-pins", "PACKCHECK_LIGHT_PINS"),
    HUB("hub", "--hub", "PACKCHECK_HUB"),
    TOKEN("token", "--token", "PACKCHECK_TOKEN"),
    TOKEN_FILE("tokenFile", "--token-file", "PACKCHECK_TOKEN_FILE"),
    HUB_CA("hubCa", "--hub-ca", "PACKCHECK_HUB_CA"),
    DATA("data", "--data", "PACKCHECK_DATA"),
    SCREEN_PORT("screenPort", "--screen-port", "PACKCHECK_SCREEN_PORT"),
    SCREEN_BIND("screenBind", "--screen-bind", "PACKCHECK_SCREEN_BIND"),
    SCREEN_HOSTS("screenHosts", "--screen-hosts", "PACKCHECK_SCREEN_HOSTS"),
    SCREEN_SECRET("screenSecret", "--screen-secret", "PACKCHECK_SCREEN_SECRET"),
    TIME_ZONE("timeZone", "--time-zone", "PACKCHECK_TIME_ZONE"),
    PACKER_LOGIN_REQUIRED("packerLoginRequired", "--packer-login-required", "PACKCHECK_PACKER_LOGIN_REQUIRED"),
    OUTBOX_RETENTION_DAYS("outboxRetentionDays", "--outbox-retention-days", "PACKCHECK_OUTBOX_RETENTION_DAYS"),
    TYPED_ITEM_DATA("typedItemData", "--typed-item-data", "PACKCHECK_TYPED_ITEM_DATA"),
    SCALE("scale", "--scale", "PACKCHECK_SCALE"),
    SCALE_PROFILE("scaleProfile", "--scale-profile", "PACKCHECK_SCALE_PROFILE"),
    SCALE_SETTLE_TIMEOUT_MILLIS("scaleSettleTimeoutMillis", "--scale-settle-timeout-millis", "PACKCHECK_SCALE_SETTLE_TIMEOUT_MILLIS"),
    REQUIRE_LABEL("requireLabel", "--require-label", "PACKCHECK_REQUIRE_LABEL"),
    DEFAULT_TARE_GRAMS("defaultTareGrams", "--default-tare-grams", "PACKCHECK_DEFAULT_TARE_GRAMS"),
    WEIGHT_TOLERANCE_GRAMS("weightToleranceGrams", "--weight-tolerance-grams", "PACKCHECK_WEIGHT_TOLERANCE_GRAMS"),
    WEIGHT_TOLERANCE_PERCENT("weightTolerancePercent", "--weight-tolerance-percent", "PACKCHECK_WEIGHT_TOLERANCE_PERCENT"),
    LABEL_PATTERN("labelPattern", "--label-pattern", "PACKCHECK_LABEL_PATTERN");

    private final String key;
    private final String flag;
    private final String env;

    Setting(String key, String flag, String env) {
        this.key = key;
        this.flag = flag;
        this.env = env;
    }

    /** The key in the JSON config file. */
    public String key() {
        return key;
    }

    public String flag() {
        return flag;
    }

    public String env() {
        return env;
    }

    /** Secrets are never printed or logged. */
    public boolean secret() {
        return this == TOKEN || this == SCREEN_SECRET;
    }

    static java.util.Optional<Setting> byKey(String key) {
        for (Setting s : values()) {
            if (s.key.equals(key)) {
                return java.util.Optional.of(s);
            }
        }
        return java.util.Optional.empty();
    }
}
