package io.packcheck.core.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packcheck.core.verify.PackSession.Packed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PackSessionTest extends PackFixture {

    @Test
    void aSessionRebuiltFromItsComponentsCarriesOnExactlyLikeTheOriginal() {
        scan("PCK-P-P100");
        scan("SO-1234");
        ean(MUG);
        scan(Scans.withLot(TEA_14, "LOT7"));
        ean(PEN);
        scan("PCK-S-S900");
        var original = session;

        // as the station does after a restart: every component read back into fresh objects
        var restored = new PackSession(original.stationId(), original.packer(), original.order(),
                new ArrayList<>(original.packed()), original.lock(), original.pending(), original.awaiting());
        var fromOriginal = rules.scan(original, Scans.text("PCK-R-SUBSTITUTE"), catalog, NOW);
        var fromRestored = rules.scan(restored, Scans.text("PCK-R-SUBSTITUTE"), catalog, NOW);

        assertThat(restored).isEqualTo(original);
        assertThat(fromRestored).isEqualTo(fromOriginal);
        assertThat(fromRestored.verdict()).isEqualTo(Verdict.COMMAND_ACCEPTED);
    }

    @Test
    void derivesCountsAndSerialsFromWhatIsPacked() {
        scan("SO-PHONES");
        scan(Scans.withSerial(PHONE_14, "SN-1"));

        assertThat(session.verifiedCounts()).containsExactly(java.util.Map.entry("PHONE-X", 1));
        assertThat(session.serialsSeen()).containsExactly(new PackSession.SerialSeen("PHONE-X", "SN-1"));
        assertThat(session.missing()).containsExactly(java.util.Map.entry("PHONE-X", 1));
    }

    @Test
    void refusesPackedItemsWithoutAnOpenOrder() {
        var packed = List.of(new Packed("MUG-BLUE", 1, 0, "x", Optional.empty(), Optional.empty(), NOW, Optional.empty()));

        assertThatThrownBy(() -> new PackSession("ST-1", Optional.empty(), Optional.empty(), packed, Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("session of station ST-1: packed items or a lock without an open order");
    }
}
