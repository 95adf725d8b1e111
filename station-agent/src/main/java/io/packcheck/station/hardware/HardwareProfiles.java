package io.packcheck.station.hardware;

import io.packcheck.station.lights.Condition;
import io.packcheck.station.lights.Output;
import io.packcheck.station.lights.OutputPin;
import io.packcheck.station.lights.Pattern;
import io.packcheck.station.lights.Signal;
import io.packcheck.station.lights.SignalPatterns;
import io.packcheck.station.lights.TowerState;
import io.packcheck.station.scale.ScaleProtocol;
import io.packcheck.station.scanner.Framing;
import io.packcheck.station.scanner.SerialSettings;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads and validates hardware profiles: the ones shipped in the jar (from {@code hardware-profiles/}) by
 * name, or a site's own file by path. Any problem stops with a {@link ProfileException} naming the file
 * and the field; unknown fields are errors too, so a typo cannot silently fall back to a default.
 */
public final class HardwareProfiles {

    private static final String ROOT = "hardware-profiles/";

    private HardwareProfiles() {
    }

    /** The names of the scanner profiles shipped in the jar. */
    public static List<String> scannerNames() {
        return index().getJsonArray("scanners").stream().map(Object::toString).toList();
    }

    /** The names of the light profiles shipped in the jar. */
    public static List<String> lightNames() {
        return index().getJsonArray("lights").stream().map(Object::toString).toList();
    }

    /** The names of the scale profiles shipped in the jar. */
    public static List<String> scaleNames() {
        return index().getJsonArray("scales").stream().map(Object::toString).toList();
    }

    /** A shipped scanner profile by name, or a profile file by path. */
    public static ScannerProfile scanner(String nameOrPath) {
        Source s = source(nameOrPath, "scanners", scannerNames(), "scanner");
        return parseScanner(s.file(), s.text());
    }

    /**
     * A shipped light profile by name, or by a name it had before (see {@link LightProfile#formerIds()}), or a
     * profile file by path.
     */
    public static LightProfile lights(String nameOrPath) {
        String name = renamedLight(nameOrPath).orElse(nameOrPath);
        Source s = source(name, "lights", lightNames(), "light");
        return parseLights(s.file(), s.text());
    }

    /** The shipped light profile that carried {@code oldName} before it was renamed, if one did. */
    private static Optional<String> renamedLight(String oldName) {
        List<String> current = lightNames();
        if (current.contains(oldName) || oldName.endsWith(".json") || Files.exists(Path.of(oldName))) {
            return Optional.empty();
        }
        return current.stream().filter(name -> {
            String resource = ROOT + "lights/" + name + ".json";
            return parseLights(resource, resource(resource)).formerIds().contains(oldName);
        }).findFirst();
    }

    /** A shipped scale profile by name, or a profile file by path. */
    public static ScaleProfile scale(String nameOrPath) {
        Source s = source(nameOrPath, "scales", scaleNames(), "scale");
        return parseScale(s.file(), s.text());
    }

    private record Source(String file, String text) {
    }

