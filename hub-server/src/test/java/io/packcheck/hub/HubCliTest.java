package io.packcheck.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.enrol.Enrolment;
import io.packcheck.core.enrol.EnrolmentParse;
import io.packcheck.hub.auth.Secrets;
import io.packcheck.hub.enrol.StationEnrolment;
import io.packcheck.hub.storage.Storage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HubCliTest {

    @TempDir
    Path dataDir;

    record Run(int exitCode, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new HubMain());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void printsEachNewSecretAloneOnTheLastLineAndStoresOnlyItsHash() {
        Run key = run("apikey", "create", "--name", "wms", "--data", dataDir.toString());
        Run station = run("station", "create", "ST-1", "--data", dataDir.toString());
        Run user = run("user", "create", "ann", "--role", "supervisor", "--data", dataDir.toString());

        assertThat(key.exitCode()).isZero();
        assertThat(key.lastLine()).matches("pck_[A-Za-z0-9_-]{43}");
        assertThat(station.lastLine()).startsWith("pcs_");
        assertThat(user.lastLine()).startsWith("pcu_");
        try (Storage storage = Storage.sqlite(dataDir, Clock.systemUTC())) {
            assertThat(storage.credentials().findActive(Secrets.hash(station.lastLine())).orElseThrow().name()).isEqualTo("ST-1");
            assertThat(storage.credentials().findActive(Secrets.hash(user.lastLine())).orElseThrow().role()).contains("supervisor");
        }
    }

    @Test
    void refusesASecondActiveStationWithTheSameIdUntilTheFirstIsRevoked() {
        run("station", "create", "ST-1", "--data", dataDir.toString());

        Run twice = run("station", "create", "ST-1", "--data", dataDir.toString());
        Run revoke = run("station", "revoke", "ST-1", "--data", dataDir.toString());
        Run again = run("station", "create", "ST-1", "--data", dataDir.toString());
        Run list = run("station", "list", "--data", dataDir.toString());

        assertThat(twice.exitCode()).isEqualTo(1);
        assertThat(twice.err()).contains("already exists");
        assertThat(revoke.exitCode()).isZero();
        assertThat(again.exitCode()).isZero();
        assertThat(list.out()).contains("revoked").contains("active");
    }

    @Test
    void enrolPrintsTheEnrolmentTextAloneOnTheLastLineAndStoresOnlyTheCodesHash() {
        Run enrol = run("station", "enrol", "ST-9", "--hub-url", "https://hub.example", "--valid", "2h",
                "--data", dataDir.toString());
        Run list = run("station", "list", "--data", dataDir.toString());

        assertThat(enrol.exitCode()).isZero();
        var parse = Enrolment.parse(enrol.lastLine());
        assertThat(parse).isInstanceOf(EnrolmentParse.Parsed.class);
        Enrolment enrolment = ((EnrolmentParse.Parsed) parse).enrolment();
        assertThat(enrolment.stationId()).isEqualTo("ST-9");
        assertThat(enrolment.hubUrl()).hasToString("https://hub.example");
        assertThat(enrol.out().strip().split("\n")).hasSize(2);
        assertThat(enrol.out().lines().findFirst().orElseThrow()).doesNotContain(enrolment.code());
        assertThat(list.out()).contains("ST-9");
        try (Storage storage = Storage.sqlite(dataDir, Clock.systemUTC())) {
            var exchange = new StationEnrolment(storage.enrolments(), Clock.systemUTC(), new SecureRandom())
                    .exchange("ST-9", enrolment.code());
            assertThat(exchange).isInstanceOf(StationEnrolment.Exchange.Token.class);
        }
    }

    @Test
    void enrolRefusesABadValidityNamingTheOption() {
        Run run = run("station", "enrol", "ST-9", "--valid", "90d", "--data", dataDir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--valid").contains("1m to 30d");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void refusesAnUnknownRole() {
        Run run = run("user", "create", "ann", "--role", "boss", "--data", dataDir.toString());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("--role");
    }
}
