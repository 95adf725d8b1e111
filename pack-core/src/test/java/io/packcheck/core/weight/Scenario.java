package io.packcheck.core.weight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * A made-up warehouse day: true unit weights and tares, and parcels weighed with realistic noise (+/-3 % per unit and
 * per box, +/-2 g on the scale), a few of them with a unit missing or one too many against what the station recorded.
 */
record Scenario(Map<Component, Double> truth, List<WeighedParcel> parcels, Set<Integer> wrongParcels) {

    static final List<Optional<String>> BOXES = List.of(Optional.empty(), Optional.of("S"), Optional.of("M"), Optional.of("L"));

    static Scenario generate(Random random, int skuCount, int parcelCount, int wrongCount) {
        Map<Component, Double> truth = new LinkedHashMap<>();
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < skuCount; i++) {
            String sku = "SKU-" + i;
            skus.add(sku);
            truth.put(new Component.Unit(sku), Math.exp(Math.log(20) + random.nextDouble() * Math.log(3000.0 / 20)));
        }
        int boxCount = 1 + random.nextInt(BOXES.size());
        List<Optional<String>> boxes = BOXES.subList(0, boxCount);
        for (Optional<String> box : boxes) {
            truth.put(new Component.Tare(box), box.isEmpty() ? random.nextDouble() * 250 : 40 + random.nextDouble() * 560);
        }
        Set<Integer> wrong = new java.util.TreeSet<>();
        while (wrong.size() < Math.min(wrongCount, parcelCount)) {
            wrong.add(random.nextInt(parcelCount));
        }
        List<WeighedParcel> parcels = new ArrayList<>();
        for (int p = 0; p < parcelCount; p++) {
            Map<String, Integer> items = new TreeMap<>();
            int kinds = 1 + random.nextInt(Math.min(4, skuCount));
            while (items.size() < kinds) {
                items.put(skus.get(random.nextInt(skuCount)), 1 + random.nextInt(3));
            }
            Optional<String> box = boxes.get(random.nextInt(boxCount));
            Map<String, Integer> packed = new TreeMap<>(items);
            if (wrong.contains(p)) {
                String sku = skus.get(random.nextInt(skuCount));
                boolean missing = packed.containsKey(sku) && random.nextBoolean();
                packed.merge(sku, missing ? -1 : 1, Integer::sum);
            }
            double grams = truth.get(new Component.Tare(box)) * (1 + noise(random, 0.03));
            for (Map.Entry<String, Integer> unit : packed.entrySet()) {
                for (int u = 0; u < unit.getValue(); u++) {
                    grams += truth.get(new Component.Unit(unit.getKey())) * (1 + noise(random, 0.03));
                }
            }
            grams += noise(random, 2.0);
            parcels.add(new WeighedParcel(items, box, Math.max(grams, 1.0)));
        }
        return new Scenario(truth, parcels, wrong);
    }

    /** Uniform in [-bound, +bound]. */
    static double noise(Random random, double bound) {
        return (random.nextDouble() * 2 - 1) * bound;
    }

    List<WeighedParcel> clean() {
        List<WeighedParcel> clean = new ArrayList<>();
        for (int p = 0; p < parcels.size(); p++) {
            if (!wrongParcels.contains(p)) {
                clean.add(parcels.get(p));
            }
        }
        return clean;
    }
}
