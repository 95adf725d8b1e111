package io.packcheck.hub.reports;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One report table: named columns and rows of plain values (String, Number, Boolean or null). */
public record Table(List<String> columns, List<List<Object>> rows) {

    public static Table of(String... columns) {
        return new Table(List.of(columns), new ArrayList<>());
    }

    public Table row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("a row of " + columns + " needs " + columns.size() + " values");
        }
        rows.add(Arrays.asList(values));
        return this;
    }

    public JsonArray toJson() {
        JsonArray out = new JsonArray();
        for (List<Object> row : rows) {
            JsonObject o = new JsonObject();
            for (int i = 0; i < columns.size(); i++) {
                o.put(columns.get(i), row.get(i));
            }
            out.add(o);
        }
        return out;
    }

    public String toCsv() {
        StringBuilder out = new StringBuilder();
        Csv.line(out, new ArrayList<>(columns));
        for (List<Object> row : rows) {
            Csv.line(out, row);
        }
        return out.toString();
    }
}
