package io.packcheck.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.verify.PackEvent.EventKind;
import org.junit.jupiter.api.Test;

class OrderClaimsTest extends PackFixture {

    @Test
    void anOpeningIsAnOrderToClaimButAScanOfTheOrderAlreadyOpenIsNot() {
        var opening = scan("SO-1234");
        var again = scan("SO-1234");

        assertThat(OrderClaims.opened(opening)).contains(SO_1234);
        assertThat(OrderClaims.opened(again)).isEmpty();
        assertThat(OrderClaims.opened(ean(MUG))).isEmpty();
    }

    @Test
    void anOrderClaimedElsewhereLeavesTheSessionAsItWasAndIsRecordedAgainstIt() {
        PackSession before = session;
        var opening = rules.scan(before, Scans.text("SO-1234"), catalog, at);

        var refused = OrderClaims.claimedElsewhere(before, opening, "ST-2", "10:42", at);

        assertThat(refused.verdict()).isEqualTo(Verdict.ORDER_CLAIMED_ELSEWHERE);
        assertThat(refused.session()).isEqualTo(before);
        assertThat(refused.message()).isEqualTo("SO-1234 is being packed at ST-2 since 10:42 - ask a supervisor");
        assertThat(refused.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.SCAN);
            assertThat(e.verdict()).isEqualTo(Verdict.ORDER_CLAIMED_ELSEWHERE);
            assertThat(e.orderId()).as("not the other station's order").isEmpty();
            assertThat(e.quantity()).isZero();
            assertThat(e.raw()).isEqualTo("]C0SO-1234");
        });
    }
}
