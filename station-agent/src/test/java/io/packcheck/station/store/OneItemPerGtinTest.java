package io.packcheck.station.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.barcode.Gtin;
import io.packcheck.core.catalog.Item;
import io.packcheck.core.catalog.ItemBarcode;
import io.packcheck.core.verify.ItemMatch;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The station's cache never finds two items for one GTIN, whatever order the changes come in. */
class OneItemPerGtinTest {

    private static final Gtin MUG_GTIN = new Gtin("04006381333931");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T08:00:00Z"));

    private static Item item(String sku, String... codes) {
        List<ItemBarcode> barcodes = new ArrayList<>();
        for (String code : codes) {
            barcodes.add(new ItemBarcode(code, 1));
        }
        return new Item(sku, sku, barcodes, false, false, 0);
    }

    private static List<String> skusHolding(StationDatabase db, Gtin gtin) {
        return db.read(d -> {
            var s = d.statement("SELECT sku FROM barcodes WHERE gtin14 = ?1 OR upce_gtin14 = ?1 ORDER BY sku");
            s.setString(1, gtin.digits());
            List<String> skus = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    skus.add(rs.getString(1));
                }
            }
            return skus;
        });
    }

    @Test
    void aFeedThatBringsTheNewOwnerBeforeTheOldOnesChangeMovesTheCodeInOneStep() {
        try (StationDatabase db = StationDatabase.openIn(dir)) {
            SqliteOrderCache cache = new SqliteOrderCache(db, clock);
            cache.applyChanges(List.of(new CatalogChange.PutItem(item("MUG-BLUE", "4006381333931", "INT-1"))),
                    Optional.of("c-1"));

            cache.applyChanges(List.of(new CatalogChange.PutItem(item("MUG-RED", "04006381333931"))), Optional.of("c-2"));

            assertThat(skusHolding(db, MUG_GTIN)).containsExactly("MUG-RED");
            assertThat(cache.itemByGtin(MUG_GTIN)).map(m -> m.item().sku()).contains("MUG-RED");
            assertThat(cache.item("MUG-BLUE").orElseThrow().barcodes()).extracting(ItemBarcode::code)
                    .containsExactly("INT-1");
        }
    }

    @Test
    void aMoveAndTheOldOwnersChangeInOneFeedPageLeaveOneOwnerAndDeletingItFreesTheCode() {
        try (StationDatabase db = StationDatabase.openIn(dir)) {
            SqliteOrderCache cache = new SqliteOrderCache(db, clock);
            cache.apply(List.of(new CatalogChange.PutItem(item("MUG-BLUE", "4006381333931", "INT-1"))));

            cache.applyChanges(List.of(new CatalogChange.PutItem(item("MUG-BLUE", "INT-1")),
                    new CatalogChange.PutItem(item("MUG-RED", "4006381333931"))), Optional.of("c-2"));
            List<String> afterMove = skusHolding(db, MUG_GTIN);
            cache.applyChanges(List.of(new CatalogChange.RemoveItem("MUG-RED")), Optional.of("c-3"));

            assertThat(afterMove).containsExactly("MUG-RED");
            assertThat(skusHolding(db, MUG_GTIN)).isEmpty();
            assertThat(cache.itemByGtin(MUG_GTIN)).isEmpty();
        }
    }

    @Test
    void anUpcAAndTheUpcEThatExpandsToItAreOneCode() {
        try (StationDatabase db = StationDatabase.openIn(dir)) {
            SqliteOrderCache cache = new SqliteOrderCache(db, clock);
            cache.apply(List.of(new CatalogChange.PutItem(item("GUM", "01234565"))));

            cache.applyChanges(List.of(new CatalogChange.PutItem(item("MINT", "012345000065"))), Optional.of("c-1"));

            assertThat(skusHolding(db, new Gtin("00012345000065"))).containsExactly("MINT");
        }
    }

    @Test
    void anImportRefusesAnItemWhoseCodeAnotherItemHoldsNamingBoth() {
        try (StationDatabase db = StationDatabase.openIn(dir)) {
            SqliteOrderCache cache = new SqliteOrderCache(db, clock);
            String file = """
                    {"type":"item","sku":"MUG-BLUE","name":"Blue","barcodes":[{"code":"4006381333931"},{"code":"INT-1"}]}
                    {"type":"item","sku":"MUG-RED","name":"Red","barcodes":[{"code":"INT-2"},{"code":"04006381333931"}]}
                    {"type":"item","sku":"CUP","name":"Cup","barcodes":[{"code":"INT-1"}]}
                    {"type":"item","sku":"MUG-BLUE","name":"Blue","barcodes":[{"code":"INT-1"}]}
                    {"type":"item","sku":"MUG-GREEN","name":"Green","barcodes":[{"code":"4006381333931"}]}
                    """;

            ImportReport report = new JsonLinesImport(cache).run(new BufferedReader(new StringReader(file)), r -> { });

            assertThat(report.refused()).extracting(ImportReport.Refusal::toString).containsExactly(
                    "line 2: item MUG-RED: barcodes[1].code: 04006381333931 is already a code of item MUG-BLUE (as 4006381333931);"
                            + " an import never moves a code to another item: import MUG-BLUE without it first",
                    "line 3: item CUP: barcodes[0].code: INT-1 is already a code of item MUG-BLUE;"
                            + " an import never moves a code to another item: import MUG-BLUE without it first");
            assertThat(report.items()).isEqualTo(3);
            assertThat(cache.itemByGtin(MUG_GTIN)).map(ItemMatch::item).map(Item::sku).contains("MUG-GREEN");
            assertThat(cache.item("MUG-RED")).isEmpty();
        }
    }

    @Test
    void anImportIntoACacheAlreadyHoldingTheCodeNamesTheOwnersOwnForm() {
        try (StationDatabase db = StationDatabase.openIn(dir)) {
            SqliteOrderCache cache = new SqliteOrderCache(db, clock);
            cache.apply(List.of(new CatalogChange.PutItem(item("MUG-BLUE", "4006381333931"))));
            String file = "{\"type\":\"item\",\"sku\":\"MUG-RED\",\"name\":\"Red\",\"barcodes\":[{\"code\":\"04006381333931\"}]}";

            ImportReport report = new JsonLinesImport(cache).run(new BufferedReader(new StringReader(file)), r -> { });

            assertThat(report.refused()).singleElement().extracting(ImportReport.Refusal::reason).asString()
                    .contains("is already a code of item MUG-BLUE (as 4006381333931)");
            assertThat(skusHolding(db, MUG_GTIN)).containsExactly("MUG-BLUE");
        }
    }

    @Test
    void anOlderCacheHoldingOneGtinOnTwoItemsDropsThoseCodesAndSyncsAgainFromTheStart() throws Exception {
        Path file = dir.resolve(StationDatabase.FILE_NAME);
        String url = "jdbc:sqlite:" + file;
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/station").target("2").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO items (sku, name, serialized, lot_tracked, min_shelf_life_days) VALUES"
                    + " ('MUG-BLUE', 'Blue', 0, 0, 0), ('MUG-RED', 'Red', 0, 0, 0)");
            s.executeUpdate("INSERT INTO barcodes (code, sku, position, quantity, gtin14) VALUES"
                    + " ('4006381333931', 'MUG-BLUE', 0, 1, '04006381333931'),"
                    + " ('04006381333931', 'MUG-RED', 0, 1, '04006381333931'),"
                    + " ('INT-1', 'MUG-BLUE', 1, 1, NULL)");
            s.executeUpdate("INSERT INTO sync_cursors (name, value, updated_at) VALUES ('feed', 'c-9', 0)");
        }

        try (StationDatabase db = StationDatabase.open(file)) {
            SqliteOrderCache cache = new SqliteOrderCache(db, clock);

            assertThat(skusHolding(db, MUG_GTIN)).isEmpty();
            assertThat(cache.itemByCode("INT-1")).map(m -> m.item().sku()).contains("MUG-BLUE");
            assertThat(cache.feedCursor()).isEmpty();
        }
    }
}
