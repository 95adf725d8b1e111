package io.packcheck.hub.reports;

import io.packcheck.hub.reports.ReportRepository.OpenOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which open orders will miss their ship-by at the pace the floor shows now. Orders are taken earliest
 * ship-by first (how a supervisor would release them), so the n-th is done after n orders' worth of the
 * current throughput.
 */
public final class AtRisk {

    private AtRisk() {}

    /** One open order with its outlook; {@code expectedDone} is empty when nothing is being completed. */
    public record Outlook(OpenOrder order, int queuePosition, Duration timeLeft, Optional<Instant> expectedDone,
                          boolean atRisk, String why) {}

    public static List<Outlook> assess(List<OpenOrder> byShipBy, double ordersPerHour, Instant now) {
        List<Outlook> out = new ArrayList<>();
        for (int i = 0; i < byShipBy.size(); i++) {
            OpenOrder order = byShipBy.get(i);
            Duration left = Duration.between(now, order.shipBy());
            Optional<Instant> done = ordersPerHour <= 0 ? Optional.empty()
                    : Optional.of(now.plusSeconds(Math.round((i + 1) * 3600 / ordersPerHour)));
            String why;
            if (left.isNegative()) {
                why = "past ship-by";
            } else if (order.status().equals("ON_HOLD") || order.status().equals("EXCEPTION")) {
                why = order.status().equals("ON_HOLD") ? "on hold" : "exception to resolve";
            } else if (done.isEmpty()) {
                why = "no orders completed in the last hour";
            } else if (done.get().isAfter(order.shipBy())) {
                why = "at the current pace done after ship-by";
            } else {
                why = "";
            }
            out.add(new Outlook(order, i + 1, left, done, !why.isEmpty(), why));
        }
        return out;
    }
}
