package io.packcheck.station.enrol;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.enrol.Enrolment;
import io.packcheck.station.hub.InProcessHub;
import io.packcheck.station.store.MutableClock;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkHttpEnrollerTest {

    private static final String CODE = "AAAAAAAAAAAAAAAAAAAAAAAA";

    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));

    @AfterEach
    void closeVertx() {
        InProcessHub.await(vertx.close());
    }

    @Test
    void aHubAnswering429IsNotAskedAgainBeforeItsRetryAfter() {
        AtomicInteger requests = new AtomicInteger();
        HttpServer hub = InProcessHub.await(vertx.createHttpServer().requestHandler(request -> {
            requests.incrementAndGet();
            request.response().setStatusCode(429).putHeader("Retry-After", "30")
                    .putHeader("Content-Type", "application/json")
                    .end("{\"error\":{\"code\":\"too_many_attempts\",\"field\":\"\",\"message\":\"too many enrolment attempts\"}}");
        }).listen(0, "localhost"));
        Enrolment enrolment = new Enrolment(URI.create("http://localhost:" + hub.actualPort()), "pack-07", CODE);
        JdkHttpEnroller enroller = new JdkHttpEnroller(Duration.ofSeconds(5), clock);

        HubEnroller.Exchange first = enroller.exchange(enrolment);
        clock.advance(Duration.ofSeconds(20));
        HubEnroller.Exchange meanwhile = enroller.exchange(enrolment);
        int requestsWithinTheWait = requests.get();
        clock.advance(Duration.ofSeconds(10));
        enroller.exchange(enrolment);

        assertThat(first).isInstanceOfSatisfying(HubEnroller.Exchange.Failed.class, f -> assertThat(f.reason())
                .contains("for 30 s").contains("too many enrolment attempts").contains("not used up"));
        assertThat(meanwhile).isInstanceOfSatisfying(HubEnroller.Exchange.Failed.class, f -> assertThat(f.reason())
                .contains("another 10 s").contains("not used up"));
        assertThat(requestsWithinTheWait).as("the scan within the wait is answered by the station").isEqualTo(1);
        assertThat(requests.get()).as("after the wait the hub is asked again").isEqualTo(2);
    }

    @Test
    void theRealHubsAttemptLimitIsReadFromItsRetryAfter() {
        try (InProcessHub hub = new InProcessHub(vertx, dir.resolve("hub"))) {
            hub.enrolment("pack-07");
            Enrolment wrong = new Enrolment(hub.uri(), "pack-07", CODE);
            JdkHttpEnroller enroller = new JdkHttpEnroller(Duration.ofSeconds(5), clock);
            HubEnroller.Exchange answer = null;
            for (int attempt = 0; attempt < 11; attempt++) {
                answer = enroller.exchange(wrong);
            }

            HubEnroller.Exchange next = enroller.exchange(wrong);

            assertThat(answer).isInstanceOfSatisfying(HubEnroller.Exchange.Failed.class,
                    f -> assertThat(f.reason()).containsPattern("no more enrolment attempts from this network for [1-6] s"));
            assertThat(next).isInstanceOfSatisfying(HubEnroller.Exchange.Failed.class,
                    f -> assertThat(f.reason()).containsPattern("for another [1-6] s"));
        }
    }
}
