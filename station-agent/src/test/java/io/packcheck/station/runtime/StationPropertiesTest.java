package io.packcheck.station.runtime;

import static io.packcheck.station.runtime.Stations.MUG;
import static io.packcheck.station.runtime.Stations.ORDER;
import static io.packcheck.station.runtime.Stations.RED_MUG;
import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.catalog.OrderLine;
import io.packcheck.core.verify.PackSession;
import io.packcheck.core.verify.Verdict;
import io.packcheck.station.lights.Output;
import io.packcheck.station.screen.ScreenView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sequences of what a packer does at the station (right and wrong items, packs of two, unknown codes,
 * commands, another order, unreadable frames, the tower button), through the whole station on virtual time.
 */
class StationPropertiesTest {

    static final String PLATE = "5901234123457";
    /** A case of two Blue Mugs. */
    static final String MUG_PAIR = "14006381333938";
    static final String OTHER_ORDER = "SO-2000";
    static final String CANCELLED_ORDER = "SO-9000";
    static final List<String> CATALOG = List.of(
            "{\"type\":\"item\",\"sku\":\"MUG-BLUE\",\"name\":\"Blue Mug\",\"barcodes\":[{\"code\":\"" + MUG
                    + "\",\"quantity\":1},{\"code\":\"" + MUG_PAIR + "\",\"quantity\":2}]}",
            "{\"type\":\"item\",\"sku\":\"MUG-RED\",\"name\":\"Red Mug\",\"barcodes\":[{\"code\":\"" + RED_MUG + "\",\"quantity\":1}]}",
            "{\"type\":\"item\",\"sku\":\"PLATE\",\"name\":\"Plate\",\"barcodes\":[{\"code\":\"" + PLATE + "\",\"quantity\":1}]}",
            "{\"type\":\"badge\",\"code\":\"SUP1\",\"name\":\"Sam\",\"role\":\"supervisor\"}",
            "{\"type\":\"order\",\"id\":\"" + ORDER + "\",\"lines\":[{\"sku\":\"MUG-BLUE\",\"quantity\":3},"
                    + "{\"sku\":\"PLATE\",\"quantity\":1}]}",
            "{\"type\":\"order\",\"id\":\"" + OTHER_ORDER + "\",\"lines\":[{\"sku\":\"MUG-RED\",\"quantity\":1}]}",
            "{\"type\":\"order\",\"id\":\"" + CANCELLED_ORDER + "\",\"status\":\"cancelled\",\"lines\":[{\"sku\":\"PLATE\",\"quantity\":1}]}");

    /** One thing the packer (or a supervisor) does. */
    enum Act {
        OPEN_ORDER(ORDER), OPEN_OTHER_ORDER(OTHER_ORDER), OPEN_CANCELLED_ORDER(CANCELLED_ORDER),
        RIGHT_ITEM(MUG), RIGHT_PAIR(MUG_PAIR), SECOND_ITEM(PLATE), WRONG_ITEM(RED_MUG), UNKNOWN_CODE("NOPE-4711"),
        CLEAR("PCK-CLEAR"), UNDO("PCK-UNDO"), SHORT("PCK-SHORT"), SHORT_REASON("PCK-R-OUT-OF-STOCK"),
        CANCEL("PCK-CANCEL"), SUPERVISOR("PCK-S-SUP1"), OVERRIDE_REASON("PCK-R-CUSTOMER-OK"),
        UNREADABLE(""), BUTTON("");

        final String code;

        Act(String code) {
            this.code = code;
        }
    }

