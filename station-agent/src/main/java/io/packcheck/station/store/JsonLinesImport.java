package io.packcheck.station.store;

import io.packcheck.core.catalog.CodeKeys;
import io.packcheck.core.catalog.Item;
import io.packcheck.core.catalog.Order;
import io.packcheck.protocol.ProtocolException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Loads a file of JSON lines (items, orders, badges, box types) into the cache. Each line is checked whole
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
        int boxes = 0;
        int lineNumber = 0;
        PendingCodes codes = new PendingCodes();
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
                    if (change instanceof CatalogChange.PutItem put) {
                        codes.claim(put.item());
                    }
                    batch.add(change);
                    if (change instanceof CatalogChange.PutItem) {
                        items++;
                    } else if (change instanceof CatalogChange.PutOrder) {
                        orders++;
                    } else if (change instanceof CatalogChange.PutBox) {
                        boxes++;
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
                    codes.clear();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read line " + (lineNumber + 1) + ": " + e.getMessage(), e);
        }
        cache.apply(batch);
        return new ImportReport(items, orders, badges, boxes, refused);
    }

    /**
     * The codes of the items read but not yet written, so a clash is found against the cache as the batch will
     * leave it: an earlier line of the file may have taken a code off its old owner, or given it to another.
     */
    private final class PendingCodes {
        private final Map<String, SqliteOrderCache.CodeOwner> owners = new HashMap<>();
        private final Set<String> skus = new HashSet<>();

        /** Takes the item's codes, or refuses the item when another item holds one of them. */
        void claim(Item item) {
            for (int i = 0; i < item.barcodes().size(); i++) {
                String code = item.barcodes().get(i).code();
                Optional<SqliteOrderCache.CodeOwner> owner = pendingOwner(code, item.sku())
                        .or(() -> cache.owner(code, item.sku()).filter(o -> !skus.contains(o.sku())));
                if (owner.isPresent()) {
                    String sku = owner.get().sku();
                    String theirs = owner.get().code().equals(code) ? "" : " (as " + owner.get().code() + ")";
                    throw new ProtocolException("barcodes[" + i + "].code", code + " is already a code of item " + sku
                            + theirs + "; an import never moves a code to another item: import " + sku + " without it first");
                }
            }
            owners.values().removeIf(o -> o.sku().equals(item.sku()));
            skus.add(item.sku());
            item.barcodes().forEach(b -> CodeKeys.of(b.code())
                    .forEach(key -> owners.put(key, new SqliteOrderCache.CodeOwner(item.sku(), b.code()))));
        }

        private Optional<SqliteOrderCache.CodeOwner> pendingOwner(String code, String sku) {
            return CodeKeys.of(code).stream().map(owners::get).filter(o -> o != null && !o.sku().equals(sku)).findFirst();
        }

        void clear() {
            owners.clear();
            skus.clear();
        }
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
