package io.packcheck.hub.reports;

import io.packcheck.core.verify.PackEvent;
import io.packcheck.hub.dashboard.DashboardAccess;
import io.packcheck.hub.http.ApiError;
import io.packcheck.hub.http.HubServices;
import io.packcheck.hub.parcels.ParcelWords;
import io.packcheck.hub.reports.ReportRepository.ConfusedPair;
import io.packcheck.hub.reports.ReportRepository.Counts;
import io.packcheck.hub.reports.ReportRepository.KindCount;
import io.packcheck.hub.reports.ReportRepository.OverrideEntry;
import io.packcheck.hub.storage.EventRepository.StoredEvent;
import io.packcheck.hub.storage.Missing;
import io.packcheck.protocol.Limits;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Supervisor reports under {@code /api/v1/reports}: JSON by default, every table also as CSV with
 * {@code ?format=csv}. Ranges are {@code from} / {@code to} (ISO instant or date, UTC), by default the last 24 hours.
 */
public final class ReportRoutes {

    public static final int MAX_RANGE_DAYS = 400;
    public static final int MAX_HOURLY_DAYS = 31;
    public static final int MAX_FIVE_MINUTE_DAYS = 2;

    private final HubServices hub;
    private final DashboardAccess access;

    public ReportRoutes(HubServices hub, DashboardAccess access) {
        this.hub = hub;
        this.access = access;
    }

    public void mount(Router router) {
        Handler<RoutingContext> auth = access.reports();
        // The format is checked before any work, so a bad one is a 400 and not a failure after the query.
        Handler<RoutingContext> reports = ctx -> {
            Reply.wantsCsv(ctx);
            auth.handle(ctx);
        };
        String base = "/api/v1/reports/";
        router.get(base + "mismatch-rate").setName("reportMismatchRate").handler(reports).handler(this::mismatchRate);
        router.get(base + "mismatch-kinds").setName("reportMismatchKinds").handler(reports).handler(this::kinds);
        router.get(base + "confused-pairs").setName("reportConfusedPairs").handler(reports).handler(this::pairs);
        router.get(base + "stations").setName("reportStations").handler(reports).handler(this::stations);
        router.get(base + "at-risk").setName("reportAtRisk").handler(reports).handler(this::atRisk);
        router.get(base + "orders/:id/trail").setName("reportOrderTrail").handler(reports).handler(this::trail);
        router.get(base + "overrides").setName("reportOverrides").handler(reports).handler(this::overrides);
        router.get(base + "weekly").setName("reportWeekly").handler(reports).handler(this::weekly);
    }

    private void mismatchRate(RoutingContext ctx) {
        String by = Params.oneOf(ctx, "by", List.of("station", "packer", "sku", "hour", "fiveMinutes"), "station");
        TimeRange range = Params.range(ctx, hub.clock().instant(), switch (by) {
            case "hour" -> MAX_HOURLY_DAYS;
            case "fiveMinutes" -> MAX_FIVE_MINUTE_DAYS;
            default -> MAX_RANGE_DAYS;
        });
        int limit = Params.integer(ctx, "limit", 1, 10_000, 100);
        db(() -> {
            List<Counts> rows = switch (by) {
                case "hour" -> hub.storage().reports().byHour(range);
                case "fiveMinutes" -> hub.storage().reports().byFiveMinutes(range);
                default -> hub.storage().reports().byKey(by, range, limit);
            };
            Counts total = hub.storage().reports().total(range);
            PackerNames names = by.equals(Rollups.PACKER)
                    ? PackerNames.of(hub.storage().catalog(), rows.stream().map(Counts::key).toList())
                    : new PackerNames(Map.of());
            return new Object[] {rows, total, names};
        }).onSuccess(result -> {
            @SuppressWarnings("unchecked")
            List<Counts> rows = (List<Counts>) result[0];
            Counts total = (Counts) result[1];
            PackerNames names = (PackerNames) result[2];
            // by packer, the name from the badge stands beside the code
            boolean named = by.equals(Rollups.PACKER);
            Table table = named
                    ? Table.of(by, "packerName", "scans", "mismatches", "mismatchRate", "completed", "completedOverridden")
                    : Table.of(by, "scans", "mismatches", "mismatchRate", "completed", "completedOverridden");
            for (Counts r : rows) {
                List<Object> cells = new ArrayList<>(List.of(r.key(), r.scans(), r.mismatches(), round(r.mismatchRate()),
                        r.completed(), r.completedOverridden()));
                if (named) {
                    cells.add(1, names.nameOrNull(r.key()));
                }
                table.row(cells.toArray());
            }
            Reply.send(ctx, "mismatch-rate-by-" + by, table, rangeJson(range).put("by", by)
                    .put("total", counts(total)));
        }).onFailure(ctx::fail);
    }

