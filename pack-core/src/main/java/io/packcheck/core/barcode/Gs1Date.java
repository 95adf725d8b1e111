package io.packcheck.core.barcode;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/** GS1 six-digit dates (YYMMDD): century by the GS1 sliding window, DD=00 as the month's last day. */
public final class Gs1Date {

    private Gs1Date() {}

    /**
     * The four-digit year of a two-digit GS1 year, per GS1 General Specifications 7.12: a year
     * 51 to 99 ahead of the current one is in the previous century, one 50 to 99 behind is in
     * the next century, anything else is in the current century. So a date is read as at most
     * 49 years in the past and at most 50 years ahead.
     */
    public static int fullYear(int yy, int currentYear) {
        int century = currentYear - Math.floorMod(currentYear, 100);
        int difference = yy - Math.floorMod(currentYear, 100);
        if (difference >= 51) {
            return century - 100 + yy;
        }
        if (difference <= -50) {
            return century + 100 + yy;
        }
        return century + yy;
    }

    /**
     * Reads YYMMDD (six digits, already checked to be digits) against today.
     * Returns the reason, written for a technician, when it is not a date.
     *
     * @param dayZeroAllowed whether DD=00 ("no day given", meaning the last day of the month) is allowed
     */
    static Result read(CharSequence s, int from, boolean dayZeroAllowed, LocalDate today) {
        int yy = two(s, from);
        int mm = two(s, from + 2);
        int dd = two(s, from + 4);
        if (mm < 1 || mm > 12) {
            return new Result(Optional.empty(), twoDigits(mm) + " is not a month");
        }
        YearMonth month = YearMonth.of(fullYear(yy, today.getYear()), mm);
        if (dd == 0) {
            if (!dayZeroAllowed) {
                return new Result(Optional.empty(), "day 00 is not allowed here");
            }
            return new Result(Optional.of(month.atEndOfMonth()), null);
        }
        if (dd > month.lengthOfMonth()) {
            return new Result(Optional.empty(), twoDigits(dd) + " is not a day of " + month);
        }
        return new Result(Optional.of(month.atDay(dd)), null);
    }

    static int two(CharSequence s, int from) {
        return (s.charAt(from) - '0') * 10 + (s.charAt(from + 1) - '0');
    }

    static String twoDigits(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    /** A date, or the reason there is none. */
    record Result(Optional<LocalDate> date, String problem) {}
}
