package io.packcheck.hub.parcels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packcheck.hub.parcels.LabelOwners.Owner;
import io.packcheck.hub.storage.Conflict;
import io.packcheck.protocol.ProtocolException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelOwnersTest {

    static final String UPS = "1Z999AA10123456784";

    @Test
    void comparesLabelsInCanonicalForm() {
        assertThat(LabelOwners.key("1z999aa1-0123456784")).isEqualTo(UPS);
        assertThat(LabelOwners.key("00106141411234567897")).isEqualTo("106141411234567897");
    }

    @Test
    void refusesALabelAnotherOrderHoldsNamingBothSpellings() {
        Map<String, List<Owner>> owners = Map.of(UPS, List.of(new Owner("SO-1", UPS, false)));

        assertThatThrownBy(() -> LabelOwners.check("SO-2", List.of("1z999aa1-0123456784"), k -> owners.getOrDefault(k, List.of())))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("label 1z999aa1-0123456784 belongs to order SO-1 (as " + UPS + ")")
                .extracting(e -> ((Conflict) e).field()).isEqualTo("labels[0]");
    }

    @Test
    void letsAnOrderKeepItsOwnLabelsAndTakeACancelledOrdersLabels() {
        Map<String, List<Owner>> owners = Map.of(UPS, List.of(new Owner("SO-1", UPS, true), new Owner("SO-2", UPS, false)));

        assertThatCode(() -> LabelOwners.check("SO-2", List.of(UPS), k -> owners.getOrDefault(k, List.of())))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesOneLabelListedTwiceUnderTwoSpellings() {
        assertThatThrownBy(() -> LabelOwners.check("SO-1", List.of(UPS, "1z999aa10123456784"), k -> List.of()))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("same label as labels[0]");
    }
}
