package io.packcheck.station.scale;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mettler Toledo Standard Continuous output (terminal manuals, appendix "Continuous Output"): the scale sends, several
 * times a second and unasked, {@code STX SWA SWB SWC} + six digits of displayed weight + six digits of tare + {@code CR}
 * (+ a checksum byte when the terminal is set to send one). The short variant leaves the tare out. Digits carry no
 * decimal point; status word A says where it goes.
 *
 * <ul>
 *   <li>SWA bits 0-2: decimal position, 0 = two dummy zeros (x100), 2 = none, 3-7 = one to five decimals.</li>
 *   <li>SWB bit 0 net, bit 1 negative, bit 2 out of range, bit 3 in motion, bit 4 kg (else lb), bit 6 not zeroed
 *   since power-up.</li>
 *   <li>SWC bit 0 grams (over SWB's lb/kg).</li>
 *   <li>Checksum: the two's complement of the low seven bits of the sum of every byte from STX to CR.</li>
 * </ul>
 * Bit 7 of every byte is the parity bit on 7-bit lines, so it is masked off. The driver keeps nothing but the frame
 * being received: each complete frame is one reading.
 */
final class ToledoContinuousDriver implements ScaleDriver {

    private static final Logger log = LoggerFactory.getLogger(ToledoContinuousDriver.class);
    static final byte STX = 0x02;
    static final byte CR = 0x0D;
    /** STX, three status words, six weight digits, six tare digits, CR. */
    private static final int FULL = 17;
    /** The same without the tare. */
    private static final int SHORT = 11;

    private final boolean checksum;
    private final Garbage garbage = new Garbage(log, "Toledo continuous");
    private final byte[] frame = new byte[FULL];
    private int length;
    private boolean inFrame;
    private boolean awaitingChecksum;

    ToledoContinuousDriver(boolean checksum) {
        this.checksum = checksum;
    }

    @Override
    public Optional<byte[]> nextRequest() {
        return Optional.empty();
    }

    @Override
    public List<Reading> accept(byte[] bytes) {
        List<Reading> readings = new ArrayList<>();
        for (byte b : bytes) {
            if (awaitingChecksum) {
                awaitingChecksum = false;
                if (((sum(frame, length) + b) & 0x7F) == 0) {
                    parse().ifPresent(readings::add);
                } else {
                    garbage.report("a frame with a wrong checksum, dropped", frame, length);
                }
                length = 0;
            } else if (b == STX) {
                if (inFrame) {
                    garbage.report("a frame cut short by the next STX, dropped", frame, length);
                }
                inFrame = true;
                frame[0] = b;
                length = 1;
            } else if (inFrame) {
                frame[length++] = b;
                if (b == CR) {
                    inFrame = false;
                    if (checksum) {
                        awaitingChecksum = true;
                    } else {
                        parse().ifPresent(readings::add);
                        length = 0;
                    }
                } else if (length == FULL) {
                    garbage.report("a frame without CR where one belongs, dropped", frame, length);
                    inFrame = false;
                    length = 0;
                }
            }
            // bytes outside a frame are line noise or the tail of a frame we joined late: skipped
        }
        return readings;
    }

    @Override
    public void reset() {
        length = 0;
        inFrame = false;
        awaitingChecksum = false;
    }

    private static int sum(byte[] bytes, int length) {
        int sum = 0;
        for (int i = 0; i < length; i++) {
            sum += bytes[i] & 0x7F;
        }
        return sum;
    }

    private Optional<Reading> parse() {
        if (length != FULL && length != SHORT) {
            garbage.report("a frame of " + length + " bytes (expected " + FULL + " or " + SHORT + "), dropped", frame, length);
            return Optional.empty();
        }
        int swa = frame[1] & 0x7F;
        int swb = frame[2] & 0x7F;
        int swc = frame[3] & 0x7F;
        long digits = 0;
        for (int i = 4; i < 10; i++) {
            int c = frame[i] & 0x7F;
            if (c == ' ') {
                c = '0';
            }
            if (c < '0' || c > '9') {
                garbage.report("a weight field that is not six digits, dropped", frame, length);
                return Optional.empty();
            }
            digits = digits * 10 + (c - '0');
        }
        boolean negative = (swb & 0x02) != 0;
        if ((swb & 0x04) != 0) {
            return Optional.of(new Reading.Fault(negative ? Trouble.UNDERLOADED : Trouble.OVERLOADED));
        }
        if ((swb & 0x40) != 0) {
            return Optional.of(new Reading.Fault(Trouble.NOT_ZEROED));
        }
        double shown = java.math.BigDecimal.valueOf(digits).scaleByPowerOfTen(2 - (swa & 0x07)).doubleValue();
        WeightUnit unit = (swc & 0x01) != 0 ? WeightUnit.G : (swb & 0x10) != 0 ? WeightUnit.KG : WeightUnit.LB;
        double grams = unit.toGrams(negative ? -shown : shown);
        return Optional.of((swb & 0x08) != 0 ? new Reading.Moving(Optional.of(grams)) : new Reading.Stable(grams));
    }
}
