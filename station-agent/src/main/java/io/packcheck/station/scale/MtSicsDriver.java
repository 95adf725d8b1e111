package io.packcheck.station.scale;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MT-SICS level 0 weighing (Mettler Toledo reference manual "MT-SICS Interface Commands"): the station sends
 * {@code S} CR LF, the scale answers {@code S S <value> <unit>} once the weight is stable, {@code S I} when it cannot
 * (still moving past its own stability timeout, or busy), {@code S +} / {@code S -} in overload / underload, and
 * {@code ES} / {@code ET} / {@code EL} for a command it did not understand, a transmission error or a command it
 * cannot carry out. After an {@code S I} the next request is {@code SI} (send immediately), answered {@code S D
 * <value> <unit>} while dynamic, so that a weighing that never settles can still tell the last weight it saw.
 *
 * <p>A balance holds {@code S} until the weight is stable or its own stability timeout ends, which may be later than
 * the station's settle timeout; its answer would then arrive during the next weighing, with the previous parcel's
 * weight. So a weighing that starts while requests are unanswered first sends {@code @} (cancel: "all commands
 * awaiting responses are cancelled", answered {@code I4 A "<serial number>"}) and skips every answer up to that
 * {@code I4}; if none comes before the next request is due, it stops skipping.
 */
final class MtSicsDriver implements ScaleDriver {

    private static final Logger log = LoggerFactory.getLogger(MtSicsDriver.class);
    static final byte[] SEND_STABLE = "S\r\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SEND_IMMEDIATE = "SI\r\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] CANCEL = "@\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Garbage garbage = new Garbage(log, "MT-SICS");
    private final LineBuffer lines = new LineBuffer(128, garbage);
    private boolean askImmediate;
    /** Requests sent that no answer has matched yet. */
    private int unanswered;
    /** After a cancel: answers still coming for the cancelled requests are skipped until the balance's I4. */
    private boolean skipping;
    private boolean askedWhileSkipping;

    @Override
    public Optional<byte[]> startWeighing() {
        if (unanswered == 0) {
            return Optional.empty();
        }
        unanswered = 0;
        askImmediate = false;
        skipping = true;
        askedWhileSkipping = false;
        return Optional.of(CANCEL.clone());
    }

    @Override
    public Optional<byte[]> nextRequest() {
        if (skipping) {
            if (askedWhileSkipping) {
                // a whole answer wait without the I4: this balance does not answer the cancel, stop waiting for it
                skipping = false;
            }
            askedWhileSkipping = true;
        }
        byte[] request = askImmediate ? SEND_IMMEDIATE : SEND_STABLE;
        askImmediate = false;
        unanswered++;
        return Optional.of(request.clone());
    }

    /** A balance waits for stability itself before it answers {@code S I}: give it a second. */
    @Override
    public Duration answerWait() {
        return Duration.ofSeconds(1);
    }

    @Override
    public List<Reading> accept(byte[] bytes) {
        List<Reading> readings = new ArrayList<>();
        for (String line : lines.accept(bytes)) {
            if (skipping) {
                if (line.startsWith("I4")) {
                    skipping = false;
                } else {
                    log.debug("MT-SICS scale: skipping '{}', an answer to a cancelled request", line.trim());
                }
                continue;
            }
            Optional<Reading> reading = parse(line);
            if (reading.isPresent()) {
                unanswered = Math.max(0, unanswered - 1);
                readings.add(reading.get());
            }
        }
        return readings;
    }

    @Override
    public void reset() {
        lines.reset();
        askImmediate = false;
        unanswered = 0;
        skipping = false;
    }

    private Optional<Reading> parse(String line) {
        String text = line.trim();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        switch (text) {
            case "ES":
                return Optional.of(new Reading.Fault("the scale did not understand the request: set its interface to MT-SICS"));
            case "ET":
                return Optional.of(new Reading.Fault(
                        "the scale reports a transmission error: check the baud rate and parity against the scale profile"));
            case "EL":
                return Optional.of(new Reading.Fault("the scale cannot weigh now (logical error): press its cancel key"));
            default:
                break;
        }
        if (!text.matches("[A-Z][A-Z0-9]*( [ -~]*)?")) {
            return unreadable(line);
        }
        String[] fields = text.split(" +");
        if (!fields[0].equals("S")) {
            // an answer to another command (a power-on I4, a key's print): not ours
            log.debug("MT-SICS scale: ignoring '{}'", text);
            return Optional.empty();
        }
        if (fields.length < 2) {
            return unreadable(line);
        }
        return switch (fields[1]) {
            case "S" -> weight(fields).<Reading>map(Reading.Stable::new).or(() -> unreadable(line));
            case "D" -> weight(fields).<Reading>map(g -> new Reading.Moving(Optional.of(g))).or(() -> unreadable(line));
            case "I" -> {
                askImmediate = true;
                yield Optional.of(new Reading.Moving(Optional.empty()));
            }
            case "+" -> Optional.of(new Reading.Fault(Trouble.OVERLOADED));
            case "-" -> Optional.of(new Reading.Fault(Trouble.UNDERLOADED));
            default -> unreadable(line);
        };
    }

    private static Optional<Double> weight(String[] fields) {
        if (fields.length != 4) {
            return Optional.empty();
        }
        Optional<WeightUnit> unit = WeightUnit.parse(fields[3]);
        return Numbers.decimal(fields[2]).flatMap(value -> unit.map(u -> u.toGrams(value)));
    }

    private Optional<Reading> unreadable(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.ISO_8859_1);
        garbage.report("an answer that is not MT-SICS weighing", bytes, bytes.length);
        return Optional.of(new Reading.Fault(Trouble.UNREADABLE));
    }
}
