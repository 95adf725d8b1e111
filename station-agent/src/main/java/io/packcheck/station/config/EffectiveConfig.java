package io.packcheck.station.config;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The checked configuration plus where each value came from. */
public record EffectiveConfig(StationConfig config, Map<Setting, Source> sources, Optional<java.nio.file.Path> file) {

    public EffectiveConfig {
        sources = new EnumMap<>(sources);
    }

    public Source source(Setting setting) {
        return sources.get(setting);
    }

    /** One line per setting, {@code key = value (source)}; the token is masked. */
    public List<String> describe() {
        StationConfig c = config;
        List<String> lines = new ArrayList<>();
        line(lines, Setting.STATION_ID, c.stationId());
        line(lines, Setting.SCANNER, c.scannerPort().orElse("(none: typed or keyboard-wedge codes only)"));
        line(lines, Setting.SCANNER_PROFILE, c.scannerProfile());
        line(lines, Setting.LIGHTS, c.lights().name().toLowerCase(java.util.Locale.ROOT));
        line(lines, Setting.LIGHT_PROFILE, c.lightProfile());
        line(lines, Setting.LIGHT_PINS, c.lightPins().isEmpty() ? "(from the light profile)"
                : new TreeMap<>(c.lightPins()).entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")));
        line(lines, Setting.HUB, c.hub().map(Object::toString).orElse("(none: the station runs alone)"));
        line(lines, Setting.TOKEN, c.token().map(Secret::toString).orElse("(none)"));
        line(lines, Setting.TOKEN_FILE, c.tokenFile().map(Object::toString).orElse("(none)"));
        line(lines, Setting.HUB_CA, c.hubCa().map(Object::toString).orElse("(the JVM's trust store)"));
        line(lines, Setting.DATA, c.dataDir().toString());
        line(lines, Setting.SCREEN_PORT, c.screenPort() == 0 ? "0 (no packer screen)" : Integer.toString(c.screenPort()));
        line(lines, Setting.SCREEN_BIND, c.screenBind() + screenReach(c.screenBind()));
        line(lines, Setting.SCREEN_HOSTS, c.screenHosts().isEmpty() ? "(the bind address and this machine's names)"
                : String.join(",", c.screenHosts()));
        line(lines, Setting.SCREEN_SECRET, c.screenSecret().map(Secret::toString)
                .orElse("(none: screens on other computers only show)"));
        line(lines, Setting.TIME_ZONE, c.timeZone().getId());
        line(lines, Setting.PACKER_LOGIN_REQUIRED, Boolean.toString(c.packerLoginRequired()));
        line(lines, Setting.OUTBOX_RETENTION_DAYS, Long.toString(c.outboxRetention().toDays()));
        line(lines, Setting.TYPED_ITEM_DATA, Boolean.toString(c.typedItemData()));
        line(lines, Setting.SCALE, c.scale().orElse("(none: parcels are not weighed)"));
        line(lines, Setting.SCALE_PROFILE, c.scaleProfile());
        line(lines, Setting.SCALE_SETTLE_TIMEOUT_MILLIS, Long.toString(c.scaleSettleTimeout().toMillis()));
        line(lines, Setting.REQUIRE_LABEL, Boolean.toString(c.requireLabel()));
        line(lines, Setting.DEFAULT_TARE_GRAMS, Integer.toString(c.defaultTareGrams()));
        line(lines, Setting.WEIGHT_TOLERANCE_GRAMS, Integer.toString(c.weightToleranceGrams()));
        line(lines, Setting.WEIGHT_TOLERANCE_PERCENT, new java.math.BigDecimal(Double.toString(c.weightTolerancePercent()))
                .stripTrailingZeros().toPlainString());
        line(lines, Setting.LABEL_PATTERN, c.labelPattern().map(java.util.regex.Pattern::pattern).orElse("(none)"));
        return lines;
    }

    private static String screenReach(String bind) {
        try {
            java.net.InetAddress address = java.net.InetAddress.getByName(bind);
            return address.isLoopbackAddress() ? " (this machine only)"
                    : address.isAnyLocalAddress() ? " (every interface)" : "";
        } catch (java.net.UnknownHostException e) {
            return "";
        }
    }

    private void line(List<String> lines, Setting setting, String value) {
        lines.add(String.format("%-24s = %-40s (%s)", setting.key(), value, sources.get(setting)));
    }
}
