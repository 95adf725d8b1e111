package io.packcheck.station.store;

import io.packcheck.core.catalog.Order;
import io.packcheck.core.catalog.OrderLine;
import io.packcheck.core.catalog.OrderStatus;
import io.packcheck.core.verify.PackSession;
import io.packcheck.core.verify.PackEvent.Parcel;
import io.packcheck.core.verify.PackSession.AwaitingData;
import io.packcheck.core.verify.PackSession.Closing;
import io.packcheck.core.verify.PackSession.CurrentParcel;
import io.packcheck.core.verify.PackSession.ItemData;
import io.packcheck.core.verify.PackSession.Lock;
import io.packcheck.core.verify.PackSession.Packed;
import io.packcheck.core.verify.PackSession.Pending;
import io.packcheck.core.verify.PackSession.Refused;
import io.packcheck.core.verify.Verdict;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The pack session as JSON, for the session store. Every component is written, so a restored session
 * equals the one stored; a damaged row is refused with the field that is wrong, never half read.
 * A component added later is optional in the JSON, so a session stored by an older agent still reads.
 */
public final class PackSessionJson implements SessionCodec<PackSession> {

    @Override
    public String encode(PackSession s) {
        JsonObject json = new JsonObject().put("stationId", s.stationId());
        s.packer().ifPresent(p -> json.put("packer", p));
        s.order().ifPresent(o -> json.put("order", order(o)));
        JsonArray packed = new JsonArray();
        s.packed().forEach(p -> packed.add(packed(p)));
        json.put("packed", packed);
        s.lock().ifPresent(l -> json.put("lock", lock(l)));
        s.pending().ifPresent(p -> json.put("pending", pending(p)));
        s.awaiting().ifPresent(a -> json.put("awaiting", awaiting(a)));
        if (!s.parcels().isEmpty()) {
            JsonArray parcels = new JsonArray();
            s.parcels().forEach(p -> parcels.add(parcel(p)));
            json.put("parcels", parcels);
        }
        if (!s.current().equals(CurrentParcel.EMPTY)) {
            json.put("current", current(s.current()));
        }
        return json.encode();
    }

