package io.packcheck.station.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.packcheck.station.scale.emulator.EmulatedLoad;
import io.packcheck.station.scale.emulator.EmulatedScalePort;
import io.packcheck.station.scale.emulator.ScaleEmulator;
import io.packcheck.station.scanner.Backoff;
import io.packcheck.station.scanner.SerialSettings;
import io.packcheck.station.scanner.SocatPty;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each protocol through real bytes: JsscScale on one end of a socat pty pair, an emulated scale on the other. */
class JsscScaleTest {

    /** Noise plus the display resolution of the coarsest emulator (0.01 lb = 4.5 g). */
    private static final double SETTLED_WITHIN = 2 + 4.6;

    @TempDir
    Path dir;

    private SocatPty pty;
    private EmulatedScalePort port;
    private JsscScale scale;

    @AfterEach
    void unplugAll() throws InterruptedException {
        if (scale != null) {
            scale.close();
        }
        if (port != null) {
            port.close();
        }
        if (pty != null) {
            pty.close();
        }
    }

    private EmulatedLoad plugIn(ScaleProtocol protocol, double grams) {
        EmulatedLoad load = new EmulatedLoad(grams, 2, Duration.ZERO, 30_000, 7);
        port = EmulatedScalePort.plugIn(dir.resolve("scale"), protocol, load, true);
        scale = new JsscScale(port.stationEnd().toString(), SerialSettings.default9600(), protocol, true,
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(200)));
        await().atMost(Duration.ofSeconds(5)).until(scale::connected);
        return load;
    }

    @ParameterizedTest
    @EnumSource(ScaleProtocol.class)
    void readsASettledWeight(ScaleProtocol protocol) {
        plugIn(protocol, 1234);

        Weighing w = scale.weigh(Duration.ofSeconds(3));

        assertThat(w).isInstanceOfSatisfying(Weighing.Settled.class,
                s -> assertThat(s.grams()).isCloseTo(1234, within(SETTLED_WITHIN)));
    }

    @ParameterizedTest
    @EnumSource(ScaleProtocol.class)
    void waitsThroughTheMotionForTheSettledWeight(ScaleProtocol protocol) {
        EmulatedLoad load = plugIn(protocol, 0);
        load.settleTime(Duration.ofMillis(800));
        load.put(2500);
        long start = System.nanoTime();

        Weighing w = scale.weigh(Duration.ofSeconds(3));

        assertThat(w).isInstanceOfSatisfying(Weighing.Settled.class,
                s -> assertThat(s.grams()).isCloseTo(2500, within(SETTLED_WITHIN)));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(600));
    }

    @ParameterizedTest
    @EnumSource(ScaleProtocol.class)
    void aWeightThatNeverSettlesIsNotSettledWithTheLastReading(ScaleProtocol protocol) {
        EmulatedLoad load = plugIn(protocol, 0);
        load.settleTime(EmulatedLoad.NEVER);
        load.put(3000);

        Weighing w = scale.weigh(Duration.ofMillis(1200));

        assertThat(w).isInstanceOfSatisfying(Weighing.NotSettled.class,
                n -> assertThat(n.lastGrams()).hasValueSatisfying(g -> assertThat(g).isCloseTo(3000, within(3000 * 0.05 + 5))));
    }

    @ParameterizedTest
    @EnumSource(ScaleProtocol.class)
    void anOverloadedScaleIsUnavailableSayingSo(ScaleProtocol protocol) {
        plugIn(protocol, 45_000);

        Weighing w = scale.weigh(Duration.ofMillis(800));

        assertThat(w).isEqualTo(new Weighing.Unavailable("the scale is overloaded: take the weight off"));
    }

    @ParameterizedTest
    @EnumSource(ScaleProtocol.class)
    void anUnpluggedScaleIsUnavailableAndWeighsAgainOncePluggedBackIn(ScaleProtocol protocol) throws Exception {
        plugIn(protocol, 800);
        assertThat(scale.weigh(Duration.ofSeconds(3))).isInstanceOf(Weighing.Settled.class);

        port.unplug();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(scale.weigh(Duration.ofMillis(300)))
                .isInstanceOfSatisfying(Weighing.Unavailable.class, u -> assertThat(u.reason()).startsWith("the scale is not connected")));

        port = EmulatedScalePort.plugIn(dir.resolve("scale"), protocol, new EmulatedLoad(950, 2, Duration.ZERO, 30_000, 8), true);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(scale.weigh(Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(Weighing.Settled.class, s -> assertThat(s.grams()).isCloseTo(950, within(SETTLED_WITHIN))));
    }

    @Test
    void aScaleSwitchedOffBehindAConnectedAdapterDoesNotAnswer() {
        pty = SocatPty.start(dir.resolve("scale"), dir.resolve("far"));
        ScaleEmulator emulator = ScaleEmulator.start(ScaleProtocol.MT_SICS, pty.scannerEnd(), EmulatedLoad.parcelScale(500), false);
        scale = new JsscScale(pty.stationEnd(), SerialSettings.default9600(), ScaleProtocol.MT_SICS, false,
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(200)));
        await().atMost(Duration.ofSeconds(5)).until(scale::connected);
        assertThat(scale.weigh(Duration.ofSeconds(2))).isInstanceOf(Weighing.Settled.class);

        emulator.unplug();

        assertThat(scale.weigh(Duration.ofMillis(700))).isEqualTo(new Weighing.Unavailable(Trouble.NOT_ANSWERING));
    }

    @Test
    void aSilentScaleDoesNotAnswer() {
        pty = SocatPty.start(dir.resolve("scale"), dir.resolve("far"));
        scale = new JsscScale(pty.stationEnd(), SerialSettings.default9600(), ScaleProtocol.NCI, false,
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(200)));
        await().atMost(Duration.ofSeconds(5)).until(scale::connected);

        assertThat(scale.weigh(Duration.ofMillis(700))).isEqualTo(new Weighing.Unavailable(Trouble.NOT_ANSWERING));
    }

    @Test
    void garbageOnTheLineIsUnavailableNeverAnException() throws Exception {
        pty = SocatPty.start(dir.resolve("scale"), dir.resolve("far"));
        scale = new JsscScale(pty.stationEnd(), SerialSettings.default9600(), ScaleProtocol.MT_SICS, false,
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(200)));
        await().atMost(Duration.ofSeconds(5)).until(scale::connected);

        CompletableFuture<Weighing> w = CompletableFuture.supplyAsync(() -> scale.weigh(Duration.ofSeconds(1)));
        pty.send(new byte[] {(byte) 0xFF, 0x00, 'S', ' ', 'S', (byte) 0x81, '\r', '\n', 'S', ' ', 'S', ' ', 'x', ' ', 'g', '\r', '\n'});

        assertThat(w.get()).isEqualTo(new Weighing.Unavailable(Trouble.UNREADABLE));
    }

    @Test
    void aLateAnswerToTheLastWeighingIsNotTakenForTheNextParcel() throws Exception {
        pty = SocatPty.start(dir.resolve("scale"), dir.resolve("far"));
        scale = new JsscScale(pty.stationEnd(), SerialSettings.default9600(), ScaleProtocol.MT_SICS, false,
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(200)));
        await().atMost(Duration.ofSeconds(5)).until(scale::connected);
        try (java.io.InputStream balance = pty.scannerInput()) {
            // the balance is still waiting for the first parcel to settle when the weighing gives up
            assertThat(scale.weigh(Duration.ofMillis(300))).isEqualTo(new Weighing.Unavailable(Trouble.NOT_ANSWERING));
            CompletableFuture<Weighing> next = CompletableFuture.supplyAsync(() -> scale.weigh(Duration.ofSeconds(3)));
            StringBuilder received = new StringBuilder();
            while (!received.toString().endsWith("@\r\nS\r\n")) {
                received.append((char) balance.read());
            }

            pty.send("S S     100.0 g\r\nI4 A \"0123456789\"\r\nS S     200.0 g\r\n");

            assertThat(received.toString()).isEqualTo("S\r\n@\r\nS\r\n");
            assertThat(next.get()).isEqualTo(new Weighing.Settled(200.0));
        }
    }

    @Test
    void aScaleThatIsNotThereIsUnavailableSayingWhy() {
        scale = new JsscScale(dir.resolve("nothing").toString(), SerialSettings.default9600(), ScaleProtocol.MT_SICS, false,
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(200)));

        Weighing w = scale.weigh(Duration.ofMillis(300));

        assertThat(w).isInstanceOfSatisfying(Weighing.Unavailable.class,
                u -> assertThat(u.reason()).isEqualTo("the scale is not connected (no device at " + dir.resolve("nothing")
                        + "): check its cable and power"));
    }
}
