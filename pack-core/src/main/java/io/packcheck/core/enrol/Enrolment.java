package io.packcheck.core.enrol;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a new station needs to join a hub, printed as one QR code so that setting up a station takes one scan.
 *
 * <p>Encoded form: {@code PCK-ENROL:1:<station id>:<code>:<hub URL as base64url, no padding>}. The
 * {@code PCK-} prefix makes the station treat it as a command; the URL is base64url so that its own
 * colons, slashes and query characters never clash with the separators or a scanner's character set.
 *
 * @param hubUrl    where the station reaches the hub: http or https, with a host, no user info, query or fragment
 * @param stationId the id the hub created the station under
 * @param code      the one-time enrolment code the hub exchanges for the station's token
 */
public record Enrolment(URI hubUrl, String stationId, String code) {

    /** Every enrolment scan starts with this. */
    public static final String PREFIX = "PCK-ENROL:";
    public static final int VERSION = 1;
    public static final int MAX_STATION_ID_LENGTH = 64;
    public static final int MIN_CODE_LENGTH = 16;
    public static final int MAX_CODE_LENGTH = 64;
    public static final int MAX_URL_LENGTH = 512;

    private static final Pattern STATION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");
    // a scanner set to send AIM ids prefixes QR data with ]Q0..]Q6
    private static final Pattern AIM_QR = Pattern.compile("^]Q[0-6]");
    private static final int CODE_BYTES = 18;

    public Enrolment {
        problem(hubUrl, stationId, code).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
    }

    /** A new one-time enrolment code: 144 random bits as 24 base64url characters. */
    public static String newCode(SecureRandom random) {
        byte[] bytes = new byte[CODE_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The text to put into the QR code. */
    public String encode() {
        String url = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(hubUrl.toString().getBytes(StandardCharsets.UTF_8));
        return PREFIX + VERSION + ":" + stationId + ":" + code + ":" + url;
    }

    /** Whether a scan (with or without its AIM id) is meant as an enrolment, well-formed or not. */
    public static boolean isEnrolment(String scan) {
        return scan != null && stripAimAndTerminator(scan).startsWith(PREFIX);
    }

    /** Reads a scanned enrolment code; the scan may still carry a QR AIM id ({@code ]Q1}) and a line terminator. */
    public static EnrolmentParse parse(String scan) {
        if (scan == null || scan.isEmpty()) {
            return new EnrolmentParse.Rejected("enrolment scan is empty");
        }
        String data = stripAimAndTerminator(scan);
        if (!data.startsWith(PREFIX)) {
            return new EnrolmentParse.Rejected("not an enrolment code: it does not start with " + PREFIX);
        }
        String[] fields = data.substring(PREFIX.length()).split(":", -1);
        if (fields[0].isEmpty() || !fields[0].chars().allMatch(c -> c >= '0' && c <= '9') || fields[0].length() > 4) {
            return new EnrolmentParse.Rejected("enrolment version '" + fields[0] + "' is not a number");
        }
        int version = Integer.parseInt(fields[0]);
        if (version != VERSION) {
            return new EnrolmentParse.Rejected("enrolment version " + version
                    + " is not supported by this station (it reads version " + VERSION + "); update the station");
        }
        if (fields.length != 4) {
            return new EnrolmentParse.Rejected("enrolment code has " + fields.length
                    + " fields; expected 4 (version, station id, code, hub URL)");
        }
        String stationId = fields[1];
        String code = fields[2];
        String encodedUrl = fields[3];
        if (encodedUrl.isEmpty()) {
            return new EnrolmentParse.Rejected("hub URL is empty");
        }
        if (!BASE64URL.matcher(encodedUrl).matches()) {
            return new EnrolmentParse.Rejected("hub URL is not base64url text");
        }
        String url;
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(encodedUrl);
            url = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return new EnrolmentParse.Rejected("hub URL is not valid base64url of UTF-8 text");
        }
        Optional<String> urlProblem = urlProblem(url);
        if (urlProblem.isPresent()) {
            return new EnrolmentParse.Rejected(urlProblem.get());
        }
        URI hubUrl = URI.create(url);
        return problem(hubUrl, stationId, code)
                .<EnrolmentParse>map(EnrolmentParse.Rejected::new)
                .orElseGet(() -> new EnrolmentParse.Parsed(new Enrolment(hubUrl, stationId, code)));
    }

    private static String stripAimAndTerminator(String scan) {
        String data = AIM_QR.matcher(scan).replaceFirst("");
        int end = data.length();
        while (end > 0 && (data.charAt(end - 1) == '\r' || data.charAt(end - 1) == '\n')) {
            end--;
        }
        return data.substring(0, end);
    }

    private static Optional<String> problem(URI hubUrl, String stationId, String code) {
        if (hubUrl == null) {
            return Optional.of("hub URL is missing");
        }
        Optional<String> urlProblem = urlProblem(hubUrl.toString());
        if (urlProblem.isPresent()) {
            return urlProblem;
        }
        if (stationId == null || stationId.isEmpty()) {
            return Optional.of("station id is empty");
        }
        if (stationId.length() > MAX_STATION_ID_LENGTH) {
            return Optional.of("station id has " + stationId.length() + " characters; at most "
                    + MAX_STATION_ID_LENGTH + " allowed");
        }
        if (!STATION_ID.matcher(stationId).matches()) {
            return Optional.of("station id '" + stationId + "' may only contain letters, digits, '.', '_' and '-',"
                    + " starting with a letter or digit");
        }
        if (code == null || code.isEmpty()) {
            return Optional.of("enrolment code is empty");
        }
        if (code.length() < MIN_CODE_LENGTH || code.length() > MAX_CODE_LENGTH) {
            return Optional.of("enrolment code has " + code.length() + " characters; expected "
                    + MIN_CODE_LENGTH + " to " + MAX_CODE_LENGTH);
        }
        if (!CODE.matcher(code).matches()) {
            return Optional.of("enrolment code may only contain letters, digits, '_' and '-'");
        }
        return Optional.empty();
    }

    private static Optional<String> urlProblem(String url) {
        if (url.isEmpty()) {
            return Optional.of("hub URL is empty");
        }
        if (url.length() > MAX_URL_LENGTH) {
            return Optional.of("hub URL has " + url.length() + " characters; at most " + MAX_URL_LENGTH + " allowed");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("hub URL '" + url + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
            return Optional.of("hub URL '" + url + "' must start with http:// or https://");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("hub URL '" + url + "' has no host name");
        }
        // credentials in a printed code would be readable by anyone holding the sheet
        if (uri.getRawUserInfo() != null) {
            return Optional.of("hub URL must not carry a user name or password");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of("hub URL '" + url + "' must not have a query or fragment");
        }
        return Optional.empty();
    }
}