    private void kinds(RoutingContext ctx) {
        TimeRange range = Params.range(ctx, hub.clock().instant(), MAX_RANGE_DAYS);
        db(() -> hub.storage().reports().mismatchKinds(range)).onSuccess(kinds -> {
            Table table = Table.of("kind", "count");
            kinds.forEach(k -> table.row(k.kind(), k.count()));
            Reply.send(ctx, "mismatch-kinds", table, rangeJson(range));
        }).onFailure(ctx::fail);
    }

    private void pairs(RoutingContext ctx) {
        TimeRange range = Params.range(ctx, hub.clock().instant(), MAX_RANGE_DAYS);
        int limit = Params.integer(ctx, "limit", 1, 1000, 20);
        db(() -> hub.storage().reports().confusedPairs(range, limit)).onSuccess(pairs -> {
            Table table = Table.of("expectedSku", "scannedSku", "count", "onlyOpenLine");
            pairs.forEach(p -> table.row(p.expectedSku(), p.scannedSku(), p.count(), p.onlyOpenLine()));
            Reply.send(ctx, "confused-pairs", table, rangeJson(range));
        }).onFailure(ctx::fail);
    }

    private void stations(RoutingContext ctx) {
        int silentAfter = Params.integer(ctx, "silentAfter", 5, 86_400, 60);
        double threshold = Params.fraction(ctx, "threshold", 0.05);
        int minScans = Params.integer(ctx, "minScans", 1, 1_000_000, 20);
        Instant now = hub.clock().instant();
        StationHealth health = new StationHealth(Duration.ofSeconds(silentAfter), threshold, minScans);
        // "The last hour": the current hour so far and the one before, which never leaves less than an hour.
        long sinceHour = Math.floorDiv(now.getEpochSecond(), 3600) - 1;
        db(() -> hub.storage().reports().stations(sinceHour)).onSuccess(states -> {
            List<StationHealth.View> views = health.assess(states, now);
            Table table = Table.of("station", "online", "lastSeen", "eventsWaiting", "scannerState",
                    "cacheAgeSeconds", "openGaps", "scans", "mismatches", "mismatchRate", "alerts");
            views.forEach(v -> table.row(v.stationId(), v.online(), v.lastSeen().map(Instant::toString).orElse(null),
                    v.eventsWaiting().orElse(null), v.scannerState().orElse(null), v.cacheAgeSeconds().orElse(null),
                    v.openGaps(), v.scans(), v.mismatches(), round(v.mismatchRate()), String.join("; ", v.alerts())));
            long alerting = views.stream().filter(v -> !v.alerts().isEmpty()).count();
            Reply.send(ctx, "stations", table, new JsonObject().put("now", now.toString())
                    .put("silentAfterSeconds", silentAfter).put("threshold", threshold).put("alerting", alerting));
        }).onFailure(ctx::fail);
    }

