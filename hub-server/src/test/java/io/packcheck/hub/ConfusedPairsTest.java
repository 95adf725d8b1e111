package io.packcheck.hub;

import static io.packcheck.hub.RunningHub.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.verify.Verdict;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "SKUs most confused" on multi-line orders: a wrong item counts against every line still open at that
 * moment, and {@code onlyOpenLine} counts the scans where one line alone was open.
 */
class ConfusedPairsTest extends ApiKeyHubTest {

    PackingStation station;

    @BeforeEach
    void catalog() {
        station = new PackingStation(hub, key, "ST-1");
        for (String sku : new String[] {"A", "B", "C", "D"}) {
            station.item(sku, Map.of("INT-" + sku, 1));
        }
    }

    private Iterable<String> pairs() {
        return json(hub.get("/api/v1/reports/confused-pairs", key)).getJsonArray("rows").stream()
                .map(r -> (JsonObject) r)
                .map(r -> r.getString("expectedSku") + "<-" + r.getString("scannedSku") + " " + r.getLong("count") + "/"
                        + r.getLong("onlyOpenLine"))
                .toList();
    }

    @Test
    void countsAWrongItemAgainstEachLineStillOpenNotJustTheFirst() {
        station.order("SO-1", "A", 1, "B", 1, "C", 1);
        station.scan("SO-1");

        assertThat(station.scan("INT-D").verdict()).isEqualTo(Verdict.WRONG_ITEM);

        assertThat(pairs()).containsExactly("A<-D 1/0", "B<-D 1/0", "C<-D 1/0");
    }

    @Test
    void countsTheOnePairWhenOneLineIsLeftEvenIfItIsNotTheOrdersFirstLine() {
        station.order("SO-1", "A", 2, "B", 1, "C", 1);
        station.scan("SO-1");
        station.scan("INT-A");
        station.scan("INT-A");
        station.scan("INT-C");

        station.scan("INT-D");

        assertThat(pairs()).containsExactly("B<-D 1/1");
    }

    @Test
    void followsTheBoxThroughClearAndUndoOverSeveralWrongScans() {
        station.order("SO-1", "A", 1, "B", 1, "C", 1);
        station.scan("SO-1");
        station.scan("INT-D");
        station.scan("PCK-CLEAR");
        station.scan("INT-A");
        station.scan("INT-B");
        station.scan("INT-D");
        station.scan("PCK-CLEAR");
        station.scan("PCK-UNDO");

        station.scan("INT-D");

        assertThat(pairs()).containsExactly("C<-D 3/1", "B<-D 2/0", "A<-D 1/0");
    }
}