    @Override
    public PackSession decode(String text) {
        JsonObject json;
        try {
            json = new JsonObject(text);
        } catch (DecodeException e) {
            throw new IllegalArgumentException("pack session: not a JSON object: " + e.getMessage(), e);
        }
        Fields f = new Fields("pack session", json);
        List<Packed> packed = new ArrayList<>();
        JsonArray array = f.array("packed");
        for (int i = 0; i < array.size(); i++) {
            packed.add(packed(f.element("packed", array, i)));
        }
        List<Parcel> parcels = new ArrayList<>();
        JsonArray closed = f.optionalArray("parcels");
        for (int i = 0; i < closed.size(); i++) {
            Fields p = f.element("parcels", closed, i);
            parcels.add(p.build("parcel", () -> parcel(p)));
        }
        CurrentParcel current = f.optionalObject("current").map(PackSessionJson::current).orElse(CurrentParcel.EMPTY);
        try {
            return new PackSession(
                    f.string("stationId"),
                    f.optionalString("packer"),
                    f.optionalObject("order").map(PackSessionJson::order),
                    packed,
                    f.optionalObject("lock").map(PackSessionJson::lock),
                    f.optionalObject("pending").map(PackSessionJson::pending),
                    f.optionalObject("awaiting").map(PackSessionJson::awaiting),
                    parcels,
                    current);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("pack session")) {
                throw e;
            }
            throw new IllegalArgumentException("pack session: " + e.getMessage(), e);
        }
    }

    private static JsonObject order(Order o) {
        JsonArray lines = new JsonArray();
        o.lines().forEach(l -> lines.add(new JsonObject().put("sku", l.sku()).put("quantity", l.quantity())));
        JsonObject json = new JsonObject()
                .put("id", o.id())
                .put("version", o.version())
                .put("lines", lines)
                .put("priority", o.priority())
                .put("status", o.status().name());
        o.shipBy().ifPresent(t -> json.put("shipBy", t.toString()));
        o.holdReason().ifPresent(r -> json.put("holdReason", r));
        if (!o.labels().isEmpty()) {
            json.put("labels", new JsonArray(new ArrayList<>(o.labels())));
        }
        return json;
    }

    private static Order order(Fields f) {
        List<OrderLine> lines = new ArrayList<>();
        JsonArray array = f.array("lines");
        for (int i = 0; i < array.size(); i++) {
            Fields line = f.element("lines", array, i);
            lines.add(f.build("lines[" + i + "]", () -> new OrderLine(line.string("sku"), line.integer("quantity"))));
        }
        return f.build("order", () -> new Order(
                f.string("id"),
                f.longValue("version"),
                lines,
                f.optionalInstant("shipBy"),
                f.integer("priority"),
                f.choice("status", OrderStatus::valueOf),
                f.optionalString("holdReason"),
                f.strings("labels")));
    }

    private static JsonObject packed(Packed p) {
        JsonObject json = new JsonObject()
                .put("sku", p.sku())
                .put("units", p.units())
                .put("extraUnits", p.extraUnits())
                .put("raw", p.raw())
                .put("at", p.at().toString());
        p.lot().ifPresent(v -> json.put("lot", v));
        p.serial().ifPresent(v -> json.put("serial", v));
        p.override().ifPresent(v -> json.put("override", v));
        if (p.parcel() != 1) {
            json.put("parcel", p.parcel());
        }
        return json;
    }

    private static Packed packed(Fields f) {
        return new Packed(f.string("sku"), f.integer("units"), f.integer("extraUnits"), f.string("raw"),
                f.optionalString("lot"), f.optionalString("serial"), f.instant("at"), f.optionalString("override"),
                f.json.containsKey("parcel") ? f.integer("parcel") : 1);
    }

    private static JsonObject parcel(Parcel p) {
        JsonObject items = new JsonObject();
        p.items().forEach(items::put);
        JsonObject json = new JsonObject().put("number", p.number()).put("items", items);
        p.box().ifPresent(v -> json.put("box", v));
        p.label().ifPresent(v -> json.put("label", v));
        p.weightGrams().ifPresent(v -> json.put("weightGrams", v));
        p.expectedGrams().ifPresent(v -> json.put("expectedGrams", v));
        p.toleranceGrams().ifPresent(v -> json.put("toleranceGrams", v));
        return json;
    }

    private static Parcel parcel(Fields f) {
        Fields items = f.optionalObject("items").orElseThrow(() -> f.bad("items", "is missing"));
        Map<String, Integer> units = new LinkedHashMap<>();
        for (String sku : items.json().fieldNames()) {
            units.put(sku, items.integer(sku));
        }
        return new Parcel(f.integer("number"), f.optionalString("box"), f.optionalString("label"), units,
                f.optionalDouble("weightGrams"), f.optionalDouble("expectedGrams"), f.optionalDouble("toleranceGrams"));
    }

    private static JsonObject current(CurrentParcel c) {
        JsonObject json = new JsonObject();
        c.box().ifPresent(v -> json.put("box", v));
        c.label().ifPresent(v -> json.put("label", v));
        c.closing().ifPresent(closing -> {
            JsonObject o = new JsonObject().put("raw", closing.raw()).put("at", closing.at().toString());
            closing.label().ifPresent(v -> o.put("label", v));
            closing.nextBox().ifPresent(v -> o.put("nextBox", v));
            closing.nextLabel().ifPresent(v -> o.put("nextLabel", v));
            closing.weighed().ifPresent(v -> o.put("weighed", v));
            json.put("closing", o);
        });
        return json;
    }

    private static CurrentParcel current(Fields f) {
        Optional<Closing> closing = f.optionalObject("closing").map(c -> new Closing(c.string("raw"), c.optionalString("label"),
                c.optionalString("nextBox"), c.optionalString("nextLabel"), c.optionalDouble("weighed"), c.instant("at")));
        return new CurrentParcel(f.optionalString("box"), f.optionalString("label"), closing);
    }

    private static JsonObject lock(Lock l) {
        JsonObject json = new JsonObject().put("verdict", l.verdict().name()).put("reason", l.reason());
        l.cause().ifPresent(c -> {
            JsonObject cause = new JsonObject()
                    .put("quantity", c.quantity())
                    .put("raw", c.raw())
                    .put("at", c.at().toString());
            c.sku().ifPresent(v -> cause.put("sku", v));
            c.lot().ifPresent(v -> cause.put("lot", v));
            c.serial().ifPresent(v -> cause.put("serial", v));
            json.put("cause", cause);
        });
        return json;
    }

    private static Lock lock(Fields f) {
        Optional<Refused> cause = f.optionalObject("cause").map(c -> new Refused(c.optionalString("sku"),
                c.integer("quantity"), c.string("raw"), c.optionalString("lot"), c.optionalString("serial"),
                c.instant("at")));
        return new Lock(f.choice("verdict", Verdict::valueOf), f.string("reason"), cause);
    }

    private static JsonObject pending(Pending p) {
        JsonObject json = new JsonObject().put("kind", p.kind().name()).put("at", p.at().toString());
        p.supervisor().ifPresent(v -> json.put("supervisor", v));
        return json;
    }

    private static Pending pending(Fields f) {
        return new Pending(f.choice("kind", Pending.Kind::valueOf), f.optionalString("supervisor"), f.instant("at"));
    }

    private static JsonObject awaiting(AwaitingData a) {
        JsonArray needs = new JsonArray();
        a.needs().forEach(n -> needs.add(n.name()));
        JsonObject json = new JsonObject()
                .put("sku", a.sku())
                .put("quantity", a.quantity())
                .put("code", a.code())
                .put("raw", a.raw())
                .put("needs", needs)
                .put("at", a.at().toString());
        a.expiry().ifPresent(v -> json.put("expiry", v.toString()));
        a.lot().ifPresent(v -> json.put("lot", v));
        a.serial().ifPresent(v -> json.put("serial", v));
        return json;
    }

    private static AwaitingData awaiting(Fields f) {
        List<ItemData> needs = new ArrayList<>();
        JsonArray array = f.array("needs");
        for (int i = 0; i < array.size(); i++) {
            int index = i;
            needs.add(f.choice("needs[" + i + "]", () -> array.getValue(index), ItemData::valueOf));
        }
        return new AwaitingData(f.string("sku"), f.integer("quantity"), f.string("code"), f.string("raw"), needs,
                f.optionalDate("expiry"), f.optionalString("lot"), f.optionalString("serial"), f.instant("at"));
    }

    /** Typed reads from one JSON object; every failure names the field's path. */
    private record Fields(String path, JsonObject json) {

        String string(String name) {
            Object v = json.getValue(name);
            if (!(v instanceof String s)) {
                throw bad(name, v == null ? "is missing" : "must be a string");
            }
            return s;
        }

        Optional<String> optionalString(String name) {
            return json.containsKey(name) ? Optional.of(string(name)) : Optional.empty();
        }

        int integer(String name) {
            long v = longValue(name);
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw bad(name, "is out of range");
            }
            return (int) v;
        }

        long longValue(String name) {
            Object v = json.getValue(name);
            if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                throw bad(name, v == null ? "is missing" : "must be a whole number");
            }
            return n.longValue();
        }

        Instant instant(String name) {
            String text = string(name);
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw bad(name, "'" + text + "' is not an ISO instant");
            }
        }

        Optional<Double> optionalDouble(String name) {
            if (!json.containsKey(name)) {
                return Optional.empty();
            }
            Object v = json.getValue(name);
            if (!(v instanceof Number n)) {
                throw bad(name, "must be a number");
            }
            return Optional.of(n.doubleValue());
        }

        List<String> strings(String name) {
            if (!json.containsKey(name)) {
                return List.of();
            }
            JsonArray array = array(name);
            List<String> values = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                if (!(array.getValue(i) instanceof String text)) {
                    throw bad(name + "[" + i + "]", "must be a string");
                }
                values.add(text);
            }
            return values;
        }

        JsonArray optionalArray(String name) {
            return json.containsKey(name) ? array(name) : new JsonArray();
        }

        Optional<Instant> optionalInstant(String name) {
            return json.containsKey(name) ? Optional.of(instant(name)) : Optional.empty();
        }

        Optional<LocalDate> optionalDate(String name) {
            if (!json.containsKey(name)) {
                return Optional.empty();
            }
            String text = string(name);
            try {
                return Optional.of(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                throw bad(name, "'" + text + "' is not an ISO date");
            }
        }

        /** An enum value read from an array element. */
        <E> E choice(String name, java.util.function.Supplier<Object> value, Function<String, E> valueOf) {
            Object v = value.get();
            if (!(v instanceof String text)) {
                throw bad(name, v == null ? "is missing" : "must be a string");
            }
            try {
                return valueOf.apply(text);
            } catch (IllegalArgumentException e) {
                throw bad(name, "'" + text + "' is not a known value");
            }
        }

        <E> E choice(String name, Function<String, E> valueOf) {
            String text = string(name);
            try {
                return valueOf.apply(text);
            } catch (IllegalArgumentException e) {
                throw bad(name, "'" + text + "' is not a known value");
            }
        }

        JsonArray array(String name) {
            Object v = json.getValue(name);
            if (!(v instanceof JsonArray a)) {
                throw bad(name, v == null ? "is missing" : "must be an array");
            }
            return a;
        }

        Fields element(String name, JsonArray array, int i) {
            Object v = array.getValue(i);
            if (!(v instanceof JsonObject o)) {
                throw bad(name + "[" + i + "]", "must be an object");
            }
            return new Fields(path + "." + name + "[" + i + "]", o);
        }

        Optional<Fields> optionalObject(String name) {
            if (!json.containsKey(name)) {
                return Optional.empty();
            }
            Object v = json.getValue(name);
            if (!(v instanceof JsonObject o)) {
                throw bad(name, "must be an object");
            }
            return Optional.of(new Fields(path + "." + name, o));
        }

        <T> T build(String what, java.util.function.Supplier<T> build) {
            try {
                return build.get();
            } catch (IllegalArgumentException e) {
                if (e.getMessage() != null && e.getMessage().startsWith(path)) {
                    throw e;
                }
                throw new IllegalArgumentException(path + ": " + what + ": " + e.getMessage(), e);
            }
        }

        IllegalArgumentException bad(String name, String problem) {
            return new IllegalArgumentException(path + "." + name + ": " + problem);
        }
    }
}
