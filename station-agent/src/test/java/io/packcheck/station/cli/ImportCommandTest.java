package io.packcheck.station.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.catalog.Badge;
import io.packcheck.core.catalog.Order;
import io.packcheck.core.catalog.OrderStatus;
import io.packcheck.station.StationMain;
import io.packcheck.station.store.SqliteOrderCache;
import io.packcheck.station.store.StationDatabase;
import io.packcheck.core.barcode.Gtin;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ImportCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void appliesItemsOrdersAndBadgesAndExitsZero() throws Exception {
        Path file = write(
                "{\"type\":\"item\",\"sku\":\"MUG\",\"name\":\"Blue Mug\",\"barcodes\":[{\"code\":\"4006381333931\",\"quantity\":1},"
                        + "{\"code\":\"14006381333938\",\"quantity\":6}],\"serialized\":false,\"lotTracked\":true,\"minShelfLifeDays\":0}",
                "",
                "{\"type\":\"order\",\"id\":\"SO-1234\",\"lines\":[{\"sku\":\"MUG\",\"quantity\":2}],"
                        + "\"shipBy\":\"2026-11-22T16:00:00Z\",\"priority\":3,\"aliases\":[\"TOTE-7\"]}",
                "{\"type\":\"badge\",\"code\":\"B-1\",\"name\":\"Sam\",\"role\":\"supervisor\"}");

        int exit = run("import", "--data", dir.resolve("data").toString(), file.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("applied 3 lines (1 item, 1 order, 1 badge, 0 boxes), refused 0");
        assertThat(err.toString()).isEmpty();
        try (StationDatabase db = StationDatabase.openIn(dir.resolve("data"))) {
            SqliteOrderCache cache = new SqliteOrderCache(db, Clock.systemUTC());
            Order order = cache.order("TOTE-7").orElseThrow();
            assertThat(order.id()).isEqualTo("SO-1234");
            assertThat(order.version()).isEqualTo(1);
            assertThat(order.priority()).isEqualTo(3);
            assertThat(order.status()).isEqualTo(OrderStatus.OPEN);
            assertThat(order.shipBy()).contains(Instant.parse("2026-11-22T16:00:00Z"));
            assertThat(cache.itemByGtin(new Gtin("14006381333938")).orElseThrow().quantity()).isEqualTo(6);
            assertThat(cache.item("MUG").orElseThrow().lotTracked()).isTrue();
            assertThat(cache.badge("B-1")).contains(new Badge("B-1", "Sam", Badge.Role.SUPERVISOR));
        }
    }

    @Test
    void refusesBadLinesWithTheirNumberAndReasonAndAppliesTheRest() throws Exception {
        Path file = write(
                "{\"type\":\"item\",\"sku\":\"GOOD\",\"name\":\"Good\",\"barcodes\":[{\"code\":\"05901234123457\"}]}",
                "{\"type\":\"item\",\"sku\":\"BAD\",\"name\":\"Bad\",\"barcodes\":[{\"code\":\"BAD-LABEL\"},{\"code\":\"4006381333932\"}]}",
                "{\"type\":\"order\",\"lines\":[{\"sku\":\"GOOD\",\"quantity\":1}]}",
                "{\"type\":\"pallet\",\"id\":\"P-1\"}",
                "{\"type\":\"order\",\"id\":\"SO-2\",\"lines\":[{\"sku\":\"GOOD\",\"quantity\":\"two\"}]}",
                "not json at all",
                "{\"type\":\"badge\",\"code\":\"B-2\",\"name\":\"Bo\",\"role\":\"boss\"}",
                "{\"type\":\"order\",\"id\":\"SO-3\",\"lines\":[{\"sku\":\"GOOD\",\"quantity\":1}],\"shipBy\":\"tomorrow\"}");

        int exit = run("import", "--data", dir.toString(), file.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("applied 1 line (1 item, 0 orders, 0 badges, 0 boxes), refused 7");
        assertThat(err.toString().lines().toList()).containsExactly(
                "refused line 2: item BAD: barcodes[1].code: GTIN 4006381333932 has check digit 2, expected 1",
                "refused line 3: order: id: id is required",
                "refused line 4: pallet: type: unknown type 'pallet'; expected item, order, badge or box",
                "refused line 5: order SO-2: lines[0].quantity: quantity must be a whole number",
                err.toString().lines().toList().get(4),
                "refused line 7: badge B-2: role: role 'boss' must be packer or supervisor",
                "refused line 8: order SO-3: shipBy: shipBy 'tomorrow' is not an ISO-8601 instant such as 2026-11-22T16:00:00Z");
        assertThat(err.toString().lines().toList().get(4)).startsWith("refused line 6: not a JSON object");
        try (StationDatabase db = StationDatabase.openIn(dir)) {
            SqliteOrderCache cache = new SqliteOrderCache(db, Clock.systemUTC());
            assertThat(cache.item("GOOD")).isPresent();
            assertThat(cache.item("BAD")).isEmpty();
            assertThat(cache.itemByCode("BAD-LABEL")).isEmpty();
            assertThat(cache.order("SO-2")).isEmpty();
            assertThat(cache.order("SO-3")).isEmpty();
        }
    }

    @Test
    void reimportingAnOrderRaisesItsVersionUnlessTheLineGivesOne() throws Exception {
        String line = "{\"type\":\"order\",\"id\":\"SO-1\",\"lines\":[{\"sku\":\"A\",\"quantity\":1}]}";
        Path file = write(line);
        run("import", "--data", dir.toString(), file.toString());

        run("import", "--data", dir.toString(), file.toString());
        run("import", "--data", dir.toString(), write(
                "{\"type\":\"order\",\"id\":\"SO-2\",\"version\":7,\"status\":\"on_hold\",\"holdReason\":\"fraud check\","
                        + "\"lines\":[{\"sku\":\"A\",\"quantity\":1}]}").toString());

        try (StationDatabase db = StationDatabase.openIn(dir)) {
            SqliteOrderCache cache = new SqliteOrderCache(db, Clock.systemUTC());
            assertThat(cache.order("SO-1")).map(Order::version).contains(2L);
            Order held = cache.order("SO-2").orElseThrow();
            assertThat(held.version()).isEqualTo(7);
            assertThat(held.status()).isEqualTo(OrderStatus.ON_HOLD);
            assertThat(held.holdReason()).isEqualTo(Optional.of("fraud check"));
        }
    }

    @Test
    void aMissingFileStopsWithExitCodeTwoAndWritesNothing() {
        int exit = run("import", "--data", dir.resolve("data").toString(), dir.resolve("nope.jsonl").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("no such file").contains("nope.jsonl");
        assertThat(Files.exists(dir.resolve("data"))).isFalse();
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new StationMain());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path write(String... lines) throws Exception {
        Path file = Files.createTempFile(dir, "import", ".jsonl");
        Files.write(file, List.of(lines));
        return file;
    }
}
