package io.packcheck.station.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConfigCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void printsEachEffectiveValueWithItsSourceAndMasksTheToken() throws Exception {
        Path file = Files.writeString(dir.resolve("station.json"),
                "{\"stationId\":\"pack-07\",\"scanner\":\"/dev/ttyACM0\",\"screenPort\":8080}");

        int exit = check(Map.of("PACKCHECK_TOKEN", "t0ken-secret"), "--config", file.toString(),
                "--hub", "https://hub.example", "--screen-port", "8181", "--packer-login-required");

        assertThat(exit).isZero();
        String printed = out.toString();
        assertThat(printed).contains("config file: " + file);
        assertThat(printed.lines()).anyMatch(l -> l.startsWith("stationId") && l.contains("pack-07")
                && l.endsWith("(file " + file + ")"));
        assertThat(printed.lines()).anyMatch(l -> l.startsWith("screenPort") && l.contains("8181")
                && l.endsWith("(flag --screen-port)"));
        assertThat(printed.lines()).anyMatch(l -> l.startsWith("token") && l.contains("********")
                && l.endsWith("(env PACKCHECK_TOKEN)"));
        assertThat(printed.lines()).anyMatch(l -> l.startsWith("packerLoginRequired") && l.contains("true"));
        assertThat(printed.lines()).anyMatch(l -> l.startsWith("data ") && l.endsWith("(default)"));
        assertThat(printed).doesNotContain("t0ken-secret");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void takesTheScaleFlagsAndPrintsTheParcelSettings() {
        int exit = check(Map.of(), "--scale", "/dev/ttyUSB0", "--scale-profile", "mettler-toledo-ps60", "--require-label",
                "--label-pattern", "1Z[0-9A-Z]{16}");

        assertThat(exit).isZero();
        assertThat(out.toString().lines()).anyMatch(l -> l.startsWith("scale ") && l.contains("/dev/ttyUSB0"))
                .anyMatch(l -> l.startsWith("scaleProfile ") && l.contains("mettler-toledo-ps60"))
                .anyMatch(l -> l.startsWith("requireLabel ") && l.contains("true") && l.endsWith("(flag --require-label)"))
                .anyMatch(l -> l.startsWith("scaleSettleTimeoutMillis") && l.contains("3000"))
                .anyMatch(l -> l.startsWith("labelPattern ") && l.contains("1Z[0-9A-Z]{16}"));
    }

    @Test
    void anInvalidLabelPatternExitsOneNamingTheSetting() {
        int exit = check(Map.of(), "--label-pattern", "(JJD");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("setting labelPattern (flag --label-pattern): '(JJD' is not a valid Java regular expression");
    }

    @Test
    void aBadSettingExitsOneNamingIt() {
        int exit = check(Map.of(), "--lights", "disco");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("setting lights (flag --lights): 'disco' is not a lights mode");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void isReachableFromTheStationAgentCommandLine() {
        CommandLine cli = new CommandLine(new io.packcheck.station.StationMain());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("config", "check", "--screen-port", "-1");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("setting screenPort (flag --screen-port): -1 is out of range 0-65535");
    }

    private int check(Map<String, String> env, String... args) {
        ConfigCommand.Check check = new ConfigCommand.Check();
        check.env = env;
        check.defaultConfigFile = dir.resolve("absent.json");
        CommandLine cli = new CommandLine(check);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
