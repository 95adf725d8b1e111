package io.packcheck.station.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Line noise never makes a driver throw, and a good answer after it is still read. */
class DriverNoiseTest {

    private static byte[] goodAnswer(ScaleProtocol protocol) {
        return switch (protocol) {
            case MT_SICS -> "\r\nS S     100.0 g\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            case NCI -> "\u0003\n  0.100kg\r\n00\r\u0003".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            case TOLEDO_CONTINUOUS -> ToledoContinuousDriverTest.frame(0x25, 0x30, 0x20, "000100", "000000", false);
        };
    }

    @ParameterizedTest
    @EnumSource(ScaleProtocol.class)
    void randomBytesGiveOnlyReadingsOrNothingAndTheNextGoodAnswerIsRead(ScaleProtocol protocol) {
        ScaleDriver driver = protocol.newDriver(false);
        Random random = new Random(protocol.ordinal() + 1L);
        List<Reading> fromNoise = new ArrayList<>();

        for (int i = 0; i < 20_000; i++) {
            byte[] chunk = new byte[1 + random.nextInt(40)];
            random.nextBytes(chunk);
            fromNoise.addAll(driver.accept(chunk));
        }
        driver.reset();

        assertThat(fromNoise).allSatisfy(r -> assertThat(r).isNotNull());
        assertThat(driver.accept(goodAnswer(protocol))).last().isEqualTo(new Reading.Stable(100));
    }
}