    private void atRisk(RoutingContext ctx) {
        int hours = Params.integer(ctx, "hours", 1, 24 * 14, 24);
        boolean all = Params.oneOf(ctx, "all", List.of("true", "false"), "false").equals("true");
        int limit = Params.integer(ctx, "limit", 1, 5000, 500);
        Instant now = hub.clock().instant();
        long hourNow = Math.floorDiv(now.getEpochSecond(), 3600);
        TimeRange lastHours = new TimeRange(Instant.ofEpochSecond((hourNow - 1) * 3600), now.plusSeconds(1));
        double elapsedHours = (now.getEpochSecond() - (hourNow - 1) * 3600) / 3600.0;
        db(() -> new Object[] {hub.storage().reports().openOrdersByShipBy(limit),
                hub.storage().reports().total(lastHours)}).onSuccess(result -> {
            @SuppressWarnings("unchecked")
            List<ReportRepository.OpenOrder> open = (List<ReportRepository.OpenOrder>) result[0];
            double perHour = ((Counts) result[1]).completed() / elapsedHours;
            Instant horizon = now.plus(Duration.ofHours(hours));
            int inHorizon = 0;
            Table table = Table.of("orderId", "status", "shipBy", "minutesLeft", "queuePosition", "expectedDone",
                    "atRisk", "why", "lines", "units");
            for (AtRisk.Outlook o : AtRisk.assess(open, perHour, now)) {
                if (o.order().shipBy().isAfter(horizon)) {
                    continue;
                }
                inHorizon++;
                if (!all && !o.atRisk()) {
                    continue;
                }
                table.row(o.order().id(), o.order().status(), o.order().shipBy().toString(), o.timeLeft().toMinutes(),
                        o.queuePosition(), o.expectedDone().map(Instant::toString).orElse(null), o.atRisk(), o.why(),
                        o.order().lines(), o.order().units());
            }
            Reply.send(ctx, "at-risk", table, new JsonObject().put("now", now.toString())
                    .put("ordersPerHour", round(perHour)).put("hours", hours).put("openOrders", inHorizon));
        }).onFailure(ctx::fail);
    }

    private void trail(RoutingContext ctx) {
        String id = Params.key(ctx, "id");
        db(() -> {
            var order = hub.storage().catalog().order(id);
            // A pack slip or tote code opens its order at the station, and the events carry the order's own id.
            String orderId = order.map(o -> o.order().id()).orElse(id);
            List<StoredEvent> events = hub.storage().events().forOrder(orderId);
            if (events.isEmpty() && order.isEmpty()) {
                throw new Missing("id", "no order and no events have the id " + id);
            }
            PackerNames names = PackerNames.of(hub.storage().catalog(), events.stream()
                    .flatMap(e -> e.event().event().packer().stream()).toList());
            return new Object[] {events, order.map(o -> o.order().status().name()), orderId, names};
        }).onSuccess(result -> {
            @SuppressWarnings("unchecked")
            List<StoredEvent> events = (List<StoredEvent>) result[0];
            @SuppressWarnings("unchecked")
            Optional<String> status = (Optional<String>) result[1];
            String orderId = (String) result[2];
            PackerNames names = (PackerNames) result[3];
            Table table = Table.of("hubSeq", "at", "receivedAt", "station", "packer", "packerName", "kind", "verdict", "sku",
                    "expectedSku", "quantity", "raw", "reason", "supervisor", "reasonCode", "mismatch", "parcel", "label",
                    "weightGrams", "parcelDetail");
            for (StoredEvent se : events) {
                PackEvent e = se.event().event();
                table.row(se.hubSeq(), e.at().toString(), se.receivedAt().toString(), e.stationId(),
                        e.packer().orElse(null), e.packer().flatMap(names::name).orElse(null), e.kind().name(),
                        e.verdict().name(), e.sku().orElse(null),
                        e.expectedSku().orElse(null), e.quantity(), e.raw(), e.reason(), e.supervisor().orElse(null),
                        e.reasonCode().orElse(null), Rollups.isItemScan(e) && Rollups.isMismatch(e.verdict()),
                        e.parcel().map(PackEvent.Parcel::number).orElse(null),
                        e.parcel().flatMap(PackEvent.Parcel::label).orElse(null),
                        e.parcel().flatMap(PackEvent.Parcel::weightGrams).orElse(null),
                        ParcelWords.of(e).orElse(null));
            }
            Reply.send(ctx, "order-" + orderId + "-trail", table, new JsonObject().put("orderId", orderId)
                    .put("status", status.orElse(null)));
        }).onFailure(ctx::fail);
    }

