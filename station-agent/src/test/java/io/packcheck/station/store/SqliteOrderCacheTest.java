package io.packcheck.station.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packcheck.core.barcode.Gtin;
import io.packcheck.core.catalog.Badge;
import io.packcheck.core.catalog.Box;
import io.packcheck.core.catalog.Item;
import io.packcheck.core.catalog.ItemBarcode;
import io.packcheck.core.catalog.Order;
import io.packcheck.core.catalog.OrderLine;
import io.packcheck.core.catalog.OrderStatus;
import io.packcheck.core.verify.ItemMatch;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteOrderCacheTest {

    private static final Item MUG = new Item("MUG-BLUE", "Blue Mug",
            List.of(new ItemBarcode("4006381333931", 1), new ItemBarcode("14006381333938", 6),
                    new ItemBarcode("MUG-LABEL-7", 1)),
            false, true, 0);
    private static final Item GUM = new Item("GUM", "Gum", List.of(new ItemBarcode("01234565", 1)), false, false, 30);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T08:00:00Z"));
    private StationDatabase db;
    private SqliteOrderCache cache;

    @BeforeEach
    void open() {
        db = StationDatabase.openIn(dir);
        cache = new SqliteOrderCache(db, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void findsAnItemByItsGtinWhicheverFormTheCatalogGaveIt() {
        cache.apply(List.of(new CatalogChange.PutItem(MUG)));

        Optional<ItemMatch> unit = cache.itemByGtin(gtin("04006381333931"));
        Optional<ItemMatch> caseOfSix = cache.itemByGtin(gtin("14006381333938"));

        assertThat(unit).map(m -> m.item().sku()).contains("MUG-BLUE");
        assertThat(unit).map(ItemMatch::quantity).contains(1);
        assertThat(caseOfSix).map(ItemMatch::quantity).contains(6);
        assertThat(unit.orElseThrow().item()).isEqualTo(MUG);
    }

    @Test
    void findsAnEightDigitCatalogCodeScannedAsUpcEByItsExpandedGtin() {
        cache.apply(List.of(new CatalogChange.PutItem(GUM)));
        Gtin expanded = ((Gtin.Result.Valid) Gtin.fromUpcE("01234565")).gtin();

        Optional<ItemMatch> match = cache.itemByGtin(expanded);

        assertThat(expanded.digits()).isEqualTo("00012345000065");
        assertThat(match).map(m -> m.item().sku()).contains("GUM");
        assertThat(match.orElseThrow().item().minShelfLifeDays()).isEqualTo(30);
    }

    @Test
    void findsAnItemByAnExactNonGtinCode() {
        cache.apply(List.of(new CatalogChange.PutItem(MUG)));

        assertThat(cache.itemByCode("MUG-LABEL-7")).map(m -> m.item().sku()).contains("MUG-BLUE");
        assertThat(cache.itemByCode("MUG-LABEL-8")).isEmpty();
        assertThat(cache.itemByGtin(gtin("05901234123457"))).isEmpty();
    }

    @Test
    void replacingAnItemDropsTheBarcodesItNoLongerHas() {
        cache.apply(List.of(new CatalogChange.PutItem(MUG)));
        Item renamed = new Item("MUG-BLUE", "Blue Mug 2", List.of(new ItemBarcode("MUG-LABEL-7", 1)), false, false, 0);

        cache.apply(List.of(new CatalogChange.PutItem(renamed)));

        assertThat(cache.itemByGtin(gtin("04006381333931"))).isEmpty();
        assertThat(cache.item("MUG-BLUE")).contains(renamed);
    }

    @Test
    void opensAnOrderByItsIdOrByAPackSlipOrToteCode() {
        Order order = order("SO-1234", 1, OrderStatus.OPEN);

        cache.apply(List.of(new CatalogChange.PutOrder(order, List.of("PS-99", "TOTE-7"))));

        assertThat(cache.order("SO-1234")).contains(order);
        assertThat(cache.order("TOTE-7")).contains(order);
        assertThat(cache.order("PS-99")).contains(order);
        assertThat(cache.order("SO-9")).isEmpty();
        assertThat(cache.aliases("SO-1234")).containsExactly("PS-99", "TOTE-7");
    }

    @Test
    void aToteReusedForTheNextOrderOpensTheNewest() {
        cache.apply(List.of(new CatalogChange.PutOrder(order("SO-1", 1, OrderStatus.OPEN), List.of("TOTE-7"))));

        cache.apply(List.of(new CatalogChange.PutOrder(order("SO-2", 1, OrderStatus.OPEN), List.of("TOTE-7"))));

        assertThat(cache.order("TOTE-7")).map(Order::id).contains("SO-2");
        assertThat(cache.aliases("SO-1")).isEmpty();
    }

    @Test
    void holdingAnOrderChangesItsStatusVersionAndReason() {
        cache.apply(List.of(new CatalogChange.PutOrder(order("SO-1", 1, OrderStatus.OPEN), List.of())));

        cache.apply(List.of(new CatalogChange.SetOrderStatus("SO-1", 2, OrderStatus.ON_HOLD,
                Optional.of("address check"))));

        Order held = cache.order("SO-1").orElseThrow();
        assertThat(held.status()).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(held.version()).isEqualTo(2);
        assertThat(held.holdReason()).contains("address check");
        assertThat(held.lines()).hasSize(2);
    }

    @Test
    void aLaggingFeedNeverReplacesANewerVersionOfAnOrder() {
        Order fetchedDirectly = order("SO-1", 3, OrderStatus.ON_HOLD);
        cache.apply(List.of(new CatalogChange.PutOrder(fetchedDirectly, List.of("TOTE-1"))));

        cache.apply(List.of(new CatalogChange.PutOrder(order("SO-1", 2, OrderStatus.OPEN), List.of("TOTE-9")),
                new CatalogChange.SetOrderStatus("SO-1", 2, OrderStatus.OPEN, Optional.empty())));

        assertThat(cache.order("SO-1")).contains(fetchedDirectly);
        assertThat(cache.aliases("SO-1")).containsExactly("TOTE-1");

        cache.apply(List.of(new CatalogChange.SetOrderStatus("SO-1", 4, OrderStatus.CANCELLED, Optional.empty())));

        assertThat(cache.order("SO-1")).map(Order::status).contains(OrderStatus.CANCELLED);
        assertThat(cache.order("SO-1")).map(Order::version).contains(4L);
    }

    @Test
    void removingAnOrderRemovesItsLinesAndAliases() {
        cache.apply(List.of(new CatalogChange.PutOrder(order("SO-1", 1, OrderStatus.OPEN), List.of("TOTE-1"))));

        cache.apply(List.of(new CatalogChange.RemoveOrder("SO-1")));

        assertThat(cache.order("SO-1")).isEmpty();
        assertThat(cache.order("TOTE-1")).isEmpty();
    }

    @Test
    void knowsBadgesUntilTheyAreRemoved() {
        Badge ann = new Badge("B-17", "Ann", Badge.Role.SUPERVISOR);
        cache.apply(List.of(new CatalogChange.PutBadge(ann)));

        assertThat(cache.badge("B-17")).contains(ann);

        cache.apply(List.of(new CatalogChange.RemoveBadge("B-17")));

        assertThat(cache.badge("B-17")).isEmpty();
    }

    @Test
    void movesTheFeedCursorTogetherWithTheChangesAndReportsTheCacheAge() {
        cache.applyChanges(List.of(new CatalogChange.PutItem(MUG)), Optional.of("c-41"));
        clock.advance(Duration.ofSeconds(90));

        assertThat(cache.feedCursor()).contains("c-41");
        assertThat(cache.lastSync()).contains(Instant.parse("2026-11-20T08:00:00Z"));
        assertThat(cache.cacheAge()).contains(Duration.ofSeconds(90));
    }

    @Test
    void aBatchThatFailsHalfwayLeavesTheCacheAndTheCursorAsTheyWere() {
        cache.applyChanges(List.of(new CatalogChange.PutItem(GUM)), Optional.of("c-1"));
        List<CatalogChange> broken = Arrays.asList(new CatalogChange.PutItem(MUG), null);

        assertThatThrownBy(() -> cache.applyChanges(broken, Optional.of("c-2")))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(cache.item("MUG-BLUE")).isEmpty();
        assertThat(cache.feedCursor()).contains("c-1");
    }

    @Test
    void anImportDoesNotCountAsASyncWithTheHub() {
        cache.apply(List.of(new CatalogChange.PutItem(MUG)));

        assertThat(cache.cacheAge()).isEmpty();
        assertThat(cache.feedCursor()).isEmpty();
    }

    @Test
    void reopeningTheFileKeepsTheCache() {
        Order order = order("SO-1", 4, OrderStatus.IN_PROGRESS);
        cache.applyChanges(List.of(new CatalogChange.PutItem(MUG), new CatalogChange.PutOrder(order, List.of("T-1"))),
                Optional.of("c-9"));
        db.close();

        db = StationDatabase.openIn(dir);
        cache = new SqliteOrderCache(db, clock);

        assertThat(cache.order("T-1")).contains(order);
        assertThat(cache.itemByGtin(gtin("04006381333931"))).map(m -> m.item()).contains(MUG);
        assertThat(cache.feedCursor()).contains("c-9");
    }

    private static Order order(String id, long version, OrderStatus status) {
        return new Order(id, version, List.of(new OrderLine("MUG-BLUE", 2), new OrderLine("GUM", 1)),
                Optional.of(Instant.parse("2026-11-22T16:00:00Z")), 5, status, Optional.empty());
    }

    private static Gtin gtin(String digits) {
        return new Gtin(digits);
    }

    @Test
    void keepsWeightsLabelsAndBoxTypesAndTellsWhoseALabelIs() {
        Item weighed = new Item("MUG-W", "Mug", List.of(new ItemBarcode("4006381333931", 1)), false, false, 0,
                Optional.empty(), Optional.of(351.5));
        Order labelled = new Order("SO-L", 1, List.of(new OrderLine("MUG-W", 1)), Optional.empty(), 0, OrderStatus.OPEN,
                Optional.empty(), List.of("1Z999AA10123456784", "00340123450000000018"));
        Box box = new Box("M", "Medium", 180.5, 300, 200, 150);

        cache.apply(List.of(new CatalogChange.PutItem(weighed), new CatalogChange.PutOrder(labelled, List.of()),
                new CatalogChange.PutBox(box)));
        cache.bindLabel("JJD0099999999", "SO-OTHER");

        assertThat(cache.item("MUG-W")).contains(weighed);
        assertThat(cache.order("SO-L")).contains(labelled);
        assertThat(cache.box("M")).contains(box);
        assertThat(cache.box("XL")).isEmpty();
        assertThat(cache.orderOfLabel("1Z999AA10123456784")).contains("SO-L");
        assertThat(cache.orderOfLabel("JJD0099999999")).contains("SO-OTHER");
        assertThat(cache.orderOfLabel("1Z999AA10000000000")).isEmpty();
    }
}
