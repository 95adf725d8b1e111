package io.packcheck.hub.enrol;

import io.packcheck.core.enrol.Enrolment;
import io.packcheck.hub.auth.CredentialKind;
import io.packcheck.hub.auth.Secrets;
import io.packcheck.hub.storage.EnrolmentRepository;
import io.packcheck.hub.storage.EnrolmentRepository.Redemption;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issues one-time enrolment codes and exchanges them for station tokens. Only hashes are stored; the
 * code lives on the printed sheet, the token on the station.
 */
public final class StationEnrolment {

    public static final Duration DEFAULT_VALIDITY = Duration.ofHours(24);
    public static final Duration MAX_VALIDITY = Duration.ofDays(30);
    public static final Duration MIN_VALIDITY = Duration.ofMinutes(1);
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,6})([smhd])");

    private final EnrolmentRepository codes;
    private final Clock clock;
    private final SecureRandom random;

    public StationEnrolment(EnrolmentRepository codes, Clock clock, SecureRandom random) {
        this.codes = codes;
        this.clock = clock;
        this.random = random;
    }

    /** A fresh code for the station; its earlier unused codes stop working. */
    public Issued issue(String stationId, URI hubUrl, Duration validFor) {
        if (validFor.compareTo(MIN_VALIDITY) < 0 || validFor.compareTo(MAX_VALIDITY) > 0) {
            throw new IllegalArgumentException("valid: " + describe(validFor) + " is out of range; give 1m to 30d");
        }
        String code = Enrolment.newCode(random);
        // checks the station id, URL and code before anything is stored
        Enrolment enrolment = new Enrolment(hubUrl, stationId, code);
        Instant expiresAt = clock.instant().plus(validFor);
        boolean created = codes.issue(stationId, Secrets.hash(code), expiresAt,
                Secrets.hash(Secrets.generate(CredentialKind.STATION)));
        return new Issued(enrolment, expiresAt, created);
    }

    /** Exchanges a code for a new station token; the token is in the answer and nowhere else. */
    public Exchange exchange(String stationId, String code) {
        String token = Secrets.generate(CredentialKind.STATION);
        Redemption redemption = codes.redeem(stationId, Secrets.hash(code), Secrets.hash(token));
        if (redemption instanceof Redemption.Refused refused) {
            return new Exchange.Refused(refused.reason(), refused.message());
        }
        return new Exchange.Token(stationId, token);
    }

    /**
     * Reads a validity such as {@code 24h}, {@code 30m}, {@code 7d}, {@code 90s} or ISO-8601 {@code PT24H}.
     *
     * @throws IllegalArgumentException naming the field {@code valid} and the problem
     */
    public static Duration parseValidity(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SHORT_DURATION.matcher(t);
        Duration d;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                d = Duration.parse(text.trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("valid: '" + text + "' is not a duration; use e.g. 24h, 30m, 7d or PT24H");
            }
        }
        if (d.compareTo(MIN_VALIDITY) < 0 || d.compareTo(MAX_VALIDITY) > 0) {
            throw new IllegalArgumentException("valid: " + text + " is out of range; give 1m to 30d");
        }
        return d;
    }

    private static String describe(Duration d) {
        return d.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    /**
     * A code issued.
     *
     * @param stationCreated whether the station was registered by this call
     */
    public record Issued(Enrolment enrolment, Instant expiresAt, boolean stationCreated) {}

    /** The result of exchanging a code. */
    public sealed interface Exchange {

        record Token(String stationId, String token) implements Exchange {}

        record Refused(EnrolmentRepository.Reason reason, String message) implements Exchange {}
    }
}
