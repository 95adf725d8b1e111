package io.packcheck.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packcheck.core.catalog.Badge;
import io.packcheck.core.catalog.Box;
import io.packcheck.core.catalog.Item;
import io.packcheck.core.catalog.ItemBarcode;
import io.packcheck.core.catalog.Order;
import io.packcheck.core.catalog.OrderLine;
import io.packcheck.core.catalog.OrderStatus;
import io.packcheck.core.verify.PackEvent;
import io.packcheck.core.verify.Verdict;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WireFormatTest {

    private static final Item MUG = new Item("MUG-1", "Blue mug",
            List.of(new ItemBarcode("4006381333931", 1), new ItemBarcode("14006381333938", 6)), false, true, 30);

    @Test
    void readsBackEveryKindOfFeedChangeItWrote() {
        SyncedOrder order = new SyncedOrder(new Order("SO-1", 4, List.of(new OrderLine("MUG-1", 2)),
                Optional.of(Instant.parse("2026-11-22T16:00:00Z")), 3, OrderStatus.ON_HOLD, Optional.of("fraud check")),
                List.of("TOTE-7"));
        Badge badge = new Badge("B-1", "Sam", Badge.Role.SUPERVISOR);
        JsonObject answer = new JsonObject().put("cursor", "f123").put("more", true).put("changes", new JsonArray()
                .add(FeedCodec.item(MUG)).add(FeedCodec.order(order)).add(FeedCodec.badge(badge))
                .add(FeedCodec.itemDeleted("OLD-1")));

        FeedPage page = FeedCodec.page(new JsonObject(answer.encode()));

        assertThat(page.cursor()).isEqualTo("f123");
        assertThat(page.more()).isTrue();
        assertThat(page.changes()).containsExactly(new FeedChange.ItemChanged(MUG), new FeedChange.OrderChanged(order),
                new FeedChange.BadgeChanged(badge), new FeedChange.ItemDeleted("OLD-1"));
    }

    @Test
    void namesTheChangeAndFieldOfABadFeedChange() {
        JsonObject answer = new JsonObject().put("cursor", "f1").put("changes", new JsonArray()
                .add(FeedCodec.item(MUG))
                .add(FeedCodec.item(MUG).put("barcodes", new JsonArray().add(new JsonObject().put("code", "4006381333932")))));

        assertThatThrownBy(() -> FeedCodec.page(answer))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.field()).isEqualTo("changes[1].barcodes[0].code");
                    assertThat(e.describe()).isEqualTo(
                            "changes[1].barcodes[0].code: GTIN 4006381333932 has check digit 2, expected 1");
                });
    }

    @Test
    void acceptsAPrintedUpcEWhoseCheckDigitIsNotAnEan8One() {
        // 04252614 is a valid UPC-E (UPC-A 042100005264) but not a valid EAN-8
        JsonObject body = new JsonObject().put("name", "Gum")
                .put("barcodes", new JsonArray().add(new JsonObject().put("code", "04252614")));

        Item item = ItemCodec.fromJson("GUM", body);

        assertThat(item.barcodes()).containsExactly(new ItemBarcode("04252614", 1));
    }

    @Test
    void aPackEventSurvivesTheWireWithItsIdAndSequence() {
        PackEvent event = new PackEvent(PackEvent.EventKind.SCAN, Verdict.MATCH, Instant.parse("2026-11-20T10:15:30.123Z"),
                "st-1", Optional.of("Ann"), Optional.of("SO-1"), 3, Optional.of("MUG-1"), Optional.empty(), "4006381333931",
                1, Optional.of("L42"), Optional.empty(), "matches line MUG-1", Optional.empty(), Optional.empty());
        StationEvent sent = new StationEvent(UUID.randomUUID(), 17, event);

        StationEvent received = PackEventCodec.fromJson(new JsonObject(PackEventCodec.toJson(sent).encode()));

        assertThat(received).isEqualTo(sent);
    }

    @Test
    void parcelsWeightsLabelsAndBoxesSurviveTheWire() {
        Item weighed = new Item("MUG-2", "Red mug", List.of(new ItemBarcode("4006381333931", 1)), false, false, 0,
                Optional.of(350.5), Optional.of(347.0));
        SyncedOrder labelled = new SyncedOrder(new Order("SO-2", 1, List.of(new OrderLine("MUG-2", 1)), Optional.empty(), 0,
                OrderStatus.OPEN, Optional.empty(), List.of("1Z999AA10123456784")), List.of());
        Box box = new Box("M", "Medium box", 180, 300, 200, 150);
        PackEvent.Parcel parcel = new PackEvent.Parcel(2, Optional.of("M"), Optional.of("1Z999AA10123456784"),
                java.util.Map.of("MUG-2", 2), Optional.of(880.4), Optional.of(875.0), Optional.of(43.75));
        PackEvent closed = new PackEvent(PackEvent.EventKind.PARCEL_CLOSED, Verdict.PARCEL_CLOSED,
                Instant.parse("2026-11-20T10:15:30Z"), "st-1", Optional.empty(), Optional.of("SO-2"), 1, Optional.empty(),
                Optional.empty(), "1Z999AA10123456784", 2, Optional.empty(), Optional.empty(), "parcel 2 closed",
                Optional.empty(), Optional.empty(), Optional.of(parcel));
        JsonObject answer = new JsonObject().put("cursor", "f2").put("changes", new JsonArray()
                .add(FeedCodec.item(weighed)).add(FeedCodec.order(labelled)).add(FeedCodec.box(box)));
        StationEvent sent = new StationEvent(UUID.randomUUID(), 3, closed);

        FeedPage page = FeedCodec.page(new JsonObject(answer.encode()));
        StationEvent received = PackEventCodec.fromJson(new JsonObject(PackEventCodec.toJson(sent).encode()));

        assertThat(page.changes()).containsExactly(new FeedChange.ItemChanged(weighed), new FeedChange.OrderChanged(labelled),
                new FeedChange.BoxChanged(box));
        assertThat(received).isEqualTo(sent);
    }

    @Test
    void refusesAWeightOfZeroAndALabelWithSpacesNamingTheField() {
        JsonObject zero = ItemCodec.toJson(MUG).put("weightGrams", 0);
        JsonObject spaced = new JsonObject().put("lines", new JsonArray().add(new JsonObject().put("sku", "MUG-1").put("quantity", 1)))
                .put("labels", new JsonArray().add("1Z 999 AA1"));

        assertThatThrownBy(() -> ItemCodec.fromJson("MUG-1", zero)).isInstanceOfSatisfying(ProtocolException.class,
                e -> assertThat(e.describe()).startsWith("weightGrams: weightGrams must be more than 0"));
        assertThatThrownBy(() -> OrderCodec.contentFromJson("SO-9", spaced)).isInstanceOfSatisfying(ProtocolException.class,
                e -> assertThat(e.field()).isEqualTo("labels[0]"));
    }
}
