package io.packcheck.station.scale.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A Mettler Toledo terminal in Standard Continuous mode showing kilograms with three decimals, ten frames a second:
 * STX, status words A (three decimals), B (kg, sign, motion, out of range) and C, six weight digits, six tare digits
 * (zero), CR, and a checksum byte when asked.
 */
final class ToledoContinuousEmulator extends ScaleEmulator {

    static final Duration INTERVAL = Duration.ofMillis(100);

    private final boolean checksum;

    ToledoContinuousEmulator(Path farEnd, EmulatedLoad load, boolean checksum) {
        super(farEnd, load, "toledo-continuous");
        this.checksum = checksum;
    }

    @Override
    protected void run() throws IOException, InterruptedException {
        while (!unplugged()) {
            write(frame(load.sample(), checksum));
            TimeUnit.NANOSECONDS.sleep(INTERVAL.toNanos());
        }
    }

    static byte[] frame(EmulatedLoad.Sample s, boolean checksum) {
        double kg = s.grams() / 1000;
        int swa = 0x20 | 0x05; // always-1 bit, three decimals
        int swb = 0x20 | 0x10; // always-1 bit, kg
        if (kg < 0) {
            swb |= 0x02;
        }
        if (s.range() != EmulatedLoad.Sample.Range.IN) {
            swb |= 0x04 | (s.range() == EmulatedLoad.Sample.Range.UNDER ? 0x02 : 0);
        } else if (s.moving()) {
            swb |= 0x08;
        }
        long digits = s.range() == EmulatedLoad.Sample.Range.IN ? Math.min(999_999, Math.round(Math.abs(kg) * 1000)) : 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x02);
        out.write(swa);
        out.write(swb);
        out.write(0x20);
        out.writeBytes(String.format(Locale.ROOT, "%06d000000", digits).getBytes(StandardCharsets.US_ASCII));
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
}
