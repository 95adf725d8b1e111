package io.packcheck.station.screen;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.verify.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ScreenViewJsonTest {

    @ParameterizedTest
    @EnumSource(Verdict.class)
    void everyMismatchIsRedAndEveryVerdictHasWords(Verdict verdict) {
        ScreenViewJson.Tone tone = ScreenViewJson.tone(verdict);

        if (verdict.isMismatch()) {
            assertThat(tone).isEqualTo(ScreenViewJson.Tone.BAD);
        }
        assertThat(ScreenViewJson.headline(verdict)).isNotBlank();
        assertThat(tone.symbol).isNotBlank();
    }
}
