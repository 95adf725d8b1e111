package io.packcheck.hub.parcels;

import io.packcheck.core.verify.PackEvent;
import io.packcheck.core.verify.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A parcel event in a supervisor's words, for the order trail: "parcel 2 closed: 1Z..., 880 g, expected 875 +/- 44". */
public final class ParcelWords {

    private ParcelWords() {}

    public static Optional<String> of(PackEvent e) {
        if (e.parcel().isEmpty()) {
            return Optional.empty();
        }
        PackEvent.Parcel p = e.parcel().get();
        boolean closed = e.kind() == PackEvent.EventKind.PARCEL_CLOSED;
        boolean refused = e.verdict() == Verdict.WEIGHT_MISMATCH;
        String head = "parcel " + p.number() + (closed ? " closed" : refused ? " refused" : "");
        List<String> facts = new ArrayList<>();
        p.label().ifPresent(facts::add);
        p.box().ifPresent(b -> facts.add("box " + b));
        p.weightGrams().ifPresent(g -> facts.add((refused ? "weighs " : "") + grams(g)));
        expected(p).ifPresent(facts::add);
        if (closed && e.reasonCode().isPresent()) {
            facts.add("weight let through by " + e.supervisor().orElse("a supervisor") + " (" + e.reasonCode().get() + ")");
        }
        return Optional.of(facts.isEmpty() ? head : head + ": " + String.join(", ", facts));
    }

    private static Optional<String> expected(PackEvent.Parcel p) {
        return p.expectedGrams().map(x -> "expected " + String.format(Locale.UK, "%,d", Math.round(x))
                + p.toleranceGrams().map(t -> " +/- " + Math.round(t)).orElse(""));
    }

    /** "1,310 g": whole grams, as the station shows them. */
    public static String grams(double grams) {
        return String.format(Locale.UK, "%,d g", Math.round(grams));
    }
}
