package io.packcheck.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeKeysTest {

    @Test
    void givesAnEan13AndItsGtin14FormTheSameKey() {
        assertThat(CodeKeys.of("4006381333931")).containsExactly("04006381333931");
        assertThat(CodeKeys.of("04006381333931")).containsExactly("04006381333931");
    }

    @Test
    void keysAnEightDigitCodeAsEan8AndAsUpcEWhenItIsBoth() {
        // 04252614 is a valid UPC-E (expands to UPC-A 042100005264) and fails the EAN-8 check
        assertThat(CodeKeys.of("04252614")).containsExactly("00042100005264");
        assertThat(CodeKeys.of("042100005264")).containsExactly("00042100005264");
    }

    @Test
    void keysAnyOtherCodeByItsText() {
        assertThat(CodeKeys.of("INT-7")).containsExactly("INT-7");
    }
}
