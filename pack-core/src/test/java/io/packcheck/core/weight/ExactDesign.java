package io.packcheck.core.weight;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Which components a set of parcels determines, decided exactly (integer arithmetic on the design matrix), as an
 * independent check on the fit: a component is determined when adding "this component alone" as a row does not raise
 * the rank, i.e. its unit vector is a combination of parcels.
 */
final class ExactDesign {

    private ExactDesign() {
    }

    static boolean determines(List<WeighedParcel> parcels, List<Component> columns, Component component) {
        List<long[]> rows = new ArrayList<>();
        for (WeighedParcel parcel : parcels) {
            long[] row = new long[columns.size()];
            parcel.items().forEach((sku, count) -> row[columns.indexOf(new Component.Unit(sku))] = count);
            row[columns.indexOf(new Component.Tare(parcel.box()))] = 1;
            rows.add(row);
        }
        int before = rank(rows, columns.size());
        long[] alone = new long[columns.size()];
        int index = columns.indexOf(component);
        if (index < 0) {
            return false;
        }
        alone[index] = 1;
        rows.add(alone);
        return rank(rows, columns.size()) == before;
    }

    /** Fraction-free Gaussian elimination. */
    static int rank(List<long[]> longRows, int n) {
        List<BigInteger[]> rows = new ArrayList<>();
        for (long[] r : longRows) {
            BigInteger[] b = new BigInteger[n];
            for (int i = 0; i < n; i++) {
                b[i] = BigInteger.valueOf(r[i]);
            }
            rows.add(b);
        }
        int rank = 0;
        for (int col = 0; col < n && rank < rows.size(); col++) {
            int pivot = -1;
            for (int r = rank; r < rows.size(); r++) {
                if (rows.get(r)[col].signum() != 0) {
                    pivot = r;
                    break;
                }
            }
            if (pivot < 0) {
                continue;
            }
            BigInteger[] p = rows.get(pivot);
            rows.set(pivot, rows.get(rank));
            rows.set(rank, p);
            for (int r = rank + 1; r < rows.size(); r++) {
                BigInteger[] row = rows.get(r);
                if (row[col].signum() == 0) {
                    continue;
                }
                BigInteger f = row[col];
                for (int i = 0; i < n; i++) {
                    row[i] = row[i].multiply(p[col]).subtract(p[i].multiply(f));
                }
                BigInteger g = BigInteger.ZERO;
                for (BigInteger v : row) {
                    g = g.gcd(v);
                }
                if (g.signum() != 0 && !g.equals(BigInteger.ONE)) {
                    for (int i = 0; i < n; i++) {
                        row[i] = row[i].divide(g);
                    }
                }
            }
            rank++;
        }
        return rank;
    }
}