    private void overrides(RoutingContext ctx) {
        TimeRange range = Params.range(ctx, hub.clock().instant(), MAX_RANGE_DAYS);
        int limit = Params.integer(ctx, "limit", 1, 10_000, 200);
        db(() -> {
            List<OverrideEntry> rows = hub.storage().reports().overrides(range, limit);
            return new Object[] {rows, PackerNames.of(hub.storage().catalog(),
                    rows.stream().flatMap(o -> o.packer().stream()).toList())};
        }).onSuccess(result -> {
            @SuppressWarnings("unchecked")
            List<OverrideEntry> rows = (List<OverrideEntry>) result[0];
            PackerNames names = (PackerNames) result[1];
            Table table = Table.of("at", "station", "packer", "packerName", "supervisor", "orderId", "reasonCode", "reason");
            for (OverrideEntry o : rows) {
                table.row(o.at().toString(), o.stationId(), o.packer().orElse(null),
                        o.packer().flatMap(names::name).orElse(null), o.supervisor().orElse(null),
                        o.orderId().orElse(null), o.reasonCode().orElse(null), o.reason());
            }
            Reply.send(ctx, "overrides", table, rangeJson(range));
        }).onFailure(ctx::fail);
    }

    private void weekly(RoutingContext ctx) {
        LocalDate day = Params.date(ctx, "week").orElse(LocalDate.ofInstant(hub.clock().instant(), ZoneOffset.UTC));
        String tableName = Params.oneOf(ctx, "table", List.of("causes", "skus", "packers"), "causes");
        Instant start = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(ZoneOffset.UTC).toInstant();
        TimeRange week = new TimeRange(start, start.plus(7, ChronoUnit.DAYS));
        TimeRange previous = new TimeRange(start.minus(7, ChronoUnit.DAYS), start);
        var reports = hub.storage().reports();
        db(() -> {
            List<Counts> weekPackers = reports.byKey(Rollups.PACKER, week, 1000);
            return new Object[] {reports.mismatchKinds(week), reports.mismatchKinds(previous),
                    reports.byKey(Rollups.SKU, week, 10), weekPackers, reports.total(week), reports.total(previous),
                    PackerNames.of(hub.storage().catalog(), weekPackers.stream().map(Counts::key).toList())};
        }).onSuccess(r -> {
            @SuppressWarnings("unchecked")
            List<KindCount> now = (List<KindCount>) r[0];
            @SuppressWarnings("unchecked")
            List<KindCount> before = (List<KindCount>) r[1];
            @SuppressWarnings("unchecked")
            List<Counts> skus = (List<Counts>) r[2];
            @SuppressWarnings("unchecked")
            List<Counts> packers = (List<Counts>) r[3];
            Map<String, long[]> causes = new LinkedHashMap<>();
            now.forEach(k -> causes.computeIfAbsent(k.kind(), x -> new long[2])[0] = k.count());
            before.forEach(k -> causes.computeIfAbsent(k.kind(), x -> new long[2])[1] = k.count());
            Table causeTable = Table.of("kind", "count", "previousWeek", "change");
            causes.forEach((kind, c) -> causeTable.row(kind, c[0], c[1], c[0] - c[1]));
            Table skuTable = Table.of("sku", "scans", "mismatches", "mismatchRate");
            skus.forEach(s -> skuTable.row(s.key(), s.scans(), s.mismatches(), round(s.mismatchRate())));
            PackerNames names = (PackerNames) r[6];
            Table packerTable = Table.of("packer", "packerName", "scans", "mismatches", "accuracy", "ordersCompleted");
            packers.stream().sorted((a, b) -> Double.compare(b.mismatchRate(), a.mismatchRate()))
                    .forEach(p -> packerTable.row(p.key(), names.nameOrNull(p.key()), p.scans(), p.mismatches(),
                            round(1 - p.mismatchRate()), p.completed()));
            if (Reply.wantsCsv(ctx)) {
                Table chosen = switch (tableName) {
                    case "skus" -> skuTable;
                    case "packers" -> packerTable;
                    default -> causeTable;
                };
                Reply.csv(ctx, "weekly-" + tableName + "-" + start.toString().substring(0, 10), chosen);
                return;
            }
            Reply.json(ctx, new JsonObject().put("weekStart", week.from().toString()).put("weekEnd", week.to().toString())
                    .put("total", counts((Counts) r[4])).put("previousTotal", counts((Counts) r[5]))
                    .put("causes", causeTable.toJson()).put("skus", skuTable.toJson())
                    .put("packers", packerTable.toJson()));
        }).onFailure(ctx::fail);
    }

    private <T> Future<T> db(Callable<T> work) {
        return hub.db().call(work);
    }

    private static JsonObject rangeJson(TimeRange range) {
        return new JsonObject().put("from", range.from().toString()).put("to", range.to().toString());
    }

