package io.packcheck.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packcheck.core.catalog.OrderStatus;
import io.packcheck.core.verify.PackEvent;
import io.packcheck.core.verify.PackEvent.EventKind;
import io.packcheck.core.verify.Verdict;
import io.packcheck.hub.orders.OrderCommand;
import io.packcheck.hub.orders.OrderRules;
import io.packcheck.hub.storage.Conflict;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OrderRulesTest {

    static PackEvent event(EventKind kind, long version) {
        return new PackEvent(kind, Verdict.MATCH, Instant.EPOCH, "ST-1", Optional.empty(), Optional.of("O-1"), version,
                Optional.empty(), Optional.empty(), "", 0, Optional.empty(), Optional.empty(), "", Optional.empty(),
                Optional.empty());
    }

    @ParameterizedTest
    @CsvSource({
            "OPEN, ORDER_OPENED, IN_PROGRESS",
            "IN_PROGRESS, ORDER_COMPLETED, VERIFIED",
            "IN_PROGRESS, SHORTED, EXCEPTION",
            "IN_PROGRESS, SESSION_CANCELLED, OPEN",
            "ON_HOLD, ORDER_COMPLETED, ON_HOLD",
            "CANCELLED, ORDER_OPENED, CANCELLED",
            "IN_PROGRESS, SCAN, IN_PROGRESS"})
    void movesTheStatusOnStationEvents(OrderStatus from, EventKind kind, OrderStatus to) {
        Optional<OrderStatus> next = OrderRules.afterEvent(from, event(kind, 1));

        assertThat(next.orElse(from)).isEqualTo(to);
    }

    @Test
    void refusesToCancelAVerifiedOrder() {
        assertThatThrownBy(() -> OrderRules.afterCommand(OrderStatus.VERIFIED, OrderCommand.CANCEL, Optional.empty()))
                .isInstanceOf(Conflict.class).hasMessageContaining("already verified");
    }

    @Test
    void releasesToTheStatusBeforeTheHold() {
        OrderStatus released = OrderRules.afterCommand(OrderStatus.ON_HOLD, OrderCommand.RELEASE, Optional.of(OrderStatus.IN_PROGRESS));

        assertThat(released).isEqualTo(OrderStatus.IN_PROGRESS);
    }

    @Test
    void seesACompletionOfAnOlderVersionAsOutdated() {
        assertThat(OrderRules.verifiedOutdated(event(EventKind.ORDER_COMPLETED, 1), 2)).isTrue();
        assertThat(OrderRules.verifiedOutdated(event(EventKind.ORDER_COMPLETED, 2), 2)).isFalse();
    }
}
