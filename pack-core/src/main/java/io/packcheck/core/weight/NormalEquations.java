package io.packcheck.core.weight;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Small dense symmetric systems for the weight fit: which unknowns the design identifies (pivoted Cholesky on the
 * normal matrix), and weighted solves on the identified basis (Cholesky, Jacobi-scaled, a tiny ridge for safety).
 */
final class NormalEquations {

    /** Pivots at or below this share of the (unit) diagonal count as dependent. */
    private static final double RANK_TOLERANCE = 1e-9;
    /** A null-space entry above this marks the unknown as not identified. */
    private static final double NULL_TOLERANCE = 1e-7;
    /** Relative to the unit diagonal after scaling: only guards against round-off, never shifts a real estimate. */
    private static final double RIDGE = 1e-12;

    /** One parcel's row of the design: column indexes and counts, the weight left to explain, its expected spread. */
    record Row(int[] columns, double[] counts, double grams, double sigma) {
        double predict(double[] x) {
            double sum = 0;
            for (int i = 0; i < columns.length; i++) {
                sum += counts[i] * x[columns[i]];
            }
            return sum;
        }
    }

    /**
     * The identified part of the design.
     *
     * @param basis        columns kept in the solve, in pivot order; the others are fixed at 0 (any solution gives
     *                     the same identified values)
     * @param identified   columns whose value the rows determine
     * @param confoundedBy per column not identified: the other columns it cannot be told apart from
     */
    record Identification(int[] basis, BitSet identified, List<BitSet> confoundedBy) {
    }

    private NormalEquations() {
    }