    private static JsonObject counts(Counts c) {
        return new JsonObject().put("scans", c.scans()).put("mismatches", c.mismatches())
                .put("mismatchRate", round(c.mismatchRate())).put("completed", c.completed())
                .put("completedOverridden", c.completedOverridden());
    }

    static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    /** Query parameters, each problem answered 400 naming the parameter. */
    static final class Params {

        private Params() {}

        static Optional<String> raw(RoutingContext ctx, String name) {
            return Optional.ofNullable(ctx.request().getParam(name)).filter(s -> !s.isEmpty());
        }

        static String key(RoutingContext ctx, String name) {
            String value = ctx.pathParam(name);
            if (value == null || value.isBlank() || value.length() > 64) {
                throw ApiError.badRequest(name, name + " must be 1-64 characters");
            }
            return value;
        }

        static String oneOf(RoutingContext ctx, String name, List<String> allowed, String otherwise) {
            String value = raw(ctx, name).orElse(otherwise);
            if (!allowed.contains(value)) {
                throw ApiError.badRequest(name, name + " must be one of " + String.join(", ", allowed) + ", got '"
                        + value + "'");
            }
            return value;
        }

        static int integer(RoutingContext ctx, String name, int min, int max, int otherwise) {
            Optional<String> text = raw(ctx, name);
            if (text.isEmpty()) {
                return otherwise;
            }
            try {
                int value = Integer.parseInt(text.get());
                if (value < min || value > max) {
                    throw ApiError.badRequest(name, name + " must be between " + min + " and " + max + ", got " + value);
                }
                return value;
            } catch (NumberFormatException e) {
                throw ApiError.badRequest(name, name + " '" + text.get() + "' is not a whole number");
            }
        }

        static double fraction(RoutingContext ctx, String name, double otherwise) {
            Optional<String> text = raw(ctx, name);
            if (text.isEmpty()) {
                return otherwise;
            }
            try {
                double value = Double.parseDouble(text.get());
                if (!(value >= 0 && value <= 1)) {
                    throw ApiError.badRequest(name, name + " must be a fraction between 0 and 1, got " + text.get());
                }
                return value;
            } catch (NumberFormatException e) {
                throw ApiError.badRequest(name, name + " '" + text.get() + "' is not a number");
            }
        }

        static Optional<LocalDate> date(RoutingContext ctx, String name) {
            return raw(ctx, name).map(text -> {
                try {
                    return LocalDate.parse(text);
                } catch (DateTimeParseException e) {
                    throw ApiError.badRequest(name, name + " '" + text + "' is not a date (YYYY-MM-DD)");
                }
            });
        }

        static Optional<Instant> instant(RoutingContext ctx, String name) {
            return raw(ctx, name).map(text -> {
                Instant at;
                try {
                    at = text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                            : Instant.parse(text);
                } catch (DateTimeParseException e) {
                    throw ApiError.badRequest(name, name + " '" + text
                            + "' is neither an ISO instant (2026-11-22T10:00:00Z) nor a date (2026-11-22)");
                }
                if (!Limits.isSaneInstant(at)) {
                    throw ApiError.outOfRange(name, name + " " + text + " is outside " + Limits.EARLIEST + " .. " + Limits.LATEST);
                }
                return at;
            });
        }

        /**
         * from/to; to defaults to the end of the current hour, from to {@code days} (default 1) before to, so a page
         * asks for "the last week" by the hub's clock rather than its own.
         */
        static TimeRange range(RoutingContext ctx, Instant now, int maxDays) {
            Instant to = instant(ctx, "to").orElse(Instant.ofEpochSecond((Math.floorDiv(now.getEpochSecond(), 3600) + 1) * 3600));
            int days = integer(ctx, "days", 1, maxDays, 1);
            Instant from = instant(ctx, "from").orElse(to.minus(Duration.ofDays(days)));
            if (!to.isAfter(from)) {
                throw ApiError.badRequest("to", "to (" + to + ") must be after from (" + from + ")");
            }
            if (Duration.between(from, to).toDays() > maxDays) {
                throw ApiError.badRequest("from", String.format(Locale.ROOT, "the range may span at most %d days", maxDays));
            }
            return new TimeRange(from, to);
        }
    }
}
