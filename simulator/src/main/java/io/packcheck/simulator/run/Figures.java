package io.packcheck.simulator.run;

import io.packcheck.core.verify.Verdict;
import io.packcheck.simulator.hub.EventLog;
import io.packcheck.simulator.plan.Injection;
import io.packcheck.simulator.plan.Step;
import io.packcheck.simulator.process.Light;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The figures of a simulated day, from what the simulator sent (it knows what each scan must produce) and
 * what the hub's {@code GET /events} holds. Each station's events are taken in sequence order and matched
 * to its scans by the raw scan; an event that matches no scan, an id or a sequence number seen twice is
 * doubled, a scan with no event or a sequence number missing is lost.
 */
public record Figures(
        int scans,
        int injected,
        int caught,
        int caughtRedAtStation,
        int correctScans,
        int falseAlarms,
        int unexpectedVerdicts,
        List<String> problems,
        List<Long> scanToHubVisibleMillis,
        List<Long> scanToHubReceivedMillis,
        List<Long> cancelToStationMillis,
        int cancels,
        int cancelsNotShown,
        int hubEvents,
        int lostScans,
        int missingSequenceNumbers,
        int doubledEvents,
        Map<Injection, KindTally> byKind,
        int itemScans,
        int ordersDone,
        int ordersPlanned,
        List<WeightCheck> weightErrors,
        List<Long> weighingMillis) {

    /**
     * How many errors of one kind were injected and how many the station caught; {@code notRequired} counts weight
     * errors under 10% of their parcel that the scale let pass, which the goal does not ask it to catch.
     */
    public record KindTally(int injected, int caught, int notRequired) {

        public KindTally(int injected, int caught) {
            this(injected, caught, 0);
        }

        KindTally plus(KindTally other) {
            return new KindTally(injected + other.injected, caught + other.caught, notRequired + other.notRequired);
        }

        public double catchRate() {
            int required = injected - notRequired;
            return required == 0 ? 1.0 : (double) caught / required;
        }
    }

    /** A weight error made on purpose: by how much, as a share of its parcel's expected weight, and whether caught. */
    public record WeightCheck(Injection kind, String stationId, String orderId, double grams, double share, boolean caught) {

        /** Whether the goal requires catching it: at least 10% of the parcel. */
        public boolean required() {
            return share >= 0.10;
        }
    }

    private static final Duration ONLINE_MARGIN = Duration.ofSeconds(3);

    /** Matches what was sent with what the hub holds, for a day that packed every order it planned. */
    public static Figures of(DayRecord record, List<EventLog.Seen> events) {
        return of(record, events, record.ordersDone());
    }

    /** Matches what was sent with what the hub holds; {@code ordersPlanned} says how many the day meant to pack. */
    public static Figures of(DayRecord record, List<EventLog.Seen> events, int ordersPlanned) {
        List<String> problems = new ArrayList<>();
        Map<String, List<EventLog.Seen>> byStation = new HashMap<>();
        Set<String> ids = new HashSet<>();
        int doubled = 0;
        for (EventLog.Seen seen : events) {
            if (!ids.add(seen.event().getString("id"))) {
                doubled++;
                problems.add("event id twice at the hub: " + seen.event().getString("id"));
            }
            byStation.computeIfAbsent(seen.event().getString("stationId"), s -> new ArrayList<>()).add(seen);
        }
        Map<String, List<SentScan>> scansByStation = new HashMap<>();
        for (SentScan s : record.scans()) {
            scansByStation.computeIfAbsent(s.stationId(), k -> new ArrayList<>()).add(s);
        }
        int missingSeq = 0;
        Map<SentScan, JsonObject> matched = new HashMap<>();
        Map<SentScan, JsonObject> answers = new HashMap<>();
        Map<String, Long> completedAtSeq = new HashMap<>();
        for (Map.Entry<String, List<EventLog.Seen>> e : byStation.entrySet()) {
            List<EventLog.Seen> list = new ArrayList<>(e.getValue());
            list.sort(Comparator.comparingLong(s -> s.event().getLong("seq")));
            TreeSet<Long> seqs = new TreeSet<>();
            for (EventLog.Seen s : list) {
                long seq = s.event().getLong("seq");
                if (!seqs.add(seq)) {
                    doubled++;
                    problems.add(e.getKey() + ": sequence number " + seq + " twice");
                }
                if ("ORDER_COMPLETED".equals(s.event().getString("kind"))) {
                    completedAtSeq.put(s.event().getString("orderId"), seq);
                }
            }
            if (!seqs.isEmpty()) {
                int missing = (int) (seqs.last() - seqs.size());
                if (missing > 0) {
                    missingSeq += missing;
                    problems.add(e.getKey() + ": " + missing + " sequence numbers missing below " + seqs.last());
                }
            }
            doubled += match(scansByStation.getOrDefault(e.getKey(), List.of()), list, matched, answers, problems);
        }

        List<Long> visible = new ArrayList<>();
        List<Long> received = new ArrayList<>();
        int injected = 0;
        int caught = 0;
        int red = 0;
        int correct = 0;
        int falseAlarms = 0;
        int unexpected = 0;
        int lost = 0;
        int notRequired = 0;
        List<WeightCheck> weightErrors = new ArrayList<>();
        List<Long> weighing = new ArrayList<>();
        Map<Injection, KindTally> byKind = new EnumMap<>(Injection.class);
        Map<JsonObject, Instant> seenAt = new HashMap<>();
        events.forEach(s -> seenAt.put(s.event(), s.seenAt()));
        for (SentScan s : record.scans()) {
            JsonObject event = matched.get(s);
            // what the station answered: the last of the events the step brought (a weighed parcel, then the order)
            Optional<JsonObject> answer = Optional.ofNullable(answers.get(s));
            Optional<Verdict> got = answer.map(ev -> Verdict.valueOf(ev.getString("verdict")));
            boolean answered = answer.filter(ev -> s.step().expected().filter(v -> sameAnswer(v, ev)).isPresent()).isPresent();
            if (!s.scanned()) {
                s.light().ifPresent(l -> weighing.add(Duration.between(s.sentAt(), l.at()).toMillis()));
            }
            boolean wasRed = s.light().filter(l -> l.colour() == Light.Colour.RED).isPresent();
            if (event == null) {
                lost++;
                problems.add(s.stationId() + ": no hub event for scan '" + s.step().what() + "' sent at " + s.sentAt());
            } else if (s.scanned() && online(s.sentAt(), record.outages())) {
                visible.add(Duration.between(s.sentAt(), seenAt.get(event)).toMillis());
                received.add(Duration.between(s.sentAt(), Instant.parse(event.getString("receivedAt"))).toMillis());
            }
            if (s.step().injected().isPresent()) {
                injected++;
                Long completed = completedAtSeq.get(s.orderId());
                boolean beforeCompletion = event != null && (completed == null || event.getLong("seq") < completed);
                boolean endedRed = s.light().filter(Light::redOn).isPresent();
                boolean wasCaught = answered && beforeCompletion
                        && (!s.step().injected().get().mustEndRed() || endedRed);
                Optional<Step.WeightError> error = s.step() instanceof Step.Weighed w ? w.error() : Optional.empty();
                error.ifPresent(x -> weightErrors.add(new WeightCheck(s.step().injected().get(), s.stationId(), s.orderId(),
                        x.grams(), x.share(), wasCaught)));
                boolean excused = !wasCaught && error.filter(x -> !x.required()).isPresent();
                byKind.merge(s.step().injected().get(), new KindTally(1, wasCaught ? 1 : 0, excused ? 1 : 0), KindTally::plus);
                if (wasCaught) {
                    caught++;
                } else if (excused) {
                    notRequired++;
                } else {
                    problems.add(s.stationId() + ": injected " + s.step().injected().get() + " (" + s.step().what()
                            + ") got " + got.map(Enum::name).orElse("no event")
                            + (s.step().injected().get().mustEndRed() && !endedRed ? ", tower not red after it" : ""));
                }
                if (wasRed) {
                    red++;
                }
            } else if (s.step().expected().isPresent()) {
                if (s.step().correctItem()) {
                    correct++;
                }
                if (got.filter(Verdict::isMismatch).isPresent() || wasRed) {
                    falseAlarms++;
                    problems.add(s.stationId() + ": false alarm on '" + s.step().what() + "': "
                            + got.map(Enum::name).orElse("") + (wasRed ? " red light" : ""));
                } else if (got.isPresent() && !answered) {
                    unexpected++;
                    problems.add(s.stationId() + ": '" + s.step().what() + "' expected " + s.step().expected().get()
                            + ", got " + got.get());
                }
            }
        }
        for (DayRecord.HubCheck check : record.hubChecks()) {
            injected++;
            byKind.merge(check.kind(), new KindTally(1, check.caught() ? 1 : 0), KindTally::plus);
            if (check.caught()) {
                caught++;
            } else {
                problems.add("hub: injected " + check.kind() + " (" + check.what() + ") was not refused");
            }
        }
        List<Long> cancels = record.cancels().stream().flatMap(c -> c.toRed().stream()).map(Duration::toMillis).toList();
        int notShown = (int) record.cancels().stream().filter(c -> c.toRed().isEmpty()).count();
        record.cancels().stream().filter(c -> c.toRed().isEmpty())
                .forEach(c -> problems.add(c.stationId() + ": cancel of " + c.orderId() + " never showed red"));
        int scans = (int) record.scans().stream().filter(SentScan::scanned).count();
        return new Figures(scans, injected - notRequired, caught, red, correct, falseAlarms, unexpected,
                List.copyOf(problems), sorted(visible), sorted(received), sorted(cancels), record.cancels().size(),
                notShown, events.size(), lost, missingSeq, doubled, Map.copyOf(byKind),
                (int) record.scans().stream().filter(s -> s.step().itemScan()).count(), record.ordersDone(), ordersPlanned,
                List.copyOf(weightErrors), sorted(weighing));
    }

    /**
     * Whether the hub's event says what the plan expected. A CLEAR is recorded as the clearing itself (accepted),
     * whatever the station goes on to show (a parcel weighed again, a label still to scan).
     */
    static boolean sameAnswer(Verdict expected, JsonObject event) {
        Verdict got = Verdict.valueOf(event.getString("verdict"));
        return got == expected || "SESSION_CLEARED".equals(event.getString("kind")) && got == Verdict.COMMAND_ACCEPTED
                && !expected.isMismatch();
    }

    /** Weight errors of at least 10% of their parcel that the station let pass. */
    public int missedWeightErrors() {
        return (int) weightErrors.stream().filter(w -> w.required() && !w.caught()).count();
    }

    /** The smallest weight error the station caught, if it caught any. */
    public Optional<WeightCheck> smallestCaught() {
        return weightErrors.stream().filter(WeightCheck::caught).min(Comparator.comparingDouble(w -> Math.abs(w.grams())));
    }

    /** The smallest weight error the station caught, as a share of its parcel. */
    public Optional<WeightCheck> smallestShareCaught() {
        return weightErrors.stream().filter(WeightCheck::caught).min(Comparator.comparingDouble(WeightCheck::share));
    }

    /** The largest weight error (as a share of its parcel) the station let pass. */
    public Optional<WeightCheck> largestPassed() {
        return weightErrors.stream().filter(w -> !w.caught()).max(Comparator.comparingDouble(WeightCheck::share));
    }

    /** Matches one station's events (in sequence order) to its scans (in sending order); returns the extras. */
    private static int match(List<SentScan> scans, List<EventLog.Seen> events, Map<SentScan, JsonObject> matched,
            Map<SentScan, JsonObject> answers, List<String> problems) {
        int next = 0;
        int extras = 0;
        String lastRaw = null;
        SentScan last = null;
        for (EventLog.Seen seen : events) {
            JsonObject e = seen.event();
            String raw = Optional.ofNullable(e.getString("raw")).orElse("");
            String kind = e.getString("kind");
            boolean follows = "ORDER_COMPLETED".equals(kind)
                    || ("SESSION_CANCELLED".equals(kind) && "ORDER_OPENED".equals(e.getString("verdict")));
            if (raw.isEmpty()) {
                continue; // pushed by the hub (blocked, changed)
            }
            if (follows && raw.equals(lastRaw)) {
                answers.put(last, e); // the second event of one scan
                continue;
            }
            int at = -1;
            for (int i = next; i < Math.min(scans.size(), next + 50); i++) {
                if (scans.get(i).step().raw().equals(raw)) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                extras++;
                problems.add(e.getString("stationId") + ": event seq " + e.getLong("seq") + " (" + kind + " "
                        + printable(raw) + ") matches no scan sent");
                continue;
            }
            matched.put(scans.get(at), e);
            answers.put(scans.get(at), e);
            last = scans.get(at);
            lastRaw = raw;
            next = at + 1;
        }
        return extras;
    }

    private static boolean online(Instant sent, List<DayRecord.Outage> outages) {
        return outages.stream().noneMatch(o -> !sent.plus(ONLINE_MARGIN).isBefore(o.from()) && !sent.isAfter(o.to()));
    }

    private static List<Long> sorted(List<Long> values) {
        List<Long> copy = new ArrayList<>(values);
        copy.sort(null);
        return List.copyOf(copy);
    }

    /** The p-th percentile (nearest rank) in milliseconds; empty when there are no values. */
    public static Optional<Long> percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Optional.empty();
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return Optional.of(sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))));
    }

    public double catchRate() {
        return injected == 0 ? 1.0 : (double) caught / injected;
    }

    public int lost() {
        return lostScans + missingSequenceNumbers;
    }

    /** Prints the figures with their targets. */
    public void print(PrintStream out) {
        out.println("Figures");
        out.printf(Locale.ROOT, "  orders packed                  %d of %d planned%n", ordersDone, ordersPlanned);
        out.printf(Locale.ROOT, "  scans sent                     %d: %d item scans (%d correct items; the dashboard counts item scans),"
                + " %d order opens, commands and badges%n", scans, itemScans, correctScans, scans - itemScans);
        out.printf(Locale.ROOT, "  catch rate                     %.1f%% (%d of %d injected errors caught before the order completed; "
                + "%d red at the station)  target 100%%%n", 100 * catchRate(), caught, injected, caughtRedAtStation);
        new TreeMap<>(byKind).forEach((kind, tally) -> out.printf(Locale.ROOT,
                "    %-28s %.1f%% (%d of %d)%s%n", kind.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                100 * tally.catchRate(), tally.caught(), tally.injected() - tally.notRequired(),
                tally.notRequired() == 0 ? "" : "; " + tally.notRequired() + " more under 10% of the parcel passed the scale"
                        + " (not required)"));
        if (!weightErrors.isEmpty()) {
            long required = weightErrors.stream().filter(WeightCheck::required).count();
            out.printf(Locale.ROOT, "  weight errors                  %d injected, %d of them at least 10%% of the parcel; missed %d"
                    + "  target 0%n", weightErrors.size(), required, missedWeightErrors());
            smallestCaught().ifPresent(w -> out.printf(Locale.ROOT,
                    "    smallest caught              %s%n", describe(w)));
            smallestShareCaught().ifPresent(w -> out.printf(Locale.ROOT,
                    "    smallest share caught        %s%n", describe(w)));
            largestPassed().ifPresent(w -> out.printf(Locale.ROOT,
                    "    largest that passed          %s%n", describe(w)));
        }
        if (!weighingMillis.isEmpty()) {
            out.printf(Locale.ROOT, "  closing scan to weight verdict p50 %s  p95 %s  max %s (%d weighings)%n",
                    ms(percentile(weighingMillis, 50)), ms(percentile(weighingMillis, 95)),
                    ms(percentile(weighingMillis, 100)), weighingMillis.size());
        }
        out.printf(Locale.ROOT, "  false alarms on correct scans  %d  target 0%n", falseAlarms);
        out.printf(Locale.ROOT, "  other unexpected verdicts      %d%n", unexpectedVerdicts);
        out.printf(Locale.ROOT, "  scan to hub (visible in /events) p50 %s  p95 %s  max %s  target p50 <= 500 ms (%d scans sent while the hub was up)%n",
                ms(percentile(scanToHubVisibleMillis, 50)), ms(percentile(scanToHubVisibleMillis, 95)),
                ms(percentile(scanToHubVisibleMillis, 100)), scanToHubVisibleMillis.size());
        out.printf(Locale.ROOT, "  scan to hub (receivedAt)       p50 %s  p95 %s%n",
                ms(percentile(scanToHubReceivedMillis, 50)), ms(percentile(scanToHubReceivedMillis, 95)));
        out.printf(Locale.ROOT, "  cancel to station (red light)  p50 %s  p99 %s  max %s  target p99 <= 1000 ms (%d cancels, %d never shown)%n",
                ms(percentile(cancelToStationMillis, 50)), ms(percentile(cancelToStationMillis, 99)),
                ms(percentile(cancelToStationMillis, 100)), cancels, cancelsNotShown);
        out.printf(Locale.ROOT, "  hub events                     %d%n", hubEvents);
        out.printf(Locale.ROOT, "  events lost                    %d (%d scans without event, %d sequence numbers missing)  target 0%n",
                lost(), lostScans, missingSequenceNumbers);
        out.printf(Locale.ROOT, "  events doubled                 %d  target 0%n", doubledEvents);
        if (!problems.isEmpty()) {
            out.println("  problems (first 20):");
            problems.stream().limit(20).forEach(p -> out.println("    " + p));
        }
    }

    private static String describe(WeightCheck w) {
        return String.format(Locale.ROOT, "%+.0f g = %.1f%% of the parcel (%s, %s at %s)", w.grams(), 100 * w.share(),
                w.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), w.orderId(), w.stationId());
    }

    private static String ms(Optional<Long> value) {
        return value.map(v -> v + " ms").orElse("n/a");
    }

    static String printable(String raw) {
        return raw.replace("\u001d", "<GS>");
    }
}
