package io.packcheck.core.weight;

import io.packcheck.core.weight.NormalEquations.Identification;
import io.packcheck.core.weight.NormalEquations.Row;
import io.packcheck.core.weight.NormalEquations.Solution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Learns unit weights of SKUs and tares of box types from weighed parcels.
 *
 * <p>Each parcel says: its grams are the sum of its units' weights plus its box's tare, give or take the spread of
 * the units (relative) and of the scale (absolute). The fit is a robust weighted least-squares over all parcels at
 * once, so a SKU is learned from mixed parcels (it need not ship alone), and a parcel with a wrong, missing or extra
 * unit is recognised by its residual and left out instead of pulling the weights: iteratively reweighted, first with
 * Huber weights (convex, so it settles from the plain fit), then with Tukey's bisquare (which drops gross errors).
 * Bisquare can settle on the wrong reading when a few wrong parcels carry much weight, so it also runs from a second
 * start (the plain fit with the worst parcels left out one by one) and the fit that leaves fewer parcels out wins.
 *
 * <p>A determined weight counts as {@link Estimate.Learned} only when it is precise enough ({@link Settings}) and
 * cross-checked: no single parcel carries most of the evidence for it, it is not negative nor shares a parcel with a
 * negative one, and both starts agree on it. Otherwise it is {@link Estimate.Imprecise}, with its estimate.
 *
 * <p>Only what the parcels determine is reported as a weight: components that always appear in the same proportion
 * (two SKUs that only ship together, a SKU that always ships alone in the same box) come back as
 * {@link Estimate.Confounded}.
 */
public final class WeightFit {

    private static final double HUBER_K = 1.345;
    private static final double TUKEY_C = 4.685;
    /** Keeps a rejected parcel in the system with no say, so the design (and what it identifies) does not change. */
    private static final double MIN_ROBUST_WEIGHT = 1e-6;
    /**
     * A parcel with more leverage than this carries most of the evidence for what it measures: with one other parcel
     * (leverage 1/2 each) a disagreement widens the standard error, but above this a wrong unit would go unseen.
     */
    private static final double LEVERAGE_OUTVOTED = 0.7;
    /** How far (in learned precisions: 4 x max(2.5 g, 1.25 %) = max(10 g, 5 %)) an unseen wrong unit may move a weight. */
    private static final double UNSEEN_ERROR_ALLOWED = 4;
    private static final int MAX_ITERATIONS = 50;
    private static final int MAX_TRIMMED = 20;
    private static final double CONVERGED_GRAMS = 1e-3;

    /**
     * How much parcels vary, and how sure a weight must be to count as learned.
     *
     * @param unitSpread         standard deviation of one unit's (or empty box's) weight, as a share of it
     * @param scaleGrams         standard deviation of the scale reading, in grams
     * @param learnedWithinGrams a weight is learned once its standard error is at most this many grams...
     * @param learnedWithinShare ...or at most this share of the weight, whichever is larger
     */
    public record Settings(double unitSpread, double scaleGrams, double learnedWithinGrams, double learnedWithinShare) {

        /**
         * Units vary by about +/-3 % (sd 2 %), the scale by about +/-2 g; learned when the standard error is at most
         * max(2.5 g, 1.25 %), so that four standard errors stay within max(10 g, 5 %), well inside the stations'
         * parcel tolerance of max(20 g, 5 %).
         */
        public static final Settings DEFAULT = new Settings(0.02, 2.0, 2.5, 0.0125);

        public Settings {
            if (!(unitSpread >= 0) || !(scaleGrams > 0)) {
                throw new IllegalArgumentException("fit settings: unitSpread must be 0 or more and scaleGrams above 0");
            }
            if (!(learnedWithinGrams > 0) || !(learnedWithinShare >= 0)) {
                throw new IllegalArgumentException("fit settings: learnedWithinGrams must be above 0 and learnedWithinShare 0 or more");
            }
        }