    private static Source source(String nameOrPath, String folder, List<String> known, String kind) {
        Path path = Path.of(nameOrPath);
        if (nameOrPath.endsWith(".json") || Files.exists(path)) {
            try {
                return new Source(nameOrPath, Files.readString(path, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new ProfileException(nameOrPath, "(file)", "cannot read: " + e.getMessage());
            }
        }
        if (!known.contains(nameOrPath)) {
            throw new ProfileException(nameOrPath, "(name)", "unknown " + kind + " profile; known: "
                    + String.join(", ", known) + " (or give the path of a .json file)");
        }
        String resource = ROOT + folder + "/" + nameOrPath + ".json";
        return new Source(resource, resource(resource));
    }

    private static JsonObject index() {
        return new JsonObject(resource(ROOT + "index.json"));
    }

    private static String resource(String name) {
        try (InputStream in = HardwareProfiles.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new ProfileException(name, "(file)", "missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProfileException(name, "(file)", "cannot read: " + e.getMessage());
        }
    }

    static ScannerProfile parseScanner(String file, String text) {
        Fields root = Fields.of(file, text);
        root.only("id", "model", "connection", "serial", "framing", "aimIds", "hostCommands", "notes");
        String id = root.string("id");
        String model = root.string("model");
        ScannerProfile.Connection connection = root.choice("connection", ScannerProfile.Connection.class);

        Fields serial = root.object("serial");
        serial.only("baud", "dataBits", "parity", "stopBits", "flowControl");
        SerialSettings settings = serial.build("serial", () -> new SerialSettings(serial.integer("baud"),
                serial.integer("dataBits"), serial.choice("parity", SerialSettings.Parity.class),
                serial.integer("stopBits"), serial.choice("flowControl", SerialSettings.FlowControl.class)));

        Fields framing = root.object("framing");
        framing.only("terminator", "gapMs", "prefixHex", "suffixHex", "maxLength");
        Framing frames = framing.build("framing", () -> new Framing(
                framing.choice("terminator", Framing.Terminator.class),
                Duration.ofMillis(framing.optionalInteger("gapMs").orElse(50)),
                framing.hex("prefixHex").orElse(new byte[0]),
                framing.hex("suffixHex").orElse(new byte[0]),
                framing.optionalInteger("maxLength").orElse(Framing.DEFAULT_MAX_LENGTH)));

        boolean aim = root.bool("aimIds");
        Optional<byte[]> badScan = Optional.empty();
        if (root.has("hostCommands")) {
            Fields commands = root.object("hostCommands");
            commands.only("badScanHex");
            badScan = commands.hex("badScanHex");
        }
        return new ScannerProfile(id, model, connection, settings, frames, aim, badScan);
    }

    static ScaleProfile parseScale(String file, String text) {
        Fields root = Fields.of(file, text);
        root.only("id", "model", "protocol", "serial", "checksum", "notes");
        String id = root.string("id");
        String model = root.string("model");
        ScaleProtocol protocol = root.choice("protocol", ScaleProtocol.class);
        Fields serial = root.object("serial");
        serial.only("baud", "dataBits", "parity", "stopBits", "flowControl");
        SerialSettings settings = serial.build("serial", () -> new SerialSettings(serial.integer("baud"),
                serial.integer("dataBits"), serial.choice("parity", SerialSettings.Parity.class),
                serial.integer("stopBits"), serial.choice("flowControl", SerialSettings.FlowControl.class)));
        boolean checksum = root.has("checksum") && root.bool("checksum");
        if (root.has("checksum") && protocol != ScaleProtocol.TOLEDO_CONTINUOUS) {
            throw new ProfileException(file, "checksum", "only applies to protocol "
                    + ScaleProtocol.TOLEDO_CONTINUOUS.key() + ", and this profile's protocol is " + protocol.key());
        }
        return new ScaleProfile(id, model, protocol, settings, checksum);
    }

    static LightProfile parseLights(String file, String text) {
        Fields root = Fields.of(file, text);
        root.only("id", "formerIds", "board", "outputs", "button", "signals", "conditions", "notes");
        String id = root.string("id");
        List<String> formerIds = root.has("formerIds") ? root.strings("formerIds") : List.of();
        String board = root.string("board");

        Fields outputs = root.object("outputs");
        outputs.only(keys(Output.values()));
        Map<Output, OutputPin> pins = new EnumMap<>(Output.class);
        Map<Integer, String> used = new HashMap<>();
        for (Output o : Output.values()) {
            if (outputs.has(o.key())) {
                Fields pin = outputs.object(o.key());
                pin.only("bcm", "activeLow");
                OutputPin p = pin.build("outputs." + o.key(), () -> new OutputPin(pin.integer("bcm"), pin.bool("activeLow")));
                String other = used.put(p.bcm(), o.key());
                if (other != null) {
                    throw new ProfileException(file, "outputs." + o.key() + ".bcm",
                            "BCM " + p.bcm() + " is already used by " + other);
                }
                pins.put(o, p);
            }
        }
        if (pins.isEmpty()) {
            throw new ProfileException(file, "outputs", "no output is wired");
        }

        Optional<LightProfile.ButtonPin> button = Optional.empty();
        if (root.has("button")) {
            Fields b = root.object("button");
            b.only("bcm", "activeLow", "debounceMs");
            int bcm = b.integer("bcm");
            if (used.containsKey(bcm)) {
                throw new ProfileException(file, "button.bcm", "BCM " + bcm + " is already used by " + used.get(bcm));
            }
            b.build("button.bcm", () -> new OutputPin(bcm, false)); // same header range rule as the outputs
            int settle = b.optionalInteger("debounceMs").orElse(30);
            if (settle < 1 || settle > 1000) {
                throw new ProfileException(file, "button.debounceMs", "must be between 1 and 1000, was " + settle);
            }
            button = Optional.of(new LightProfile.ButtonPin(bcm, b.bool("activeLow"), Duration.ofMillis(settle)));
        }

        Map<Signal, TowerState> signals = new EnumMap<>(Signal.class);
        if (root.has("signals")) {
            Fields s = root.object("signals");
            s.only(keys(Signal.values()));
            for (Signal signal : Signal.values()) {
                if (s.has(signal.key())) {
                    signals.put(signal, towerState(s.object(signal.key())));
                }
            }
        }
        Map<Condition, TowerState> conditions = new EnumMap<>(Condition.class);
        if (root.has("conditions")) {
            Fields c = root.object("conditions");
            c.only(keys(Condition.values()));
            for (Condition condition : Condition.values()) {
                if (c.has(condition.key())) {
                    conditions.put(condition, towerState(c.object(condition.key())));
                }
            }
        }
        return new LightProfile(id, formerIds, board, pins, button,
                SignalPatterns.defaults().overriddenBy(signals, conditions));
    }

    private static TowerState towerState(Fields f) {
        f.only(keys(Output.values()));
        TowerState state = TowerState.ALL_OFF;
        for (Output o : Output.values()) {
            if (f.has(o.key())) {
                String text = f.string(o.key());
                state = state.with(o, f.build(f.name(o.key()), () -> Pattern.parse(text)));
            }
        }
        return state;
    }

    private static String[] keys(Enum<?>[] values) {
        String[] keys = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            keys[i] = values[i].name().toLowerCase(Locale.ROOT);
        }
        return keys;
    }

    /** One JSON object of a profile, with the dotted path of its fields for error messages. */
    private record Fields(String file, String path, JsonObject json) {

        static Fields of(String file, String text) {
            try {
                return new Fields(file, "", new JsonObject(text));
            } catch (DecodeException e) {
                throw new ProfileException(file, "(json)", "not valid JSON: " + e.getMessage());
            }
        }

        String name(String field) {
            return path.isEmpty() ? field : path + "." + field;
        }

        boolean has(String field) {
            return json.containsKey(field);
        }

        void only(String... allowed) {
            Set<String> ok = Set.of(allowed);
            for (String key : json.fieldNames()) {
                if (!ok.contains(key)) {
                    throw new ProfileException(file, name(key), "unknown field; allowed: " + String.join(", ", allowed));
                }
            }
        }

        private Object required(String field) {
            Object v = json.getValue(field);
            if (v == null) {
                throw new ProfileException(file, name(field), "is required");
            }
            return v;
        }

        String string(String field) {
            Object v = required(field);
            if (!(v instanceof String s) || s.isBlank()) {
                throw new ProfileException(file, name(field), "must be a non-empty string, was " + v);
            }
            return s;
        }

        List<String> strings(String field) {
            Object v = required(field);
            if (!(v instanceof JsonArray array)) {
                throw new ProfileException(file, name(field), "must be a list of names, was " + v);
            }
            List<String> names = new ArrayList<>();
            for (Object item : array) {
                if (!(item instanceof String s) || s.isBlank()) {
                    throw new ProfileException(file, name(field), "must be a list of non-empty names, found " + item);
                }
                names.add(s);
            }
            return List.copyOf(names);
        }

        int integer(String field) {
            Object v = required(field);
            if (!(v instanceof Integer i)) {
                throw new ProfileException(file, name(field), "must be a whole number, was " + v);
            }
            return i;
        }

        Optional<Integer> optionalInteger(String field) {
            return has(field) ? Optional.of(integer(field)) : Optional.empty();
        }

        boolean bool(String field) {
            Object v = required(field);
            if (!(v instanceof Boolean b)) {
                throw new ProfileException(file, name(field), "must be true or false, was " + v);
            }
            return b;
        }

        <E extends Enum<E>> E choice(String field, Class<E> type) {
            String s = string(field);
            try {
                return Enum.valueOf(type, s.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                List<String> allowed = java.util.Arrays.stream(type.getEnumConstants())
                        .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
                throw new ProfileException(file, name(field), "must be one of " + allowed + ", was '" + s + "'");
            }
        }

        Optional<byte[]> hex(String field) {
            if (!has(field)) {
                return Optional.empty();
            }
            Object v = json.getValue(field);
            if (!(v instanceof String s)) {
                throw new ProfileException(file, name(field), "must be a string of hex bytes like \"16 4D 0D\", was " + v);
            }
            try {
                return Optional.of(HexFormat.of().parseHex(s.replace(" ", "")));
            } catch (IllegalArgumentException e) {
                throw new ProfileException(file, name(field), "must be hex bytes like \"16 4D 0D\", was '" + s + "'");
            }
        }

        Fields object(String field) {
            Object v = required(field);
            if (!(v instanceof JsonObject o)) {
                throw new ProfileException(file, name(field), "must be an object, was " + v);
            }
            return new Fields(file, name(field), o);
        }

        /** Runs a constructor that validates, turning its complaint into one naming {@code where}. */
        <T> T build(String where, java.util.function.Supplier<T> constructor) {
            try {
                return constructor.get();
            } catch (IllegalArgumentException e) {
                throw new ProfileException(file, where, e.getMessage());
            }
        }
    }
}
