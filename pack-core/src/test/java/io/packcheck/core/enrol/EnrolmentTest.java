package io.packcheck.core.enrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EnrolmentTest {

    private static final String CODE = "q8Zr2Lx0_vN-4tYbWc1mKe7a";
    private static final Enrolment ENROLMENT =
            new Enrolment(URI.create("https://hub.example.com:8443/packcheck"), "PACK-07", CODE);

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String rejection(String scan) {
        var result = Enrolment.parse(scan);
        assertThat(result).isInstanceOf(EnrolmentParse.Rejected.class);
        return ((EnrolmentParse.Rejected) result).reason();
    }

    @Test
    void encodesAsACommandWithVersionStationCodeAndBase64UrlHub() {
        var text = ENROLMENT.encode();

        assertThat(text).isEqualTo("PCK-ENROL:1:PACK-07:" + CODE + ":" + b64("https://hub.example.com:8443/packcheck"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://10.0.0.5:8080",
        "https://hub.example.com",
        "https://hub.example.com/",
        "https://hub.example.com:8443/a/b-c/d_e",
        "http://[fe80::1]:8080/",
    })
    void roundTripsEveryKindOfHubUrl(String url) {
        var enrolment = new Enrolment(URI.create(url), "st.1_a-b", CODE);

        var result = Enrolment.parse(enrolment.encode());

        assertThat(result).isEqualTo(new EnrolmentParse.Parsed(enrolment));
    }

    @ParameterizedTest
    @ValueSource(strings = {"]Q1", "]Q0", "]Q3"})
    void acceptsTheScanWithTheQrAimIdStillInFront(String aim) {
        var result = Enrolment.parse(aim + ENROLMENT.encode());

        assertThat(result).isEqualTo(new EnrolmentParse.Parsed(ENROLMENT));
    }

    @Test
    void acceptsATrailingLineTerminatorFromTheScanner() {
        var result = Enrolment.parse(ENROLMENT.encode() + "\r\n");

        assertThat(result).isEqualTo(new EnrolmentParse.Parsed(ENROLMENT));
    }

    @Test
    void recognisesAnEnrolmentScanEvenWhenItIsMalformed() {
        var yes = Enrolment.isEnrolment("]Q1PCK-ENROL:9:garbage");
        var no = Enrolment.isEnrolment("PCK-CLEAR");

        assertThat(yes).isTrue();
        assertThat(no).isFalse();
    }

    @Test
    void newCodesAreValidAndDifferent() {
        var random = new SecureRandom();

        var first = Enrolment.newCode(random);
        var second = Enrolment.newCode(random);

        assertThat(first).hasSize(24).isNotEqualTo(second);
        assertThat(new Enrolment(URI.create("http://hub"), "S1", first).code()).isEqualTo(first);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
        "''                                   | enrolment scan is empty",
        "PCK-CLEAR                            | not an enrolment code: it does not start with PCK-ENROL:",
        "pck-enrol:1:S1:x:y                   | not an enrolment code: it does not start with PCK-ENROL:",
        "PCK-ENROL:                           | enrolment version '' is not a number",
        "PCK-ENROL:v1:S1:c:u                  | enrolment version 'v1' is not a number",
        "PCK-ENROL:2:S1:c:u                   | enrolment version 2 is not supported by this station (it reads version 1); update the station",
        "PCK-ENROL:1:S1:q8Zr2Lx0_vN-4tYbWc1mKe7a                         | enrolment code has 3 fields; expected 4 (version, station id, code, hub URL)",
        "PCK-ENROL:1:S1:q8Zr2Lx0_vN-4tYbWc1mKe7a:aHR0cDovL2h1Yg:extra    | enrolment code has 5 fields; expected 4 (version, station id, code, hub URL)",
        "PCK-ENROL:1:S1:q8Zr2Lx0_vN-4tYbWc1mKe7a:                        | hub URL is empty",
        "PCK-ENROL:1:S1:q8Zr2Lx0_vN-4tYbWc1mKe7a:aHR0cDovL2h1Yg==        | hub URL is not base64url text",
        "PCK-ENROL:1:S1:q8Zr2Lx0_vN-4tYbWc1mKe7a:a                       | hub URL is not valid base64url of UTF-8 text",
        "PCK-ENROL:1:S1:q8Zr2Lx0_vN-4tYbWc1mKe7a:_w                      | hub URL is not valid base64url of UTF-8 text",
        "PCK-ENROL:1::q8Zr2Lx0_vN-4tYbWc1mKe7a:aHR0cDovL2h1Yg            | station id is empty",
        "PCK-ENROL:1:-S1:q8Zr2Lx0_vN-4tYbWc1mKe7a:aHR0cDovL2h1Yg         | station id '-S1' may only contain letters, digits, '.', '_' and '-', starting with a letter or digit",
        "PCK-ENROL:1:S 1:q8Zr2Lx0_vN-4tYbWc1mKe7a:aHR0cDovL2h1Yg         | station id 'S 1' may only contain letters, digits, '.', '_' and '-', starting with a letter or digit",
        "PCK-ENROL:1:S1::aHR0cDovL2h1Yg                                  | enrolment code is empty",
        "PCK-ENROL:1:S1:short:aHR0cDovL2h1Yg                             | enrolment code has 5 characters; expected 16 to 64",
        "PCK-ENROL:1:S1:q8Zr2Lx0+vN/4tYbWc1mKe7a:aHR0cDovL2h1Yg          | enrolment code may only contain letters, digits, '_' and '-'",
    })
    void rejectsAMalformedScanNamingTheFieldAndProblem(String scan, String reason) {
        assertThat(rejection(scan)).isEqualTo(reason);
    }

    @Test
    void rejectsAStationIdThatIsTooLong() {
        var scan = "PCK-ENROL:1:" + "s".repeat(65) + ":" + CODE + ":" + b64("http://hub");

        assertThat(rejection(scan)).isEqualTo("station id has 65 characters; at most 64 allowed");
    }

    @Test
    void rejectsACodeThatIsTooLong() {
        var scan = "PCK-ENROL:1:S1:" + "c".repeat(65) + ":" + b64("http://hub");

        assertThat(rejection(scan)).isEqualTo("enrolment code has 65 characters; expected 16 to 64");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ftp://hub.example.com            | hub URL 'ftp://hub.example.com' must start with http:// or https://",
        "hub.example.com                  | hub URL 'hub.example.com' must start with http:// or https://",
        "https:///path                    | hub URL 'https:///path' has no host name",
        "https://user:pw@hub.example.com  | hub URL must not carry a user name or password",
        "https://hub.example.com/?a=1     | hub URL 'https://hub.example.com/?a=1' must not have a query or fragment",
        "https://hub.example.com/#top     | hub URL 'https://hub.example.com/#top' must not have a query or fragment",
        "https://hub example.com          | hub URL 'https://hub example.com' is not a URL: Illegal character in authority",
    })
    void rejectsAHubUrlAStationCannotUse(String url, String reason) {
        var scan = "PCK-ENROL:1:S1:" + CODE + ":" + b64(url);

        assertThat(rejection(scan)).isEqualTo(reason);
    }

    @Test
    void rejectsAHubUrlThatIsTooLong() {
        var scan = "PCK-ENROL:1:S1:" + CODE + ":" + b64("https://hub.example.com/" + "p".repeat(500));

        assertThat(rejection(scan)).isEqualTo("hub URL has 524 characters; at most 512 allowed");
    }

    @Test
    void refusesToBuildAnEnrolmentThatCouldNotBeScannedBack() {
        assertThatThrownBy(() -> new Enrolment(URI.create("http://hub"), "S:1", CODE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("station id 'S:1'");
        assertThatThrownBy(() -> new Enrolment(null, "S1", CODE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hub URL is missing");
        assertThatThrownBy(() -> new Enrolment(URI.create("http://hub"), "S1", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("enrolment code is empty");
    }
}
