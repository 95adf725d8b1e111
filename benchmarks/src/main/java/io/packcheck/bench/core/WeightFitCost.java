package io.packcheck.bench.core;

import io.packcheck.core.weight.WeighedParcel;
import io.packcheck.core.weight.WeightFit;
import io.packcheck.core.weight.WeightFitResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

/**
 * What one refit of learned weights costs the hub: the weight fit over the newest parcels (the hub reads at most
 * 20 000) for catalogues of growing size, mixed parcels of 1-4 SKUs with 1-3 units, four box types, 1 % wrong.
 * Prints milliseconds per fit (best of three); run by scripts/bench-weight-fit.
 */
public final class WeightFitCost {

    public static void main(String[] args) {
        int parcels = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int[] skuCounts = {50, 100, 200, 400};
        System.out.printf(Locale.ROOT, "%8s %8s %10s %8s %9s%n", "SKUs", "parcels", "ms/fit", "learned", "left out");
        for (int skus : skuCounts) {
            List<WeighedParcel> day = day(new Random(skus), skus, parcels);
            new WeightFit().fit(day.subList(0, Math.min(1000, day.size())));
            long best = Long.MAX_VALUE;
            WeightFitResult result = null;
            for (int round = 0; round < 3; round++) {
                long t0 = System.nanoTime();
                result = new WeightFit().fit(day);
                best = Math.min(best, System.nanoTime() - t0);
            }
            System.out.printf(Locale.ROOT, "%8d %8d %10.0f %8d %9d%n", skus, parcels, best / 1e6,
                    result.allLearned().size(), result.outlierParcels().size());
        }
    }

    static List<WeighedParcel> day(Random random, int skuCount, int count) {
        double[] grams = new double[skuCount];
        for (int i = 0; i < skuCount; i++) {
            grams[i] = Math.exp(Math.log(20) + random.nextDouble() * Math.log(3000.0 / 20));
        }
        List<Optional<String>> boxes = List.of(Optional.empty(), Optional.of("S"), Optional.of("M"), Optional.of("L"));
        double[] tares = {0, 90, 180, 320};
        List<WeighedParcel> parcels = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            Map<String, Integer> items = new TreeMap<>();
            int kinds = 1 + random.nextInt(4);
            double weight = 0;
            while (items.size() < kinds) {
                int sku = random.nextInt(skuCount);
                int units = 1 + random.nextInt(3);
                if (items.putIfAbsent("SKU-" + sku, units) == null) {
                    for (int u = 0; u < units; u++) {
                        weight += grams[sku] * (1 + (random.nextDouble() * 2 - 1) * 0.03);
                    }
                }
            }
            int box = random.nextInt(boxes.size());
            weight += tares[box] * (1 + (random.nextDouble() * 2 - 1) * 0.03) + (random.nextDouble() * 2 - 1) * 2;
            if (random.nextInt(100) == 0) {
                weight += grams[random.nextInt(skuCount)]; // a unit the station did not count
            }
            parcels.add(new WeighedParcel(items, boxes.get(box), Math.max(weight, 1)));
        }
        return parcels;
    }
}
