package io.packcheck.hub.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeRangeTest {

    static final long H = 3600;

    @Test
    void readsWholeDaysFromDayRowsAndOnlyTheRaggedEndsFromHourRows() {
        TimeRange range = new TimeRange(Instant.parse("2026-11-19T22:30:00Z"), Instant.parse("2026-11-22T09:10:00Z"));

        long day20 = Instant.parse("2026-11-20T00:00:00Z").getEpochSecond() / 86_400;
        assertThat(range.fromHour()).isEqualTo(Instant.parse("2026-11-19T22:00:00Z").getEpochSecond() / H);
        assertThat(range.toHour()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z").getEpochSecond() / H);
        assertThat(range.fromDay()).isEqualTo(day20);
        assertThat(range.toDay()).isEqualTo(day20 + 2);
        assertThat(range.headEnd()).isEqualTo(day20 * 24);
        assertThat(range.tailStart()).isEqualTo((day20 + 2) * 24);
    }

    @Test
    void aRangeWithoutAWholeDayIsAllHours() {
        TimeRange range = new TimeRange(Instant.parse("2026-11-21T10:00:00Z"), Instant.parse("2026-11-22T10:00:00Z"));

        assertThat(range.fromDay()).isEqualTo(range.toDay());
        assertThat(range.headEnd()).isEqualTo(range.toHour());
        assertThat(range.tailStart()).isEqualTo(range.toHour());
        assertThat(range.toHour() - range.fromHour()).isEqualTo(24);
    }
}
