package io.packcheck.station.store;

import io.packcheck.core.catalog.Order;
import io.packcheck.protocol.ProtocolException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Loads a file of JSON lines (items, orders, badges) into the cache. Each line is checked whole
 * before it is written, so it is either applied or refused with its line number and reason.
 * Accepted lines are written in batches: one fsync per line would make a large catalog take minutes.
 */
public final class JsonLinesImport {

    private static final int BATCH = 500;

    private final SqliteOrderCache cache;

    public JsonLinesImport(SqliteOrderCache cache) {
        this.cache = cache;
    }

    /** Reads every line; refusals are also handed to {@code onRefusal} as they happen. */
    public ImportReport run(BufferedReader lines, Consumer<ImportReport.Refusal> onRefusal) {
        List<CatalogChange> batch = new ArrayList<>();
        List<ImportReport.Refusal> refused = new ArrayList<>();
        int items = 0;
        int orders = 0;
        int badges = 0;
        int lineNumber = 0;
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonObject json = null;
                try {
                    json = parse(line);
                    CatalogChange change = CatalogJson.change(json, this::nextVersion);
                    batch.add(change);
                    if (change instanceof CatalogChange.PutItem) {
                        items++;
                    } else if (change instanceof CatalogChange.PutOrder) {
                        orders++;
                    } else {
                        badges++;
                    }
                } catch (ProtocolException e) {
                    refuse(lineNumber, label(json) + e.describe(), refused, onRefusal);
                } catch (IllegalArgumentException e) {
                    refuse(lineNumber, label(json) + e.getMessage(), refused, onRefusal);
                }
                if (batch.size() >= BATCH) {
                    cache.apply(batch);
                    batch.clear();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read line " + (lineNumber + 1) + ": " + e.getMessage(), e);
        }
        cache.apply(batch);
        return new ImportReport(items, orders, badges, refused);
    }

    private static void refuse(int lineNumber, String reason, List<ImportReport.Refusal> refused,
                               Consumer<ImportReport.Refusal> onRefusal) {
        ImportReport.Refusal refusal = new ImportReport.Refusal(lineNumber, reason);
        refused.add(refusal);
        onRefusal.accept(refusal);
    }

    private static JsonObject parse(String line) {
        try {
            return new JsonObject(line);
        } catch (DecodeException e) {
            throw new IllegalArgumentException("not a JSON object: " + firstLine(e.getMessage()));
        }
    }

    /** Which body the line was, e.g. "item MUG-1: ", when it got that far. */
    private static String label(JsonObject json) {
        if (json == null || !(json.getValue("type") instanceof String type)) {
            return "";
        }
        Object key = switch (type) {
            case "item" -> json.getValue("sku");
            case "order" -> json.getValue("id");
            case "badge" -> json.getValue("code");
            default -> null;
        };
        return key instanceof String k && !k.isBlank() ? type + " " + k + ": " : type + ": ";
    }

    private long nextVersion(String orderId) {
        return cache.order(orderId).map(Order::version).orElse(0L) + 1;
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
