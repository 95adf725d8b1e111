package io.packcheck.station.store;

import java.util.List;

/** What an import did: how many of each body were applied, and every refused line with its reason. */
public record ImportReport(int items, int orders, int badges, List<Refusal> refused) {

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
        return items + orders + badges;
    }

    public String summary() {
        return "applied " + applied() + " lines (" + items + " items, " + orders + " orders, " + badges
                + " badges), refused " + refused.size();
    }
}
