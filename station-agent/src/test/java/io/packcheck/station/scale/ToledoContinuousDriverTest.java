package io.packcheck.station.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ToledoContinuousDriverTest {

    /** A frame: status words as given, six weight digits, six tare digits, CR, and the checksum if asked. */
    static byte[] frame(int swa, int swb, int swc, String weight, String tare, boolean checksum) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x02);
        out.write(swa);
        out.write(swb);
        out.write(swc);
        out.writeBytes(weight.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(tare.getBytes(StandardCharsets.US_ASCII));
        out.write(0x0D);
        if (checksum) {
            int sum = 0;
            for (byte b : out.toByteArray()) {
                sum += b & 0x7F;
            }
            out.write((-sum) & 0x7F);
        }
        return out.toByteArray();
    }

    @Test
    void streamsWithoutBeingAsked() {
        assertThat(new ToledoContinuousDriver(false).nextRequest()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        // SWA decimal code, SWB, SWC, digits, grams
        "0x25, 0x30, 0x20, 001234, 1234",         // XXX.XXX kg: 1.234 kg
        "0x22, 0x20, 0x21, 001234, 1234",         // grams, no decimals
        "0x24, 0x20, 0x20, 000250, 1133.980925",  // 2.50 lb
        "0x20, 0x30, 0x20, 000012, 1200000",      // two dummy zeros: 1200 kg
        "0x25, 0x32, 0x20, 000500, -500",         // negative
    })
    void readsAStableWeightWithItsDecimalPointAndUnit(int swa, int swb, int swc, String digits, double grams) {
        ToledoContinuousDriver driver = new ToledoContinuousDriver(false);

        assertThat(driver.accept(frame(swa, swb, swc, digits, "000000", false)))
                .containsExactly(new Reading.Stable(grams));
    }

    @Test
    void theMotionBitMakesAMovingReading() {
        ToledoContinuousDriver driver = new ToledoContinuousDriver(false);

        assertThat(driver.accept(frame(0x25, 0x38, 0x20, "002000", "000000", false)))
                .containsExactly(new Reading.Moving(Optional.of(2000.0)));
    }

    @Test
    void outOfRangeIsOverloadOrUnderloadByItsSign() {
        ToledoContinuousDriver driver = new ToledoContinuousDriver(false);

        assertThat(driver.accept(frame(0x25, 0x34, 0x20, "999999", "000000", false)))
                .containsExactly(new Reading.Fault(Trouble.OVERLOADED));
        assertThat(driver.accept(frame(0x25, 0x36, 0x20, "000000", "000000", false)))
                .containsExactly(new Reading.Fault(Trouble.UNDERLOADED));
    }

    @Test
    void masksTheParityBitOfEveryByte() {
        ToledoContinuousDriver driver = new ToledoContinuousDriver(false);
        byte[] f = frame(0x25, 0x30, 0x20, "001500", "000000", false);
        for (int i = 1; i < f.length - 1; i++) {
            f[i] = (byte) (f[i] | 0x80);
        }

        assertThat(driver.accept(f)).containsExactly(new Reading.Stable(1500));
    }

    @Test
    void checksAndDropsAFrameWithAWrongChecksum() {
        ToledoContinuousDriver driver = new ToledoContinuousDriver(true);
        byte[] good = frame(0x25, 0x30, 0x20, "001500", "000100", true);
        byte[] bad = good.clone();
        bad[bad.length - 1] ^= 0x01;

        assertThat(driver.accept(good)).containsExactly(new Reading.Stable(1500));
        assertThat(driver.accept(bad)).isEmpty();
        assertThat(driver.accept(good)).containsExactly(new Reading.Stable(1500));
    }

    @Test
    void readsTheShortFormatWithoutTare() {
        ToledoContinuousDriver driver = new ToledoContinuousDriver(false);

        assertThat(driver.accept(frame(0x25, 0x30, 0x20, "000750", "", false))).containsExactly(new Reading.Stable(750));
    }

    @Test
    void joinsLateSkipsNoiseAndResynchronisesOnTheNextStx() {
        ToledoContinuousDriver driver = new ToledoContinuousDriver(false);
        byte[] f = frame(0x25, 0x30, 0x20, "001000", "000000", false);
        byte[] tail = java.util.Arrays.copyOfRange(f, 7, f.length);
        byte[] cut = java.util.Arrays.copyOfRange(f, 0, 9);

        assertThat(driver.accept(tail)).isEmpty();
        assertThat(driver.accept(new byte[] {(byte) 0xFF, 0x13, 'x'})).isEmpty();
        assertThat(driver.accept(cut)).isEmpty();
        assertThat(driver.accept(f)).containsExactly(new Reading.Stable(1000));
    }

    @Test
    void dropsFramesWithLettersForDigitsOrTheWrongLength() {
        ToledoContinuousDriver driver = new ToledoContinuousDriver(false);

        assertThat(driver.accept(frame(0x25, 0x30, 0x20, "00A000", "000000", false))).isEmpty();
        assertThat(driver.accept(frame(0x25, 0x30, 0x20, "0010", "", false))).isEmpty();
        assertThat(driver.accept(frame(0x25, 0x30, 0x20, "001000", "0000000000", false))).isEmpty();
        assertThat(driver.accept(frame(0x25, 0x30, 0x20, "001000", "000000", false))).containsExactly(new Reading.Stable(1000));
    }

    @Test
    void aScaleNotZeroedSincePowerUpGivesNoWeight() {
        ToledoContinuousDriver driver = new ToledoContinuousDriver(false);

        assertThat(driver.accept(frame(0x25, 0x70, 0x20, "001000", "000000", false)))
                .containsExactly(new Reading.Fault(Trouble.NOT_ZEROED));
    }
}
