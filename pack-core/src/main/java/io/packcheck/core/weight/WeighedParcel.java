package io.packcheck.core.weight;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A closed parcel as the scale saw it: what went in, in which box, and what it weighed.
 *
 * @param items units per SKU
 * @param box   the box type code scanned for the parcel; empty: the station's default box, whose tare is learned as its own
 * @param grams the weight on the scale
 */
public record WeighedParcel(Map<String, Integer> items, Optional<String> box, double grams) {

    public WeighedParcel {
        if (items == null || items.isEmpty()) {
            throw new IllegalArgumentException("parcel items: a weighed parcel holds at least one item");
        }
        for (Map.Entry<String, Integer> item : items.entrySet()) {
            if (item.getKey() == null || item.getKey().isBlank()) {
                throw new IllegalArgumentException("parcel items: a SKU is empty");
            }
            if (item.getValue() == null || item.getValue() <= 0) {
                throw new IllegalArgumentException("parcel items: " + item.getKey() + " must count 1 or more units, got " + item.getValue());
            }
        }
        if (box == null || box.filter(String::isBlank).isPresent()) {
            throw new IllegalArgumentException("parcel box: give a box type code, or none for the station's default box");
        }
        if (!Double.isFinite(grams) || grams <= 0) {
            throw new IllegalArgumentException("parcel grams: must be a weight above 0, got " + grams);
        }
        items = Map.copyOf(new TreeMap<>(items));
    }

    /** Units in the parcel, all SKUs together. */
    public int units() {
        return items.values().stream().mapToInt(Integer::intValue).sum();
    }
}
