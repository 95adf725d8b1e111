package io.packcheck.hub.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packcheck.hub.MutableClock;
import io.packcheck.hub.http.AttemptLimiter.Budget;
import io.packcheck.hub.http.AttemptLimiter.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttemptLimiterTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    final AttemptLimiter limiter = new AttemptLimiter(Budget.enrolment(), 100, clock);

    @Test
    void allowsTheBurstThenRefusesSayingWhenTheNextAttemptIsDue() {
        List<Decision> burst = attempts("192.0.2.1", 10);

        Decision eleventh = limiter.attempt("192.0.2.1");

        assertThat(burst).allMatch(d -> d instanceof Decision.Allowed);
        assertThat(eleventh).isEqualTo(new Decision.Refused(Duration.ofSeconds(6)));
        assertThat(((Decision.Refused) eleventh).retryAfterSeconds()).isEqualTo(6);
    }

    @Test
    void earnsOneAttemptBackPerRefill() {
        attempts("192.0.2.1", 10);
        clock.advance(Duration.ofSeconds(5));

        Decision early = limiter.attempt("192.0.2.1");
        clock.advance(Duration.ofSeconds(1));
        Decision due = limiter.attempt("192.0.2.1");
        Decision next = limiter.attempt("192.0.2.1");

        assertThat(early).isEqualTo(new Decision.Refused(Duration.ofSeconds(1)));
        assertThat(due).isInstanceOf(Decision.Allowed.class);
        assertThat(next).isEqualTo(new Decision.Refused(Duration.ofSeconds(6)));
    }

    @Test
    void refusedAttemptsDoNotPushTheWaitFurther() {
        attempts("192.0.2.1", 10);
        attempts("192.0.2.1", 50);
        clock.advance(Duration.ofSeconds(6));

        assertThat(limiter.attempt("192.0.2.1")).isInstanceOf(Decision.Allowed.class);
    }

    @Test
    void aFullMinuteRestoresTheWholeBurst() {
        attempts("192.0.2.1", 10);
        clock.advance(Duration.ofMinutes(1));

        assertThat(attempts("192.0.2.1", 10)).allMatch(d -> d instanceof Decision.Allowed);
        assertThat(limiter.attempt("192.0.2.1")).isInstanceOf(Decision.Refused.class);
    }

    @Test
    void eachAddressHasItsOwnBudget() {
        attempts("192.0.2.1", 11);

        assertThat(limiter.attempt("192.0.2.2")).isInstanceOf(Decision.Allowed.class);
    }

    @Test
    void aRefundedAttemptDoesNotCount() {
        for (int i = 0; i < 20; i++) {
            limiter.refund((Decision.Allowed) limiter.attempt("192.0.2.1"));
        }

        assertThat(attempts("192.0.2.1", 10)).allMatch(d -> d instanceof Decision.Allowed);
        assertThat(limiter.attempt("192.0.2.1")).isInstanceOf(Decision.Refused.class);
    }

    @Test
    void forgetsAddressesWhoseBudgetHasFilledUpAgain() {
        for (int i = 0; i < 50; i++) {
            limiter.attempt("192.0.2." + i);
        }
        clock.advance(Duration.ofMinutes(1)); // sweeps run at most once per refill-to-full time
        limiter.attempt("198.51.100.1");

        assertThat(limiter.tracked()).isEqualTo(1);
    }

    @Test
    void beyondTheTrackedAddressesNewcomersShareOneBudget() {
        AttemptLimiter small = new AttemptLimiter(new Budget(2, Duration.ofMinutes(1)), 3, clock);
        for (String address : List.of("192.0.2.1", "192.0.2.2", "192.0.2.3")) {
            small.attempt(address);
        }

        Decision first = small.attempt("198.51.100.1");
        Decision second = small.attempt("198.51.100.2");
        Decision third = small.attempt("198.51.100.3");

        assertThat(first).isEqualTo(new Decision.Allowed(AttemptLimiter.OVERFLOW));
        assertThat(second).isEqualTo(new Decision.Allowed(AttemptLimiter.OVERFLOW));
        assertThat(third).isInstanceOf(Decision.Refused.class);
        assertThat(small.tracked()).isEqualTo(4);
        assertThat(small.attempt("192.0.2.1")).isEqualTo(new Decision.Allowed("192.0.2.1"));
    }

    @Test
    void roundsRetryAfterUpToWholeSeconds() {
        assertThat(new Decision.Refused(Duration.ofMillis(5_001)).retryAfterSeconds()).isEqualTo(6);
        assertThat(new Decision.Refused(Duration.ofMillis(1)).retryAfterSeconds()).isEqualTo(1);
        assertThat(new Decision.Refused(Duration.ofSeconds(6)).retryAfterSeconds()).isEqualTo(6);
    }

    @Test
    void keysIpv4ByAddressAndIpv6ByItsSlash64() {
        assertThat(AttemptLimiter.caller("192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(AttemptLimiter.caller("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:1:2::/64");
        assertThat(AttemptLimiter.caller("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(AttemptLimiter.caller("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0::/64");
        assertThat(AttemptLimiter.caller("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(AttemptLimiter.caller(null)).isEqualTo("unknown");
    }

    @Test
    void refusesABudgetThatAllowsNothing() {
        assertThatThrownBy(() -> new Budget(0, Duration.ofSeconds(6))).hasMessageContaining("burst");
        assertThatThrownBy(() -> new Budget(10, Duration.ZERO)).hasMessageContaining("refill");
    }

    private List<Decision> attempts(String caller, int count) {
        List<Decision> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(limiter.attempt(caller));
        }
        return out;
    }
}
