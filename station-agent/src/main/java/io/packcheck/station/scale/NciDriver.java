package io.packcheck.station.scale;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NCI protocol of shipping scales (Avery Weigh-Tronix control document SCP-01, as printed in the NCI 6702, 7800
 * and 7821 manuals): the station sends {@code W} CR, the scale answers {@code LF <weight><unit> CR LF <status> CR ETX},
 * where the weight is what the display shows (with its minus sign and decimal point; carets when over capacity,
 * underscores when under, dashes on a zeroing error) and the status is two or three bytes:
 *
 * <ul>
 *   <li>byte 1: bit 0 in motion, bit 1 at zero, bit 2 RAM error, bit 3 EEPROM error;</li>
 *   <li>byte 2: bit 0 under capacity, bit 1 over capacity, bit 2 ROM error, bit 3 faulty calibration, bit 6 a third
 *   byte follows;</li>
 *   <li>byte 3: bits 0-1 range, bit 2 net, bit 3 initial zero error.</li>
 * </ul>
 * Bits 4 and 5 of each status byte are always 1 (the bytes are printable, {@code 0} is "all clear"), which tells a
 * status from noise. A command the scale does not know is answered {@code LF ? CR ETX} (some indicators send
 * {@code CR ? LF}).
 */
final class NciDriver implements ScaleDriver {

    private static final Logger log = LoggerFactory.getLogger(NciDriver.class);
    static final byte[] WEIGH = "W\r".getBytes(StandardCharsets.US_ASCII);
    static final byte LF = 0x0A;
    static final byte CR = 0x0D;
    static final byte ETX = 0x03;
    private static final int MAX_ANSWER = 64;
    private static final Pattern WEIGHT = Pattern.compile("([+-]?\\s*[0-9.]+)\\s*([A-Za-z]{1,3})");
    private static final Pattern POUNDS_OUNCES =
            Pattern.compile("([+-]?)\\s*([0-9]+)\\s*lb\\s+([0-9.]+)\\s*oz", Pattern.CASE_INSENSITIVE);

    private final Garbage garbage = new Garbage(log, "NCI");
    private final byte[] answer = new byte[MAX_ANSWER];
    private int length;

    @Override
    public Optional<byte[]> nextRequest() {
        return Optional.of(WEIGH.clone());
    }

    @Override
    public List<Reading> accept(byte[] bytes) {
        List<Reading> readings = new ArrayList<>();
        for (byte b : bytes) {
            if (b == ETX) {
                parse().ifPresent(readings::add);
                length = 0;
                continue;
            }
            if (length == MAX_ANSWER) {
                garbage.report("an answer longer than " + MAX_ANSWER + " bytes without ETX, dropped", answer, length);
                length = 0;
            }
            answer[length++] = b;
            if (b == LF && text().equals("?")) {
                readings.add(unrecognised());
                length = 0;
            }
        }
        return readings;
    }

    @Override
    public void reset() {
        length = 0;
    }

    private String text() {
        return new String(answer, 0, length, StandardCharsets.ISO_8859_1).replace("\r", "").replace("\n", "").trim();
    }

    private static Reading unrecognised() {
        return new Reading.Fault("the scale did not understand the weight request: set it to the NCI protocol");
    }

    private Optional<Reading> parse() {
        List<String> parts = Arrays.stream(new String(answer, 0, length, StandardCharsets.ISO_8859_1).split("[\r\n]+"))
                .filter(p -> !p.isBlank()).toList();
        if (parts.size() == 1 && parts.get(0).trim().equals("?")) {
            return Optional.of(unrecognised());
        }
        if (parts.isEmpty() || parts.size() > 2) {
            return unreadable();
        }
        Optional<Status> status = Status.parse(parts.get(parts.size() - 1));
        if (status.isEmpty()) {
            return unreadable();
        }
        Optional<String> fault = status.get().fault();
        if (fault.isPresent()) {
            return Optional.of(new Reading.Fault(fault.get()));
        }
        if (parts.size() == 1) {
            // status alone: the scale has no weight to give, and the status did not say why
            return Optional.of(new Reading.Fault(Trouble.NOT_ZEROED));
        }
        String field = parts.get(0).trim();
        if (field.startsWith("^")) {
            return Optional.of(new Reading.Fault(Trouble.OVERLOADED));
        }
        if (field.startsWith("_")) {
            return Optional.of(new Reading.Fault(Trouble.UNDERLOADED));
        }
        if (field.replace(" ", "").matches("-+[A-Za-z]*")) {
            return Optional.of(new Reading.Fault(Trouble.NOT_ZEROED));
        }
        Optional<Double> grams = grams(field);
        if (grams.isEmpty()) {
            return unreadable();
        }
        return Optional.of(status.get().motion() ? new Reading.Moving(grams) : new Reading.Stable(grams.get()));
    }

    /** {@code 1.25lb}, {@code -0.40 kg}, {@code 1250g}, or pounds and ounces: {@code 2lb 3.5oz}. */
    static Optional<Double> grams(String field) {
        Matcher lbOz = POUNDS_OUNCES.matcher(field.trim());
        if (lbOz.matches()) {
            double grams = WeightUnit.LB.toGrams(Double.parseDouble(lbOz.group(2)))
                    + WeightUnit.OZ.toGrams(Double.parseDouble(lbOz.group(3)));
            return Optional.of(lbOz.group(1).equals("-") ? -grams : grams);
        }
        Matcher m = WEIGHT.matcher(field.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<WeightUnit> unit = WeightUnit.parse(m.group(2));
        return Numbers.decimal(m.group(1).replace(" ", "")).flatMap(v -> unit.map(u -> u.toGrams(v)));
    }

    private Optional<Reading> unreadable() {
        garbage.report("an answer that is not NCI weighing", answer, length);
        return Optional.of(new Reading.Fault(Trouble.UNREADABLE));
    }

    /** The status bytes of an answer. */
    private record Status(int first, int second, int third) {

        static Optional<Status> parse(String text) {
            byte[] b = text.trim().getBytes(StandardCharsets.ISO_8859_1);
            if (b.length < 2 || b.length > 3) {
                return Optional.empty();
            }
            for (byte x : b) {
                if ((x & 0x30) != 0x30) {
                    return Optional.empty();
                }
            }
            boolean third = (b[1] & 0x40) != 0;
            if (third != (b.length == 3)) {
                return Optional.empty();
            }
            return Optional.of(new Status(b[0] & 0x7F, b[1] & 0x7F, third ? b[2] & 0x7F : 0x30));
        }

        boolean motion() {
            return (first & 0x01) != 0;
        }

        Optional<String> fault() {
            if ((second & 0x02) != 0) {
                return Optional.of(Trouble.OVERLOADED);
            }
            if ((second & 0x01) != 0) {
                return Optional.of(Trouble.UNDERLOADED);
            }
            List<String> errors = new ArrayList<>();
            if ((first & 0x04) != 0) {
                errors.add("RAM error");
            }
            if ((first & 0x08) != 0) {
                errors.add("EEPROM error");
            }
            if ((second & 0x04) != 0) {
                errors.add("ROM error");
            }
            if ((second & 0x08) != 0) {
                errors.add("faulty calibration");
            }
            if (!errors.isEmpty()) {
                return Optional.of(String.format(Trouble.DEVICE_FAULT, String.join(", ", errors)));
            }
            if ((third & 0x08) != 0) {
                return Optional.of(Trouble.NOT_ZEROED);
            }
            return Optional.empty();
        }
    }
}
