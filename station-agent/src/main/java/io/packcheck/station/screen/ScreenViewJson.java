package io.packcheck.station.screen;

import io.packcheck.core.verify.Verdict;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * The view as the page receives it. Words and tones are decided here, not in the page's script, so
 * they are tested with the rest of the Java code and the page only places text.
 */
final class ScreenViewJson {

    private ScreenViewJson() {}

    /** good (green), warn (amber), bad (red), info (blue): colour always comes with words and a symbol. */
    enum Tone {
        GOOD("\u2714"),
        WARN("!"),
        BAD("\u2716"),
        INFO("i");

        final String symbol;

        Tone(String symbol) {
            this.symbol = symbol;
        }
    }

    static JsonObject toJson(ScreenView view, long sequence, long sentAtMillis) {
        JsonObject json = new JsonObject()
                .put("sequence", sequence)
                .put("sentAtMillis", sentAtMillis)
                .put("stationId", view.stationId())
                .put("packer", view.packer().orElse(null))
                .put("hub", hubText(view.hub()))
                .put("hubState", view.hub().name().toLowerCase(java.util.Locale.ROOT))
                .put("cacheAge", view.cacheAge().map(ScreenViewJson::age).orElse(null))
                .put("eventsWaiting", view.eventsWaiting())
                .put("lock", view.lock().orElse(null))
                .put("notices", new JsonArray(view.notices()));
        view.order().ifPresent(order -> {
            JsonArray lines = new JsonArray();
            for (ScreenView.Line line : order.lines()) {
                lines.add(new JsonObject()
                        .put("sku", line.sku())
                        .put("name", line.name().isBlank() ? line.sku() : line.name())
                        .put("scanned", line.scanned())
                        .put("expected", line.expected())
                        .put("state", state(line))
                        .put("waitingFor", waitingFor(line)));
            }
            JsonObject open = new JsonObject().put("id", order.id()).put("lines", lines);
            order.parcel().ifPresent(p -> open.put("parcel", new JsonObject()
                    .put("number", p.number())
                    .put("closed", p.closed())
                    .put("box", p.box().orElse(null))
                    .put("label", p.label().orElse(null))
                    .put("weighing", p.weighing())
                    .put("words", p.words())));
            json.put("order", open);
        });
        view.lastVerdict().ifPresent(v -> {
            Tone tone = tone(v.verdict());
            json.put("verdict", new JsonObject()
                    .put("code", v.verdict().name())
                    .put("headline", headline(v.verdict()))
                    .put("reason", v.reason())
                    .put("tone", tone.name().toLowerCase(java.util.Locale.ROOT))
                    .put("symbol", tone.symbol));
        });
        return json;
    }

    private static String state(ScreenView.Line line) {
        if (!line.waitingFor().isEmpty()) {
            return "waiting";
        }
        return line.scanned() >= line.expected() ? (line.scanned() > line.expected() ? "over" : "done") : "open";
    }

    /** What the packer must scan for the unit of this line that waits, or null when none waits. */
    private static String waitingFor(ScreenView.Line line) {
        if (line.waitingFor().isEmpty()) {
            return null;
        }
        return "1 unit not counted yet: scan the GS1 code with " + String.join(" and ", line.waitingFor());
    }

    static Tone tone(Verdict verdict) {
        if (verdict.isMismatch()) {
            return Tone.BAD;
        }
        return switch (verdict) {
            case MATCH, LINE_COMPLETE, ORDER_COMPLETE, ORDER_OPENED, COMMAND_ACCEPTED, LABEL_SCANNED, PARCEL_CLOSED -> Tone.GOOD;
            case ORDER_BLOCKED, LOCKED -> Tone.BAD;
            case UNKNOWN_CODE, UNREADABLE, NO_ORDER_OPEN, COMMAND_REFUSED, DATA_REQUIRED, ORDER_CLAIMED_ELSEWHERE,
                    LABEL_REQUIRED, SCALE_NOT_READY -> Tone.WARN;
            default -> Tone.INFO;
        };
    }

    /** A few words a packer reads from a metre away. */
    static String headline(Verdict verdict) {
        return switch (verdict) {
            case ORDER_OPENED -> "Order opened";
            case MATCH -> "OK";
            case LINE_COMPLETE -> "Line complete";
            case ORDER_COMPLETE -> "Order complete";
            case WRONG_ITEM -> "Wrong item";
            case OVER_QUANTITY -> "Too many";
            case UNKNOWN_CODE -> "Unknown code";
            case UNREADABLE -> "Cannot read code";
            case EXPIRED -> "Expired";
            case SHELF_LIFE_TOO_SHORT -> "Shelf life too short";
            case DUPLICATE_SERIAL -> "Serial already packed";
            case LOT_REQUIRED -> "Lot number needed";
            case SERIAL_REQUIRED -> "Serial number needed";
            case DATA_REQUIRED -> "Not counted yet";
            case ORDER_BLOCKED -> "Do not pack";
            case NO_ORDER_OPEN -> "Scan the order first";
            case LOCKED -> "Station locked";
            case COMMAND_ACCEPTED -> "Done";
            case COMMAND_REFUSED -> "Not allowed";
            case ORDER_CLAIMED_ELSEWHERE -> "Packed at another station";
            case LABEL_SCANNED -> "Label scanned";
            case PARCEL_CLOSED -> "Parcel closed";
            case WEIGHING -> "Weighing";
            case LABEL_REQUIRED -> "Scan the label";
            case SCALE_NOT_READY -> "Scale not ready";
            case LABEL_MISMATCH -> "Wrong label";
            case WEIGHT_MISMATCH -> "Wrong weight";
        };
    }

    private static String hubText(ScreenView.HubLink hub) {
        return switch (hub) {
            case NONE -> "no hub (station runs alone)";
            case CONNECTED -> "hub connected";
            case DISCONNECTED -> "hub NOT connected";
        };
    }

    static String age(Duration age) {
        long s = Math.max(0, age.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < 86400) {
            return s / 3600 + " h " + (s % 3600) / 60 + " min";
        }
        return s / 86400 + " d " + (s % 86400) / 3600 + " h";
    }
}
