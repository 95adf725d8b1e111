package io.packcheck.hub.reports;

import java.time.Instant;

/**
 * A report's time range [from, to), widened to whole hours. Whole UTC days inside it are read from the day
 * roll-ups and only the ragged ends from the hour roll-ups, which keeps a month's query to a few hundred rows a key.
 */
public record TimeRange(Instant from, Instant to) {

    public TimeRange {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("to must be after from");
        }
    }

    public long fromHour() {
        return Math.floorDiv(from.getEpochSecond(), 3600);
    }

    public long toHour() {
        return -Math.floorDiv(-to.getEpochSecond(), 3600);
    }

    private long firstWholeDay() {
        return -Math.floorDiv(-fromHour(), 24);
    }

    private long endOfWholeDays() {
        return Math.floorDiv(toHour(), 24);
    }

    private boolean hasWholeDays() {
        return firstWholeDay() < endOfWholeDays();
    }

    /** Whole days inside the range: [fromDay, toDay); empty when there is none. */
    public long fromDay() {
        return hasWholeDays() ? firstWholeDay() : 0;
    }

    public long toDay() {
        return hasWholeDays() ? endOfWholeDays() : 0;
    }

    /** Hours before the first whole day (all hours when there is none): [fromHour, headEnd). */
    public long headEnd() {
        return hasWholeDays() ? firstWholeDay() * 24 : toHour();
    }

    /** Hours after the last whole day: [tailStart, toHour). */
    public long tailStart() {
        return hasWholeDays() ? endOfWholeDays() * 24 : toHour();
    }
}
