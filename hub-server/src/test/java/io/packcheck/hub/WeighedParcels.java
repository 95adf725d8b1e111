package io.packcheck.hub;

import io.packcheck.core.verify.PackEvent;
import io.packcheck.core.verify.PackEvent.EventKind;
import io.packcheck.core.verify.PackEvent.Parcel;
import io.packcheck.core.verify.Verdict;
import io.packcheck.protocol.PackEventCodec;
import io.packcheck.protocol.StationEvent;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

/** PARCEL_CLOSED events of mixed parcels weighed with +/-1.5 % per unit and box and +/-2 g on the scale. */
final class WeighedParcels {

    private final String stationId;
    private final Map<String, Double> trueGrams;
    private final Map<Optional<String>, Double> tares;
    private long seq;

    WeighedParcels(String stationId, Map<String, Double> trueGrams, Map<Optional<String>, Double> tares) {
        this.stationId = stationId;
        this.trueGrams = trueGrams;
        this.tares = tares;
    }

    List<JsonObject> mixed(String orderId, int count, long seed, Instant at) {
        Random random = new Random(seed);
        List<String> skus = new ArrayList<>(new TreeMap<>(trueGrams).keySet());
        List<Optional<String>> boxes = new ArrayList<>(tares.keySet());
        boxes.sort((a, b) -> a.orElse("").compareTo(b.orElse("")));
        List<JsonObject> events = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            Map<String, Integer> items = new TreeMap<>();
            int kinds = 1 + random.nextInt(skus.size());
            while (items.size() < kinds) {
                items.put(skus.get(random.nextInt(skus.size())), 1 + random.nextInt(3));
            }
            Optional<String> box = boxes.get(random.nextInt(boxes.size()));
            double grams = tares.get(box) * (1 + (random.nextDouble() - 0.5) * 0.03) + (random.nextDouble() - 0.5) * 4;
            for (Map.Entry<String, Integer> item : items.entrySet()) {
                for (int u = 0; u < item.getValue(); u++) {
                    grams += trueGrams.get(item.getKey()) * (1 + (random.nextDouble() - 0.5) * 0.03);
                }
            }
            events.add(closed(orderId, items, box, grams, Optional.empty(), at));
        }
        return events;
    }

    JsonObject closed(String orderId, Map<String, Integer> items, Optional<String> box, double grams,
            Optional<String> supervisor, Instant at) {
        Parcel parcel = new Parcel(1, box, Optional.empty(), items, Optional.of(grams), Optional.empty(), Optional.empty());
        PackEvent event = new PackEvent(EventKind.PARCEL_CLOSED, Verdict.PARCEL_CLOSED, at, stationId,
                Optional.empty(), Optional.of(orderId), 1, Optional.empty(), Optional.empty(), "PCK-NEWBOX", 0,
                Optional.empty(), Optional.empty(), "Parcel 1 closed", supervisor, supervisor.map(s -> "WEIGHT-OK"),
                Optional.of(parcel));
        return PackEventCodec.toJson(new StationEvent(UUID.randomUUID(), ++seq, event));
    }

    JsonObject shorted(String orderId, Instant at) {
        PackEvent event = new PackEvent(EventKind.SHORTED, Verdict.COMMAND_ACCEPTED, at, stationId,
                Optional.empty(), Optional.of(orderId), 1, Optional.empty(), Optional.empty(), "PCK-SHORT", 0,
                Optional.empty(), Optional.empty(), "Order shorted", Optional.empty(), Optional.empty());
        return PackEventCodec.toJson(new StationEvent(UUID.randomUUID(), ++seq, event));
    }
}
