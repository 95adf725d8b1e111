package io.packcheck.station.scanner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5));

    @Test
    void doublesTheCeilingWithEveryAttempt() {
        assertThat(backoff.delay(0, () -> 0.999_999)).isBetween(Duration.ofMillis(249), Duration.ofMillis(250));
        assertThat(backoff.delay(1, () -> 0.5)).isEqualTo(Duration.ofMillis(250));
        assertThat(backoff.delay(3, () -> 0.5)).isEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void neverExceedsTheCapEvenAfterManyAttempts() {
        assertThat(backoff.delay(5, () -> 0.5)).isEqualTo(Duration.ofMillis(2500));
        assertThat(backoff.delay(1000, () -> 0.5)).isEqualTo(Duration.ofMillis(2500));
        assertThat(backoff.delay(Integer.MAX_VALUE, () -> 0.999_999)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void drawsTheWholeRangeDownToZero() {
        assertThat(backoff.delay(4, () -> 0.0)).isEqualTo(Duration.ZERO);
    }

    @Test
    void rejectsACapBelowTheBase() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base <= cap");
    }
}
