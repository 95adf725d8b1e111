package io.packcheck.core.barcode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Code39Test {

    @Test
    void decodesTheFullAsciiTable() {
        // pairs from the ISO/IEC 16388 Full ASCII table, one per shift character and range
        var result = Code39.decodeFullAscii("%U$A$M$Z%A%E /A/O/Z%F%J%V%K%O%W+A+Z%P%T%X");

        assertThat(result).isEqualTo(new Code39.Result.Decoded(
                "\u0000\u0001\r\u001A\u001B\u001F !/:;?@[_`az{\u007F\u007F"));
    }

    @Test
    void leavesTextWithoutShiftCharactersAsItIs() {
        assertThat(Code39.decodeFullAscii("PCK-CLEAR")).isEqualTo(new Code39.Result.Decoded("PCK-CLEAR"));
    }

    @Test
    void rejectsATrailingShiftCharacter() {
        assertThat(Code39.decodeFullAscii("AB+")).isEqualTo(
                new Code39.Result.Invalid("Code 39 Full ASCII: '+' at position 3 is not a Full ASCII pair"));
    }

    @Test
    void knowsTheCode39CharacterSet() {
        assertThat(Code39.isCode39Text("ABC-12 $/+%.")).isTrue();
        assertThat(Code39.isCode39Text("abc")).isFalse();
    }
}