    static Identification identify(List<Row> rows, int n) {
        double[][] a = new double[n][n];
        for (Row row : rows) {
            accumulate(a, row, 1.0);
        }
        jacobiScale(a);
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        int rank = 0;
        for (int k = 0; k < n; k++) {
            int p = k;
            for (int i = k + 1; i < n; i++) {
                if (a[i][i] > a[p][p]) {
                    p = i;
                }
            }
            if (a[p][p] <= RANK_TOLERANCE) {
                break;
            }
            swapSymmetric(a, k, p);
            int t = perm[k];
            perm[k] = perm[p];
            perm[p] = t;
            double d = Math.sqrt(a[k][k]);
            a[k][k] = d;
            for (int i = k + 1; i < n; i++) {
                a[i][k] /= d;
            }
            // the whole trailing block, both triangles, so that later symmetric swaps stay valid
            for (int j = k + 1; j < n; j++) {
                for (int i = k + 1; i < n; i++) {
                    a[i][j] -= a[i][k] * a[j][k];
                }
            }
            for (int j = k + 1; j < n; j++) {
                a[j][j] = Math.max(a[j][j], 0.0);
            }
            rank++;
        }
        // Null space: for each dependent column d, x_basis = -L11^-T l_d, x_d = 1, where l_d is d's row of L21.
        BitSet identified = new BitSet(n);
        for (int k = 0; k < rank; k++) {
            identified.set(perm[k]);
        }
        List<BitSet> confoundedBy = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            confoundedBy.add(new BitSet(n));
        }
        for (int dk = rank; dk < n; dk++) {
            double[] z = new double[rank];
            for (int k = rank - 1; k >= 0; k--) {
                double s = a[dk][k];
                for (int j = k + 1; j < rank; j++) {
                    s -= a[j][k] * z[j];
                }
                z[k] = s / a[k][k];
            }
            BitSet support = new BitSet(n);
            support.set(perm[dk]);
            for (int k = 0; k < rank; k++) {
                if (Math.abs(z[k]) > NULL_TOLERANCE) {
                    support.set(perm[k]);
                }
            }
            for (int c = support.nextSetBit(0); c >= 0; c = support.nextSetBit(c + 1)) {
                identified.clear(c);
                confoundedBy.get(c).or(support);
            }
        }
        for (int c = 0; c < n; c++) {
            confoundedBy.get(c).clear(c);
        }
        int[] basis = new int[rank];
        System.arraycopy(perm, 0, basis, 0, rank);
        return new Identification(basis, identified, confoundedBy);
    }

    /**
     * Weighted least squares on the identified basis.
     *
     * @param weights one per row, above 0
     */
    static Solution solve(List<Row> rows, double[] weights, int n, int[] basis) {
        int r = basis.length;
        int[] position = new int[n];
        Arrays.fill(position, -1);
        for (int k = 0; k < r; k++) {
            position[basis[k]] = k;
        }
        double[][] a = new double[r][r];
        double[] b = new double[r];
        for (int p = 0; p < rows.size(); p++) {
            Row row = rows.get(p);
            double w = weights[p];
            for (int i = 0; i < row.columns().length; i++) {
                int pi = position[row.columns()[i]];
                if (pi < 0) {
                    continue;
                }
                b[pi] += w * row.counts()[i] * row.grams();
                for (int j = 0; j < row.columns().length; j++) {
                    int pj = position[row.columns()[j]];
                    if (pj >= 0) {
                        a[pi][pj] += w * row.counts()[i] * row.counts()[j];
                    }
                }
            }
        }
        double[] scale = jacobiScale(a);
        for (int i = 0; i < r; i++) {
            b[i] *= scale[i];
            a[i][i] += RIDGE;
        }
        cholesky(a);
        double[] y = cholSolve(a, b);
        double[] x = new double[n];
        for (int k = 0; k < r; k++) {
            x[basis[k]] = y[k] * scale[k];
        }
        return new Solution(x, new Factor(n, basis, a, scale));
    }

    /**
     * @param x      the solution, 0 outside the basis
     * @param factor the factored normal matrix it came from
     */
    record Solution(double[] x, Factor factor) {
    }

    /** A Cholesky factor of the (scaled) normal matrix on the basis. */
    record Factor(int n, int[] basis, double[][] lower, double[] scale) {

        /**
         * A generalised inverse of the normal matrix (its inverse on the basis, 0 elsewhere): for any component
         * the rows determine, its variance factor is the diagonal entry whichever solution was taken.
         */
        double[][] inverse() {
            int r = basis.length;
            double[][] g = new double[n][n];
            for (int k = 0; k < r; k++) {
                double[] e = new double[r];
                e[k] = 1.0;
                double[] column = cholSolve(lower, e);
                for (int i = 0; i < r; i++) {
                    g[basis[i]][basis[k]] = column[i] * scale[i] * scale[k];
                }
            }
            return g;
        }
    }

    private static void accumulate(double[][] a, Row row, double w) {
        for (int i = 0; i < row.columns().length; i++) {
            for (int j = 0; j < row.columns().length; j++) {
                a[row.columns()[i]][row.columns()[j]] += w * row.counts()[i] * row.counts()[j];
            }
        }
    }

    /** Scales a to unit diagonal in place; returns the factors (x = factor * scaled x). */
    private static double[] jacobiScale(double[][] a) {
        int n = a.length;
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = a[i][i] > 0 ? 1.0 / Math.sqrt(a[i][i]) : 1.0;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] *= s[i] * s[j];
            }
        }
        return s;
    }

    private static void swapSymmetric(double[][] a, int i, int j) {
        if (i == j) {
            return;
        }
        double[] t = a[i];
        a[i] = a[j];
        a[j] = t;
        for (double[] row : a) {
            double v = row[i];
            row[i] = row[j];
            row[j] = v;
        }
    }

    /** In-place lower Cholesky factor of a positive definite matrix. */
    private static void cholesky(double[][] a) {
        int n = a.length;
        for (int j = 0; j < n; j++) {
            double d = a[j][j];
            for (int k = 0; k < j; k++) {
                d -= a[j][k] * a[j][k];
            }
            if (!(d > 0)) {
                throw new IllegalStateException("weight fit: normal matrix not positive definite at column " + j);
            }
            d = Math.sqrt(d);
            a[j][j] = d;
            for (int i = j + 1; i < n; i++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= a[i][k] * a[j][k];
                }
                a[i][j] = s / d;
            }
        }
    }

    private static double[] cholSolve(double[][] l, double[] b) {
        int n = b.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * y[k];
            }
            y[i] = s / l[i][i];
        }
        return y;
    }
}
