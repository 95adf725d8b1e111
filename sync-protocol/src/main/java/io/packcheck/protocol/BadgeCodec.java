package io.packcheck.protocol;

import io.packcheck.core.catalog.Badge;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/** Badges on the wire: {@code {"code":"...","name":"...","role":"packer|supervisor"}}. */
public final class BadgeCodec {

    private BadgeCodec() {}

    public static Badge fromJson(String code, JsonObject json) {
        JsonFields.requireKey("code", code);
        String name = JsonFields.requireString(json, "name", Limits.MAX_NAME);
        String role = JsonFields.requireString(json, "role", 20);
        Badge.Role parsed = switch (role) {
            case "packer" -> Badge.Role.PACKER;
            case "supervisor" -> Badge.Role.SUPERVISOR;
            default -> throw new ProtocolException("role", "role '" + role + "' must be packer or supervisor");
        };
        return new Badge(code, name, parsed);
    }

    public static JsonObject toJson(Badge badge) {
        return new JsonObject()
                .put("code", badge.code())
                .put("name", badge.name())
                .put("role", badge.role().name().toLowerCase(Locale.ROOT));
    }
}
