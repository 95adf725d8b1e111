package io.packcheck.station.config;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Works out the effective station configuration from flags, environment, the config file and
 * defaults (in that order of precedence), and checks every value. The first bad setting stops it
 * with a {@link ConfigException} naming the setting, where the value came from and what is wrong.
 */
public final class ConfigResolver {

    /** Read when neither {@code --config} nor {@code PACKCHECK_CONFIG} names a file, if it exists. */
    public static final Path DEFAULT_CONFIG_FILE = Path.of("/etc/packcheck/station.json");

    static final String CONFIG_FLAG = "--config";
    static final String CONFIG_ENV = "PACKCHECK_CONFIG";

    private static final Pattern STATION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern PROFILE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Set<String> LIGHT_OUTPUTS = Set.of("green", "amber", "red", "buzzer");
    private static final int HIGHEST_BCM_PIN = 27;
    private static final Pattern HOST_NAME =
            Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]+");
    private static final int MIN_SCREEN_SECRET = 12;

    private final Map<String, String> env;
    private final Path defaultConfigFile;

    public ConfigResolver(Map<String, String> env, Path defaultConfigFile) {
        this.env = Map.copyOf(env);
        this.defaultConfigFile = defaultConfigFile;
    }

    /** Resolves with the process environment and {@link #DEFAULT_CONFIG_FILE}. */
    public static ConfigResolver fromEnvironment() {
        return new ConfigResolver(System.getenv(), DEFAULT_CONFIG_FILE);
    }

    /**
     * @param configFlag the {@code --config} flag, if given
     * @param flags      the setting flags that were given, as typed
     */
    public EffectiveConfig resolve(Optional<String> configFlag, Map<Setting, String> flags) {
        Optional<Path> file = configFile(configFlag);
        Map<Setting, String> fromFile = file.map(ConfigResolver::readFile).orElse(Map.of());
        Map<Setting, Raw> raw = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            if (flags.get(s) != null) {
                raw.put(s, new Raw(flags.get(s), Source.flag(s)));
            } else if (env.get(s.env()) != null) {
                raw.put(s, new Raw(env.get(s.env()), Source.env(s)));
            } else if (fromFile.containsKey(s)) {
                raw.put(s, new Raw(fromFile.get(s), Source.file(file.orElseThrow())));
            }
        }
        return new Checker(raw).check(file);
    }

    private Optional<Path> configFile(Optional<String> configFlag) {
        Optional<String> named = configFlag.or(() -> Optional.ofNullable(env.get(CONFIG_ENV)));
        if (named.isEmpty()) {
            return Files.isRegularFile(defaultConfigFile) ? Optional.of(defaultConfigFile) : Optional.empty();
        }
        String origin = configFlag.isPresent() ? "flag " + CONFIG_FLAG : "env " + CONFIG_ENV;
        Path path;
        try {
            path = Path.of(named.get());
        } catch (InvalidPathException e) {
            throw new ConfigException("config", "config file (" + origin + "): '" + named.get() + "' is not a path");
        }
        if (!Files.isRegularFile(path)) {
            throw new ConfigException("config", "config file (" + origin + "): " + path + " does not exist");
        }
        return Optional.of(path);
    }

    private static Map<Setting, String> readFile(Path file) {
        JsonObject json;
        try {
            json = new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException("config", "config file " + file + " cannot be read: " + e.getMessage());
        } catch (DecodeException e) {
            throw new ConfigException("config", "config file " + file + " is not a JSON object: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        Map<Setting, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : json) {
            String key = entry.getKey();
            Setting setting = Setting.byKey(key).orElseThrow(() -> new ConfigException(key,
                    "config file " + file + ": unknown setting '" + key + "'; known settings: "
                            + java.util.Arrays.stream(Setting.values()).map(Setting::key).collect(Collectors.joining(", "))));
            if (setting == Setting.TOKEN) {
                throw new ConfigException(key, "config file " + file
                        + ": token must not be written in the config file; name a tokenFile or set PACKCHECK_TOKEN");
            }
            Object value = entry.getValue();
            if (value == null) {
                continue;
            }
            values.put(setting, fileValue(file, setting, value));
        }
        return values;
    }

    /** File values become the text a flag would carry, so one parser checks all sources alike. */
    private static String fileValue(Path file, Setting setting, Object value) {
        if (value instanceof JsonObject pins && setting == Setting.LIGHT_PINS) {
            return pins.stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
        }
        if (value instanceof JsonObject || value instanceof JsonArray) {
            throw new ConfigException(setting.key(), "setting " + setting.key() + " (file " + file
                    + "): must be a single value, got " + value);
        }
        return value.toString();
    }

    private record Raw(String text, Source source) {}

    /** Parses each setting, remembering where it came from for the error message. */
    private static final class Checker {
        private final Map<Setting, Raw> raw;
        private final Map<Setting, Source> sources = new EnumMap<>(Setting.class);

        Checker(Map<Setting, Raw> raw) {
            this.raw = raw;
        }

        EffectiveConfig check(Optional<Path> file) {
            String stationId = value(Setting.STATION_ID).orElseGet(Checker::defaultStationId);
            if (!STATION_ID.matcher(stationId).matches()) {
                throw bad(Setting.STATION_ID, "'" + stationId
                        + "' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
            }
            Optional<String> scanner = value(Setting.SCANNER).filter(v -> !v.isBlank() && !v.equals("none"));
            String scannerProfile = profile(Setting.SCANNER_PROFILE);
            StationConfig.LightsMode lights = value(Setting.LIGHTS).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
                case "console" -> StationConfig.LightsMode.CONSOLE;
                case "gpio" -> StationConfig.LightsMode.GPIO;
                default -> throw bad(Setting.LIGHTS, "'" + v + "' is not a lights mode; expected console or gpio");
            }).orElse(StationConfig.LightsMode.CONSOLE);
            String lightProfile = profile(Setting.LIGHT_PROFILE);
            Map<String, Integer> pins = value(Setting.LIGHT_PINS).map(this::pins).orElse(Map.of());
            Optional<URI> hub = value(Setting.HUB).map(this::hub);
            Optional<Path> tokenFile = value(Setting.TOKEN_FILE).map(v -> path(Setting.TOKEN_FILE, v));
            Optional<Secret> token = token(tokenFile);
            if (hub.isPresent() && token.isEmpty()) {
                throw new ConfigException(Setting.TOKEN.key(), "setting token: the hub " + hub.get()
                        + " needs this station's token; give --token, PACKCHECK_TOKEN or a tokenFile");
            }
            Optional<Path> hubCa = value(Setting.HUB_CA).map(v -> path(Setting.HUB_CA, v));
            if (hubCa.isPresent() && !Files.isReadable(hubCa.get())) {
                throw bad(Setting.HUB_CA, hubCa.get() + " is not a readable PEM file");
            }
            if (hubCa.isPresent() && hub.filter(h -> !"https".equals(h.getScheme())).isPresent()) {
                throw bad(Setting.HUB_CA, "a CA file only applies to an https hub URL, and the hub is " + hub.get());
            }
            Path data = value(Setting.DATA).map(v -> path(Setting.DATA, v)).orElse(Path.of("data"));
            if (Files.exists(data) && !Files.isDirectory(data)) {
                throw bad(Setting.DATA, data + " exists and is not a directory");
            }
            int screenPort = value(Setting.SCREEN_PORT).map(v -> integer(Setting.SCREEN_PORT, v, 0, 65535)).orElse(0);
            String screenBind = value(Setting.SCREEN_BIND).map(this::screenBind).orElse(StationConfig.LOOPBACK);
            List<String> screenHosts = value(Setting.SCREEN_HOSTS).map(this::hostNames).orElse(List.of());
            Optional<Secret> screenSecret = value(Setting.SCREEN_SECRET).map(this::screenSecret);
            ZoneId zone = value(Setting.TIME_ZONE).map(v -> {
                try {
                    return ZoneId.of(v);
                } catch (DateTimeException e) {
                    throw bad(Setting.TIME_ZONE, "'" + v + "' is not a time zone; use a region such as Europe/Berlin");
                }
            }).orElseGet(ZoneId::systemDefault);
            boolean loginRequired = value(Setting.PACKER_LOGIN_REQUIRED).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw bad(Setting.PACKER_LOGIN_REQUIRED, "'" + v + "' must be true or false");
            }).orElse(false);
            boolean typedItemData = value(Setting.TYPED_ITEM_DATA).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw bad(Setting.TYPED_ITEM_DATA, "'" + v + "' must be true or false");
            }).orElse(false);
            int retentionDays = value(Setting.OUTBOX_RETENTION_DAYS)
                    .map(v -> integer(Setting.OUTBOX_RETENTION_DAYS, v, 1, 3650)).orElse(7);
            Optional<String> scale = value(Setting.SCALE).filter(v -> !v.isBlank() && !v.equals("none"));
            String scaleProfile = profile(Setting.SCALE_PROFILE, StationConfig.DEFAULT_SCALE_PROFILE);
            int settleMillis = value(Setting.SCALE_SETTLE_TIMEOUT_MILLIS)
                    .map(v -> integer(Setting.SCALE_SETTLE_TIMEOUT_MILLIS, v, 100, 60_000))
                    .orElse((int) StationConfig.DEFAULT_SCALE_SETTLE_TIMEOUT.toMillis());
            boolean requireLabel = bool(Setting.REQUIRE_LABEL);
            int tareGrams = value(Setting.DEFAULT_TARE_GRAMS).map(v -> integer(Setting.DEFAULT_TARE_GRAMS, v, 0, 100_000)).orElse(0);
            int toleranceGrams = value(Setting.WEIGHT_TOLERANCE_GRAMS)
                    .map(v -> integer(Setting.WEIGHT_TOLERANCE_GRAMS, v, 0, 100_000))
                    .orElse(StationConfig.DEFAULT_WEIGHT_TOLERANCE_GRAMS);
            double tolerancePercent = value(Setting.WEIGHT_TOLERANCE_PERCENT)
                    .map(this::percent).orElse(StationConfig.DEFAULT_WEIGHT_TOLERANCE_PERCENT);
            Optional<Pattern> labelPattern = value(Setting.LABEL_PATTERN).filter(v -> !v.isEmpty()).map(this::labelPattern);
            StationConfig config = new StationConfig(stationId, scanner, scannerProfile, lights, lightProfile, pins,
                    hub, token, tokenFile, hubCa, data, screenPort, screenBind, screenHosts, screenSecret, zone, loginRequired,
                    Duration.ofDays(retentionDays), typedItemData, scale, scaleProfile, Duration.ofMillis(settleMillis),
                    requireLabel, tareGrams, toleranceGrams, tolerancePercent, labelPattern);
            return new EffectiveConfig(config, sources, file);
        }

        private Optional<String> value(Setting s) {
            Raw r = raw.get(s);
            sources.put(s, r == null ? Source.byDefault() : r.source());
            return r == null ? Optional.empty() : Optional.of(r.text().trim());
        }

        private ConfigException bad(Setting s, String problem) {
            return new ConfigException(s.key(), "setting " + s.key() + " (" + sources.get(s) + "): " + problem);
        }

        /** A shipped profile's name, or the path of a site's own profile file (checked when it is loaded). */
        private String profile(Setting s) {
            return profile(s, "generic");
        }

        private String profile(Setting s, String fallback) {
            String name = value(s).orElse(fallback);
            if (!PROFILE.matcher(name).matches() && !name.endsWith(".json")) {
                throw bad(s, "'" + name + "' is not a profile name (lower-case letters, digits, '.', '_', '-')"
                        + " or the path of a .json profile file");
            }
            return name;
        }

        private boolean bool(Setting s) {
            return value(s).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw bad(s, "'" + v + "' must be true or false");
            }).orElse(false);
        }

        private double percent(String text) {
            double p;
            try {
                p = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw bad(Setting.WEIGHT_TOLERANCE_PERCENT, "'" + text + "' is not a number, e.g. 5 or 2.5");
            }
            if (!(p >= 0 && p <= 100)) {
                throw bad(Setting.WEIGHT_TOLERANCE_PERCENT, text + " is out of range 0-100");
            }
            return p;
        }

        private Pattern labelPattern(String text) {
            try {
                return Pattern.compile(text);
            } catch (PatternSyntaxException e) {
                throw bad(Setting.LABEL_PATTERN, "'" + text + "' is not a valid Java regular expression: "
                        + e.getDescription() + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
            }
        }

        private Map<String, Integer> pins(String text) {
            Map<String, Integer> pins = new LinkedHashMap<>();
            for (String part : text.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                String[] kv = part.split("=", 2);
                String output = kv[0].trim().toLowerCase(Locale.ROOT);
                if (kv.length != 2 || !LIGHT_OUTPUTS.contains(output)) {
                    throw bad(Setting.LIGHT_PINS, "'" + part.trim()
                            + "' must be OUTPUT=PIN with OUTPUT one of green, amber, red, buzzer");
                }
                int pin = integer(Setting.LIGHT_PINS, kv[1].trim(), 0, HIGHEST_BCM_PIN);
                if (pins.containsValue(pin)) {
                    throw bad(Setting.LIGHT_PINS, "pin " + pin + " is given to two outputs");
                }
                if (pins.put(output, pin) != null) {
                    throw bad(Setting.LIGHT_PINS, output + " is given twice");
                }
            }
            return pins;
        }

        private URI hub(String text) {
            try {
                URI uri = new URI(text);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw bad(Setting.HUB, "'" + text + "' must be an http or https URL with a host, e.g. https://hub.example:8443");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw bad(Setting.HUB, "'" + text + "' is not a URL: " + e.getReason());
            }
        }

        /** An address of this machine, so a typing slip stops the agent here rather than when the screen binds. */
        private String screenBind(String text) {
            InetAddress address;
            try {
                address = InetAddress.getByName(text.isEmpty() ? "-" : text);
            } catch (UnknownHostException e) {
                throw bad(Setting.SCREEN_BIND, "'" + text + "' is not an address or a name this machine can resolve");
            }
            try {
                if (!address.isAnyLocalAddress() && !address.isLoopbackAddress()
                        && NetworkInterface.getByInetAddress(address) == null) {
                    throw bad(Setting.SCREEN_BIND, "'" + text + "' (" + address.getHostAddress() + ") is not an address of"
                            + " this machine; use 127.0.0.1 (this machine only), one of its addresses, or 0.0.0.0 (every interface)");
                }
            } catch (SocketException e) {
                throw bad(Setting.SCREEN_BIND, "the network interfaces cannot be listed to check '" + text + "': " + e.getMessage());
            }
            return text;
        }

        private List<String> hostNames(String text) {
            List<String> names = new ArrayList<>();
            for (String part : text.split(",")) {
                String name = part.trim().toLowerCase(Locale.ROOT);
                if (name.isEmpty()) {
                    continue;
                }
                if (name.indexOf(':') >= 0 && !name.startsWith("[") && IPV6.matcher(name).matches()) {
                    name = "[" + name + "]";
                }
                if (!HOST_NAME.matcher(name).matches() && !(name.startsWith("[") && name.endsWith("]")
                        && IPV6.matcher(name.substring(1, name.length() - 1)).matches())) {
                    throw bad(Setting.SCREEN_HOSTS, "'" + part.trim()
                            + "' must be a host name or an address, without scheme or port, e.g. pack-07.warehouse.example");
                }
                names.add(name);
            }
            return names;
        }

        private Secret screenSecret(String text) {
            // said without the value: a secret must not end up in a log through its error message
            if (text.length() < MIN_SCREEN_SECRET || text.chars().anyMatch(Character::isWhitespace)) {
                throw bad(Setting.SCREEN_SECRET, "must be at least " + MIN_SCREEN_SECRET
                        + " characters without white space (it is typed once on each remote screen)");
            }
            return new Secret(text);
        }

        private Optional<Secret> token(Optional<Path> tokenFile) {
            Optional<String> direct = value(Setting.TOKEN);
            if (direct.isPresent()) {
                if (direct.get().isEmpty() || direct.get().chars().anyMatch(Character::isWhitespace)) {
                    throw bad(Setting.TOKEN, "is empty or contains white space");
                }
                return direct.map(Secret::new);
            }
            if (tokenFile.isEmpty()) {
                return Optional.empty();
            }
            Path file = tokenFile.get();
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8).trim();
            } catch (IOException e) {
                throw bad(Setting.TOKEN_FILE, file + " cannot be read: " + e.getClass().getSimpleName());
            }
            if (text.isEmpty() || text.chars().anyMatch(Character::isWhitespace)) {
                throw bad(Setting.TOKEN_FILE, file + " must hold the token alone on one line");
            }
            sources.put(Setting.TOKEN, new Source(Source.Kind.FILE, "token file " + file));
            return Optional.of(new Secret(text));
        }

        private Path path(Setting s, String text) {
            try {
                return Path.of(text);
            } catch (InvalidPathException e) {
                throw bad(s, "'" + text + "' is not a path");
            }
        }

        private int integer(Setting s, String text, int min, int max) {
            int n;
            try {
                n = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw bad(s, "'" + text + "' is not a whole number");
            }
            if (n < min || n > max) {
                throw bad(s, n + " is out of range " + min + "-" + max);
            }
            return n;
        }

        private static String defaultStationId() {
            try {
                String host = InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
                String id = host.replaceAll("[^a-z0-9._-]", "-").replaceAll("^[^a-z0-9]+", "");
                return id.isEmpty() ? "station" : id.substring(0, Math.min(64, id.length()));
            } catch (IOException e) {
                return "station";
            }
        }
    }
}