    @Provide
    Arbitrary<List<Act>> days() {
        Arbitrary<Act> act = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.just(Act.OPEN_ORDER)),
                net.jqwik.api.Tuple.of(6, Arbitraries.of(Act.RIGHT_ITEM, Act.SECOND_ITEM)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(Act.RIGHT_PAIR)),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(Act.WRONG_ITEM)),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(Act.CLEAR, Act.BUTTON)),
                net.jqwik.api.Tuple.of(4, Arbitraries.of(Act.UNKNOWN_CODE, Act.UNDO, Act.SHORT, Act.SHORT_REASON,
                        Act.CANCEL, Act.SUPERVISOR, Act.OVERRIDE_REASON, Act.UNREADABLE, Act.OPEN_OTHER_ORDER,
                        Act.OPEN_CANCELLED_ORDER)));
        return act.list().ofMinSize(5).ofMaxSize(40);
    }

    @Property(tries = 50)
    void theTowerTheCountsAndTheStoreAgreeWithTheSessionAfterEveryStep(@ForAll("days") List<Act> acts) {
        Path dir = tempDir();
        try (StationHarness station = StationHarness.start(dir, CATALOG)) {
            boolean silenced = false;
            for (Act act : acts) {
                PackSession before = station.storedSession().orElse(PackSession.idle(StationHarness.STATION));
                long eventsBefore = station.outbox.depth();
                int signalsBefore = station.signals.size();

                perform(station, act);
                boolean redAtOnce = station.tower.isLit(Output.RED);
                station.advanceMillis(300);

                PackSession after = station.storedSession().orElse(PackSession.idle(StationHarness.STATION));
                Optional<Verdict> verdict = station.view().lastVerdict().map(ScreenView.LastVerdict::verdict);
                String step = "after " + act + " in " + acts;
                if (!after.locked() || (act != Act.BUTTON && verdict.filter(v -> v.isMismatch() || v == Verdict.LOCKED).isPresent()
                        && act != Act.CLEAR)) {
                    silenced = false;
                }
                if (act == Act.BUTTON && after.locked()) {
                    silenced = true;
                }

                // red exactly while locked, once transients settle; never off for a moment while the lock holds
                assertThat(station.tower.isLit(Output.RED)).as("red " + step).isEqualTo(after.locked());
                if (before.locked() && after.locked()) {
                    assertThat(redAtOnce).as("red during the flash " + step).isTrue();
                }
                // the buzzer sounds while locked until the button, and again at a new mismatch
                assertThat(station.tower.isLit(Output.BUZZER)).as("buzzer " + step).isEqualTo(after.locked() && !silenced);
                // no line is ever counted past its quantity
                after.order().ifPresent(order -> required(order.lines()).forEach((sku, quantity) ->
                        assertThat(after.verified(sku)).as(sku + " counted " + step).isLessThanOrEqualTo(quantity)));
                // an open order with every line verified, unlocked and nothing pending would have completed
                if (after.order().isPresent()) {
                    assertThat(after.missing().isEmpty() && !after.locked() && after.pending().isEmpty())
                            .as("complete but still open " + step).isFalse();
                }
                if (verdict.isPresent() && verdict.get() == Verdict.ORDER_COMPLETE && station.outbox.depth() > eventsBefore) {
                    assertThat(before.order()).as("completed an open order " + step).isPresent();
                    assertThat(after.order()).as("closed once complete " + step).isEmpty();
                    // complete only when this step's units fill every line still missing before it
                    Map<String, Integer> added = unitsAdded(act, before);
                    before.missing().forEach((sku, missing) ->
                            assertThat(added.getOrDefault(sku, 0)).as(sku + " missing at completion " + step)
                                    .isGreaterThanOrEqualTo(missing));
                }
                // every signal of the step came after its events and its session were committed
                long eventsAfter = station.outbox.depth();
                Optional<PackSession> stored = station.storedSession();
                if (eventsAfter > eventsBefore) {
                    assertThat(station.signals.subList(signalsBefore, station.signals.size()))
                            .as("signals " + step).isNotEmpty()
                            .allSatisfy(s -> {
                                assertThat(s.eventsStored()).isEqualTo(eventsAfter);
                                assertThat(s.sessionStored()).isEqualTo(stored);
                            });
                }
            }
        } finally {
            delete(dir);
        }
    }

    private static void perform(StationHarness station, Act act) {
        switch (act) {
            case BUTTON -> station.pressButton();
            case UNREADABLE -> station.garble();
            default -> station.scan(act.code);
        }
    }

    /**
     * Units the act can put into the box: the item scanned, or the refused one a supervisor lets in. The red mug is
     * wrong for the first order but the whole of the other one.
     */
    private static Map<String, Integer> unitsAdded(Act act, PackSession before) {
        return switch (act) {
            case RIGHT_ITEM -> Map.of("MUG-BLUE", 1);
            case RIGHT_PAIR -> Map.of("MUG-BLUE", 2);
            case SECOND_ITEM -> Map.of("PLATE", 1);
            case WRONG_ITEM -> Map.of("MUG-RED", 1);
            case OVERRIDE_REASON -> before.lock().flatMap(PackSession.Lock::cause)
                    .flatMap(refused -> refused.sku().map(sku -> Map.of(sku, refused.quantity())))
                    .orElse(Map.of());
            default -> Map.of();
        };
    }

    private static Map<String, Integer> required(List<OrderLine> lines) {
        Map<String, Integer> required = new HashMap<>();
        lines.forEach(l -> required.merge(l.sku(), l.quantity(), Integer::sum));
        return required;
    }

    private static Path tempDir() {
        try {
            // tmpfs where there is one: the property commits thousands of times
            Path shm = Path.of("/dev/shm");
            return Files.isDirectory(shm) && Files.isWritable(shm)
                    ? Files.createTempDirectory(shm, "station-props") : Files.createTempDirectory("station-props");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
