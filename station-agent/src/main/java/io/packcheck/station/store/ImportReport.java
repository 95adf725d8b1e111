package io.packcheck.station.store;

import java.util.List;

/** What an import did: how many of each body were applied, and every refused line with its reason. */
public record ImportReport(int items, int orders, int badges, int boxes, List<Refusal> refused) {

    public ImportReport {
        refused = List.copyOf(refused);
    }

    /** A line that was not applied. */
    public record Refusal(int lineNumber, String reason) {
        @Override
        public String toString() {
            return "line " + lineNumber + ": " + reason;
        }
    }

    public int applied() {
        return items + orders + badges + boxes;
    }

    public String summary() {
        return "applied " + count(applied(), "line") + " (" + count(items, "item") + ", " + count(orders, "order") + ", "
                + count(badges, "badge") + ", " + count(boxes, "box") + "), refused " + refused.size();
    }

    private static String count(int n, String thing) {
        return n + " " + thing + (n == 1 ? "" : thing.endsWith("x") ? "es" : "s");
    }
}