        double learnedWithin(double grams) {
            return Math.max(learnedWithinGrams, learnedWithinShare * Math.abs(grams));
        }
    }

    private final Settings settings;

    public WeightFit() {
        this(Settings.DEFAULT);
    }

    public WeightFit(Settings settings) {
        this.settings = settings;
    }

    public WeightFitResult fit(List<WeighedParcel> parcels) {
        return fit(parcels, Map.of());
    }

    /**
     * @param known components whose weight is given (e.g. trusted catalogue weights, measured box tares): subtracted
     *              from the parcels and not estimated
     */
    public WeightFitResult fit(List<WeighedParcel> parcels, Map<Component, Double> known) {
        known.forEach((component, grams) -> {
            if (grams == null || !Double.isFinite(grams)) {
                throw new IllegalArgumentException("known weight of " + component + ": must be a number of grams, got " + grams);
            }
        });
        TreeSet<Component> unknownSet = new TreeSet<>();
        for (WeighedParcel parcel : parcels) {
            for (Component c : componentsOf(parcel)) {
                if (!known.containsKey(c)) {
                    unknownSet.add(c);
                }
            }
        }
        List<Component> unknowns = List.copyOf(unknownSet);
        Map<Component, Integer> column = new HashMap<>();
        for (int i = 0; i < unknowns.size(); i++) {
            column.put(unknowns.get(i), i);
        }
        int[] support = new int[unknowns.size()];
        List<Row> rows = new ArrayList<>();
        List<Integer> rowParcel = new ArrayList<>();
        List<Double> givenVariance = new ArrayList<>();
        for (int p = 0; p < parcels.size(); p++) {
            WeighedParcel parcel = parcels.get(p);
            Row row = rowOf(parcel, column, known, support);
            if (row.columns().length > 0) {
                rows.add(row);
                rowParcel.add(p);
                givenVariance.add(givenVariance(parcel, known));
            }
        }
        int n = unknowns.size();
        if (n == 0) {
            return new WeightFitResult(List.of(), List.of());
        }

        Identification id = NormalEquations.identify(rows, n);
        Candidate fromHuber = fromHuber(rows, id, n, givenVariance);
        Candidate fromTrimmed = fromTrimmed(rows, id, n, givenVariance);
        // Bisquare is not convex: where a few wrong parcels carry much leverage, the Huber start can lead it to a
        // fit that explains them and rejects good parcels instead. Of the two starts, keep the fit that rejects less.
        Candidate best = fromTrimmed.loss() < fromHuber.loss() ? fromTrimmed : fromHuber;
        rows = best.rows();
        double[] base = baseWeights(rows);
        double[] robust = best.robust();
        Solution solution = best.solution();

        double varianceFactor = varianceFactor(rows, base, robust, solution.x(), id.basis().length);
        double[][] inverse = solution.factor().inverse();
        BitSet unchecked = unchecked(rows, parcels, rowParcel, base, robust, solution.x(), inverse, n);
        unchecked.or(bentByAWrongParcel(rows, unknowns, id, solution.x()));
        unchecked.or(readTwoWays(best == fromHuber ? fromTrimmed : fromHuber, solution.x()));
        List<Estimate> estimates = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            Component component = unknowns.get(c);
            if (!id.identified().get(c)) {
                Set<Component> with = id.confoundedBy().get(c).stream().mapToObj(unknowns::get)
                        .collect(Collectors.toCollection(TreeSet::new));
                estimates.add(new Estimate.Confounded(component, support[c], with));
                continue;
            }
            double grams = solution.x()[c];
            double standardError = Math.sqrt(Math.max(0, inverse[c][c]) * varianceFactor);
            boolean plausible = component instanceof Component.Tare || grams > 0;
            if (plausible && !unchecked.get(c) && standardError <= settings.learnedWithin(grams)) {
                estimates.add(new Estimate.Learned(component, grams, support[c], standardError));
            } else {
                estimates.add(new Estimate.Imprecise(component, grams, support[c], standardError));
            }
        }
        List<Integer> outliers = new ArrayList<>();
        for (int p = 0; p < rows.size(); p++) {
            Row row = rows.get(p);
            if (Math.abs(row.grams() - row.predict(solution.x())) > TUKEY_C * row.sigma()) {
                outliers.add(rowParcel.get(p));
            }
        }
        return new WeightFitResult(estimates, outliers);
    }

    /**
     * A negative weight cannot be: the fit explained some wrong parcel with it, and whatever shares a parcel with it
     * may be bent the same way.
     */
    private BitSet bentByAWrongParcel(List<Row> rows, List<Component> unknowns, Identification id, double[] x) {
        BitSet bent = new BitSet(unknowns.size());
        double tareFloor = -UNSEEN_ERROR_ALLOWED * settings.learnedWithin(0);
        BitSet negative = new BitSet(unknowns.size());
        for (int c = 0; c < unknowns.size(); c++) {
            if (id.identified().get(c) && x[c] < (unknowns.get(c) instanceof Component.Unit ? 0 : tareFloor)) {
                negative.set(c);
            }
        }
        if (!negative.isEmpty()) {
            for (Row row : rows) {
                if (Arrays.stream(row.columns()).anyMatch(negative::get)) {
                    Arrays.stream(row.columns()).forEach(bent::set);
                }
            }
        }
        return bent;
    }

    /** Where the two starts settle on different weights, the parcels allow two readings of which ones are wrong. */
    private BitSet readTwoWays(Candidate other, double[] x) {
        BitSet ambiguous = new BitSet(x.length);
        for (int c = 0; c < x.length; c++) {
            if (Math.abs(other.solution().x()[c] - x[c]) > settings.learnedWithin(x[c])) {
                ambiguous.set(c);
            }
        }
        return ambiguous;
    }

    private record Candidate(List<Row> rows, double[] robust, Solution solution, double loss) {
    }

    private Candidate fromHuber(List<Row> rows, Identification id, int n, List<Double> givenVariance) {
        double[] robust = new double[rows.size()];
        Arrays.fill(robust, 1.0);
        Solution solution = NormalEquations.solve(rows, baseWeights(rows), n, id.basis());
        solution = reweight(rows, baseWeights(rows), robust, n, id, solution, WeightFit::huber);
        // Once weights are estimated, a parcel's expected spread comes from its own units: a 3 kg unit with a 40 g
        // one varies like the 3 kg unit, not like two 1.5 kg halves.
        rows = withSpreadFrom(rows, solution.x(), id.identified(), givenVariance);
        solution = reweight(rows, baseWeights(rows), robust, n, id, solution, WeightFit::huber);
        return bisquareFrom(rows, id, n, givenVariance, solution);
    }

    /**
     * A start that leaves out, one at a time, the parcel that fits worst, while it is clearly off: up to a fifth of
     * the parcels (at most {@value #MAX_TRIMMED}).
     */
    private Candidate fromTrimmed(List<Row> rows, Identification id, int n, List<Double> givenVariance) {
        double[] base = baseWeights(rows);
        double[] w = base.clone();
        Solution solution = NormalEquations.solve(rows, w, n, id.basis());
        int limit = Math.min(MAX_TRIMMED, rows.size() / 5);
        for (int trimmed = 0; trimmed < limit; trimmed++) {
            int worst = -1;
            double worstU = TUKEY_C;
            for (int p = 0; p < rows.size(); p++) {
                Row row = rows.get(p);
                double u = Math.abs(row.grams() - row.predict(solution.x())) / row.sigma();
                if (w[p] == base[p] && u > worstU) {
                    worst = p;
                    worstU = u;
                }
            }
            if (worst < 0) {
                break;
            }
            w[worst] = base[worst] * MIN_ROBUST_WEIGHT;
            solution = NormalEquations.solve(rows, w, n, id.basis());
        }
        rows = withSpreadFrom(rows, solution.x(), id.identified(), givenVariance);
        return bisquareFrom(rows, id, n, givenVariance, solution);
    }

    private Candidate bisquareFrom(List<Row> rows, Identification id, int n, List<Double> givenVariance, Solution start) {
        double[] robust = new double[rows.size()];
        Solution solution = reweight(rows, baseWeights(rows), robust, n, id, start, WeightFit::bisquare);
        double loss = 0;
        for (Row row : rows) {
            loss += 1 - bisquare((row.grams() - row.predict(solution.x())) / row.sigma());
        }
        return new Candidate(rows, robust, solution, loss);
    }

    private static double[] baseWeights(List<Row> rows) {
        double[] base = new double[rows.size()];
        for (int p = 0; p < rows.size(); p++) {
            double sigma = rows.get(p).sigma();
            base[p] = 1.0 / (sigma * sigma);
        }
        return base;
    }

    private List<Row> withSpreadFrom(List<Row> rows, double[] x, BitSet identified, List<Double> givenVariance) {
        double unit = settings.unitSpread();
        List<Row> spread = new ArrayList<>(rows.size());
        for (int p = 0; p < rows.size(); p++) {
            Row row = rows.get(p);
            double variance = givenVariance.get(p) + settings.scaleGrams() * settings.scaleGrams();
            double explained = 0;
            double unknownPieces = 0;
            for (int i = 0; i < row.columns().length; i++) {
                int c = row.columns()[i];
                double count = row.counts()[i];
                if (identified.get(c) && x[c] > 0) {
                    variance += count * (unit * x[c]) * (unit * x[c]);
                    explained += count * x[c];
                } else {
                    unknownPieces += count;
                }
            }
            if (unknownPieces > 0) {
                double share = Math.max(row.grams() - explained, 0) / unknownPieces;
                variance += unknownPieces * (unit * share) * (unit * share);
            }
            spread.add(new Row(row.columns(), row.counts(), row.grams(), Math.sqrt(variance)));
        }
        return spread;
    }

    private double givenVariance(WeighedParcel parcel, Map<Component, Double> known) {
        double variance = 0;
        for (Component c : componentsOf(parcel)) {
            Double given = known.get(c);
            if (given != null) {
                int count = c instanceof Component.Unit unit ? parcel.items().get(unit.sku()) : 1;
                variance += count * (settings.unitSpread() * given) * (settings.unitSpread() * given);
            }
        }
        return variance;
    }

    private interface RobustWeight {
        double of(double standardisedResidual);
    }

    private static Solution reweight(List<Row> rows, double[] base, double[] robust, int n, Identification id,
            Solution start, RobustWeight weight) {
        Solution solution = start;
        double[] w = new double[rows.size()];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            for (int p = 0; p < rows.size(); p++) {
                Row row = rows.get(p);
                double u = (row.grams() - row.predict(solution.x())) / row.sigma();
                robust[p] = Math.max(weight.of(u), MIN_ROBUST_WEIGHT);
                w[p] = base[p] * robust[p];
            }
            Solution next = NormalEquations.solve(rows, w, n, id.basis());
            double change = 0;
            for (int c = 0; c < n; c++) {
                change = Math.max(change, Math.abs(next.x()[c] - solution.x()[c]));
            }
            solution = next;
            if (change < CONVERGED_GRAMS) {
                break;
            }
        }
        return solution;
    }

    private static double huber(double u) {
        double a = Math.abs(u);
        return a <= HUBER_K ? 1.0 : HUBER_K / a;
    }

    private static double bisquare(double u) {
        double t = u / TUKEY_C;
        if (Math.abs(t) >= 1) {
            return 0;
        }
        double s = 1 - t * t;
        return s * s;
    }

    /**
     * Components a single wrong parcel could move by more than they may be off. A parcel that carries half or more
     * of the evidence for some direction (leverage above 1/2) cannot be outvoted: if it hid a missing or extra unit,
     * no residual would show it. Its possible error is taken as one average unit of the parcel, and every component
     * that error would shift by more than the learned precision stays imprecise until other parcels cross-check it.
     */
    private BitSet unchecked(List<Row> rows, List<WeighedParcel> parcels, List<Integer> rowParcel, double[] base,
            double[] robust, double[] x, double[][] inverse, int n) {
        BitSet unchecked = new BitSet(n);
        for (int p = 0; p < rows.size(); p++) {
            Row row = rows.get(p);
            double w = base[p] * robust[p];
            double[] g = new double[n];
            for (int i = 0; i < row.columns().length; i++) {
                double count = row.counts()[i];
                double[] column = inverse[row.columns()[i]];
                for (int c = 0; c < n; c++) {
                    g[c] += column[c] * count;
                }
            }
            double leverage = 0;
            for (int i = 0; i < row.columns().length; i++) {
                leverage += w * row.counts()[i] * g[row.columns()[i]];
            }
            if (leverage <= LEVERAGE_OUTVOTED) {
                continue;
            }
            WeighedParcel parcel = parcels.get(rowParcel.get(p));
            double possibleError = parcel.grams() / parcel.units();
            for (int c = 0; c < n; c++) {
                if (Math.abs(w * g[c]) * possibleError > UNSEEN_ERROR_ALLOWED * settings.learnedWithin(x[c])) {
                    unchecked.set(c);
                }
            }
        }
        return unchecked;
    }

    /**
     * The spread the residuals actually show, relative to the model's, never below 1: parcels noisier than the
     * settings assume widen the standard errors, quieter ones do not narrow them.
     */
    private static double varianceFactor(List<Row> rows, double[] base, double[] robust, double[] x, int rank) {
        double effectiveRows = 0;
        double chiSquare = 0;
        for (int p = 0; p < rows.size(); p++) {
            Row row = rows.get(p);
            double r = row.grams() - row.predict(x);
            effectiveRows += robust[p];
            chiSquare += robust[p] * base[p] * r * r;
        }
        double freedom = effectiveRows - rank;
        return freedom >= 1 ? Math.max(1.0, chiSquare / freedom) : 1.0;
    }

    private Row rowOf(WeighedParcel parcel, Map<Component, Integer> column, Map<Component, Double> known, int[] support) {
        List<int[]> entries = new ArrayList<>();
        double grams = parcel.grams();
        Collection<Component> components = componentsOf(parcel);
        for (Component c : components) {
            int count = c instanceof Component.Unit unit ? parcel.items().get(unit.sku()) : 1;
            Double given = known.get(c);
            if (given != null) {
                grams -= count * given;
            } else {
                int col = column.get(c);
                support[col]++;
                entries.add(new int[] {col, count});
            }
        }
        int[] columns = new int[entries.size()];
        double[] counts = new double[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            columns[i] = entries.get(i)[0];
            counts[i] = entries.get(i)[1];
        }
        // Until the weights are known, take the parcel's units (and box) as equal shares of its weight: the relative
        // spread of the sum of k equal pieces is spread / sqrt(k).
        int pieces = parcel.units() + 1;
        double relative = settings.unitSpread() * parcel.grams() / Math.sqrt(pieces);
        double sigma = Math.sqrt(relative * relative + settings.scaleGrams() * settings.scaleGrams());
        return new Row(columns, counts, grams, sigma);
    }

    private static List<Component> componentsOf(WeighedParcel parcel) {
        List<Component> components = new ArrayList<>(parcel.items().size() + 1);
        parcel.items().keySet().forEach(sku -> components.add(new Component.Unit(sku)));
        components.add(new Component.Tare(parcel.box()));
        return components;
    }
}
