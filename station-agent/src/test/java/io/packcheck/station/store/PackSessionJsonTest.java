package io.packcheck.station.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packcheck.core.catalog.Order;
import io.packcheck.core.catalog.OrderLine;
import io.packcheck.core.catalog.OrderStatus;
import io.packcheck.core.verify.PackSession;
import io.packcheck.core.verify.PackSession.AwaitingData;
import io.packcheck.core.verify.PackSession.ItemData;
import io.packcheck.core.verify.PackSession.Lock;
import io.packcheck.core.verify.PackSession.Packed;
import io.packcheck.core.verify.PackSession.Pending;
import io.packcheck.core.verify.PackSession.Refused;
import io.packcheck.core.verify.Verdict;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PackSessionJsonTest {

    private final PackSessionJson codec = new PackSessionJson();
    private final Instant at = Instant.parse("2026-11-22T09:15:00.123Z");

    @Test
    void aSessionWithEveryPartReadsBackEqual() {
        Order order = new Order("SO-1234", 7, List.of(new OrderLine("MUG", 2), new OrderLine("TEA", 1)),
                Optional.of(Instant.parse("2026-11-22T16:00:00Z")), 3, OrderStatus.IN_PROGRESS, Optional.of("late"));
        PackSession session = new PackSession("pack-07", Optional.of("B-1"), Optional.of(order),
                List.of(new Packed("MUG", 1, 0, "4006381333931", Optional.of("L1"), Optional.of("S9"), at, Optional.empty()),
                        new Packed("TEA", 0, 1, "]C1x", Optional.empty(), Optional.empty(), at, Optional.of("SUBSTITUTE"))),
                Optional.of(new Lock(Verdict.WRONG_ITEM, "Wrong item: take it out",
                        Optional.of(new Refused(Optional.of("RED"), 1, "4006381333948", Optional.empty(), Optional.empty(), at)))),
                Optional.of(new Pending(Pending.Kind.OVERRIDE, Optional.of("SUP-1"), at)),
                Optional.of(new AwaitingData("TEA", 1, "05901234123457", "]E05901234123457",
                        List.of(ItemData.EXPIRY_DATE, ItemData.LOT, ItemData.SERIAL), Optional.of(LocalDate.of(2027, 1, 31)),
                        Optional.of("L-7"), Optional.empty(), at)));

        PackSession read = codec.decode(codec.encode(session));

        assertThat(read).isEqualTo(session);
        assertThat(read.awaiting()).hasValueSatisfying(a -> assertThat(a.missing()).containsExactly(ItemData.SERIAL));
    }

    @Test
    void aSessionStoredBeforeUnitsCouldWaitForTheirDataStillReads() {
        // written by an agent that knew no "awaiting": an open order with one mug packed
        String text = "{\"stationId\":\"pack-07\",\"order\":{\"id\":\"SO-1\",\"version\":1,\"lines\":[{\"sku\":\"A\",\"quantity\":2}],"
                + "\"priority\":0,\"status\":\"IN_PROGRESS\"},\"packed\":[{\"sku\":\"A\",\"units\":1,\"extraUnits\":0,"
                + "\"raw\":\"x\",\"at\":\"2026-11-22T09:15:00Z\"}]}";

        PackSession read = codec.decode(text);

        assertThat(read.awaiting()).isEmpty();
        assertThat(read.verified("A")).isEqualTo(1);
    }

    @Test
    void aWaitingUnitWithAnUnknownNeedIsRefusedNamingTheField() {
        String text = "{\"stationId\":\"pack-07\",\"order\":{\"id\":\"SO-1\",\"version\":1,\"lines\":[{\"sku\":\"A\",\"quantity\":2}],"
                + "\"priority\":0,\"status\":\"IN_PROGRESS\"},\"packed\":[],\"awaiting\":{\"sku\":\"A\",\"quantity\":1,"
                + "\"code\":\"x\",\"raw\":\"x\",\"needs\":[\"COLOUR\"],\"at\":\"2026-11-22T09:15:00Z\"}}";

        assertThatThrownBy(() -> codec.decode(text)).hasMessage("pack session.awaiting.needs[0]: 'COLOUR' is not a known value");
    }

    @Test
    void anIdleSessionReadsBackEqual() {
        PackSession idle = PackSession.idle("pack-07");

        assertThat(codec.decode(codec.encode(idle))).isEqualTo(idle);
    }

    @Test
    void aDamagedRowIsRefusedNamingTheField() {
        String text = "{\"stationId\":\"pack-07\",\"order\":{\"id\":\"SO-1\",\"version\":1,\"lines\":[{\"sku\":\"A\",\"quantity\":1}],"
                + "\"priority\":0,\"status\":\"OPEN\"},\"packed\":[{\"sku\":\"A\",\"units\":\"one\",\"extraUnits\":0,\"raw\":\"x\",\"at\":\"2026-11-22T09:15:00Z\"}]}";

        assertThatThrownBy(() -> codec.decode(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pack session.packed[0].units: must be a whole number");
    }

    @Test
    void anUnknownStatusIsRefusedNamingTheField() {
        String text = "{\"stationId\":\"pack-07\",\"order\":{\"id\":\"SO-1\",\"version\":1,\"lines\":[{\"sku\":\"A\",\"quantity\":1}],"
                + "\"priority\":0,\"status\":\"LOST\"},\"packed\":[]}";

        assertThatThrownBy(() -> codec.decode(text)).hasMessage("pack session.order.status: 'LOST' is not a known value");
    }
}
