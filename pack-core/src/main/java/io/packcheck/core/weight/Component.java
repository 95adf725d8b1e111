package io.packcheck.core.weight;

import java.util.Comparator;
import java.util.Optional;

/** One unknown of a parcel's weight: the unit weight of a SKU, or the tare of a box type. */
public sealed interface Component extends Comparable<Component> {

    /** Units before tares, each by name; the default box (no box type) before named ones. */
    Comparator<Component> ORDER = Comparator
            .comparingInt((Component c) -> c instanceof Unit ? 0 : 1)
            .thenComparing(Component::sortKey);

    String sortKey();

    @Override
    default int compareTo(Component other) {
        return ORDER.compare(this, other);
    }

    /** The weight of one unit of a SKU. */
    record Unit(String sku) implements Component {
        public Unit {
            if (sku == null || sku.isBlank()) {
                throw new IllegalArgumentException("unit sku is empty");
            }
        }

        @Override
        public String sortKey() {
            return sku;
        }

        @Override
        public String toString() {
            return sku;
        }
    }

    /** The weight of an empty box of a type; empty box: the station's default box. */
    record Tare(Optional<String> box) implements Component {
        public Tare {
            if (box == null) {
                throw new IllegalArgumentException("tare box is null: use Optional.empty() for the default box");
            }
        }

        @Override
        public String sortKey() {
            return box.map(b -> "1" + b).orElse("0");
        }

        @Override
        public String toString() {
            return box.map(b -> "box " + b).orElse("default box");
        }
    }
}
