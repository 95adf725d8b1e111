package io.packcheck.station.lights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PatternCutTest {

    private static final Duration LIMIT = Duration.ofMillis(200);

    @Test
    void aSteadyLightIsCutToAFlash() {
        Pattern cut = Pattern.ON.cutAt(LIMIT);

        assertThat(cut.isOnAt(Duration.ofMillis(199))).isTrue();
        assertThat(cut.isOnAt(Duration.ofMillis(200))).isFalse();
        assertThat(cut.nextChangeAfter(Duration.ZERO)).contains(LIMIT);
        assertThat(cut.nextChangeAfter(LIMIT)).isEmpty();
        assertThat(cut.lightWord()).isEqualTo("on");
        assertThat(cut.buzzerWord()).isEqualTo("beep");
    }

    @Test
    void aBlinkIsCutAfterItsEdgesBeforeTheLimit() {
        Pattern cut = new Pattern.Blink(Duration.ofMillis(50), Duration.ofMillis(50)).cutAt(LIMIT);

        assertThat(cut.nextChangeAfter(Duration.ZERO)).contains(Duration.ofMillis(50));
        assertThat(cut.nextChangeAfter(Duration.ofMillis(100))).contains(Duration.ofMillis(150));
        assertThat(cut.nextChangeAfter(Duration.ofMillis(150))).as("off at the cut already").isEmpty();
        assertThat(new Pattern.Blink(Duration.ofMillis(120), Duration.ofMillis(40)).cutAt(LIMIT)
                .nextChangeAfter(Duration.ofMillis(199))).contains(LIMIT);
        assertThat(cut.isOnAt(Duration.ofMillis(210))).isFalse();
        assertThat(cut.nextChangeAfter(Duration.ofMillis(210))).isEmpty();
    }

    @Test
    void patternsThatEndByThemselvesInTimeStayAsTheyAre() {
        Pattern beep = new Pattern.Beeps(1, Duration.ofMillis(80), Duration.ofMillis(80));
        Pattern shortPulse = new Pattern.Pulse(Duration.ofMillis(100));

        assertThat(beep.cutAt(LIMIT)).isSameAs(beep);
        assertThat(shortPulse.cutAt(LIMIT)).isSameAs(shortPulse);
        assertThat(Pattern.OFF.cutAt(LIMIT)).isSameAs(Pattern.OFF);
        assertThat(new Pattern.Pulse(Duration.ofMillis(400)).cutAt(LIMIT)).isInstanceOf(Pattern.Cut.class);
    }
}
