package io.packcheck.station.screen;

import io.packcheck.station.config.Secret;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who may see the packer screen and who may type on it. Any request must name the screen in its Host (a
 * page on a foreign name that resolves here, DNS rebinding, gets nothing) and, when it sends an Origin,
 * come from the screen's own page. A typed code also needs proof that the screen's own page sent it: an
 * Origin, a JSON body (a plain cross-site form cannot send one) and this start's token, which only a
 * same-origin script can read. A screen on another computer only shows, unless it presents the secret.
 */
public final class ScreenGuard {

    /** The header carrying this start's token. */
    public static final String TOKEN_HEADER = "X-PackCheck-Token";
    /** The cookie a remote screen holds once the secret was entered there. */
    public static final String SECRET_COOKIE = "packcheck-screen";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final Set<String> names;
    private final Set<InetAddress> addresses;
    private final Optional<Secret> secret;
    private final Optional<String> secretCookie;
    private final Predicate<InetAddress> atStation;
    private final String token;

    /**
     * @param atStation whether a client address is the station itself; loopback in production
     */
    ScreenGuard(ScreenAccess access, Predicate<InetAddress> atStation, SecureRandom random) {
        InetAddress bind = address(access.bind());
        Set<String> names = new LinkedHashSet<>(List.of("localhost"));
        Set<InetAddress> addresses = new LinkedHashSet<>(List.of(address("127.0.0.1"), address("::1")));
        if (bind.isAnyLocalAddress()) {
            addresses.addAll(interfaceAddresses());
            names.addAll(machineNames());
        } else {
            addresses.add(bind);
            if (!isLiteral(access.bind())) {
                names.add(access.bind().toLowerCase(Locale.ROOT));
            }
        }
        for (String name : access.hostNames()) {
            if (isLiteral(name)) {
                literal(name).ifPresent(addresses::add);
            } else {
                names.add(name.toLowerCase(Locale.ROOT));
            }
        }
        this.names = Collections.unmodifiableSet(names);
        this.addresses = Collections.unmodifiableSet(addresses);
        this.secret = access.secret();
        this.secretCookie = access.secret().map(ScreenGuard::cookieValue);
        this.atStation = atStation;
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        this.token = BASE64.encodeToString(bytes);
    }

    /** What the guard needs of a request; headers as sent, absent when not sent. */
    record Request(Optional<String> host, Optional<String> origin, Optional<String> contentType,
                   Optional<String> token, Optional<String> secretCookie, InetAddress client) {}

    /** Why a request is turned away, in words for the page, with the HTTP status. */
    record Refusal(int status, String message) {}

    /** The page's per-start token, handed to the screen's own page by {@code GET /api/session}. */
    String token() {
        return token;
    }

    /** Whether a secret is set, so a remote screen can be asked for it. */
    boolean asksForSecret() {
        return secret.isPresent();
    }

    /** Any request: refused when its Host is not a name of this screen or its Origin is another page's. */
    Optional<Refusal> reach(Request r) {
        if (r.host().isEmpty() || r.host().get().isBlank()) {
            return refuse(400, "Host: missing");
        }
        String host = r.host().get().trim();
        if (!knownHost(host)) {
            return refuse(403, "Host: '" + host + "' is not a name of this packer screen; open it by the station's"
                    + " address or a name set in screenHosts");
        }
        if (r.origin().isPresent() && !r.origin().get().equalsIgnoreCase("http://" + host)) {
            return refuse(403, "Origin: '" + r.origin().get() + "' is not this packer screen's page");
        }
        return Optional.empty();
    }

    /**
     * A request that would act for the packer (a code, the secret): it must come from the screen's own page,
     * so a page elsewhere cannot make a visitor's browser send it.
     */
    Optional<Refusal> sameOrigin(Request r) {
        Optional<Refusal> reach = reach(r);
        if (reach.isPresent()) {
            return reach;
        }
        if (r.origin().isEmpty()) {
            return refuse(403, "Origin: missing; codes are taken only from the packer screen's own page");
        }
        if (r.contentType().map(ScreenGuard::mediaType).filter("application/json"::equals).isEmpty()) {
            return refuse(415, "Content-Type: must be application/json");
        }
        if (r.token().filter(t -> equal(t, token)).isEmpty()) {
            return refuse(403, TOKEN_HEADER + ": missing or not this start's token; reload the page");
        }
        return Optional.empty();
    }

    /** Who is typing: the station itself, or a remote screen holding the secret; anyone else only watches. */
    Optional<TypedFrom> typist(Request r) {
        if (atStation.test(r.client())) {
            return Optional.of(TypedFrom.LOOPBACK_SCREEN);
        }
        boolean holdsSecret = secretCookie.isPresent() && r.secretCookie().filter(c -> equal(c, secretCookie.get())).isPresent();
        return holdsSecret ? Optional.of(TypedFrom.REMOTE_SCREEN) : Optional.empty();
    }

    /** Why a screen may not type, for the page and the refusal. */
    String readOnlyReason(InetAddress client) {
        String where = "this screen is on another computer (" + client.getHostAddress() + ")";
        return secret.isPresent()
                ? "read-only: " + where + "; enter the screen secret to type codes"
                : "read-only: " + where + "; codes are typed at the station (no screenSecret is set there)";
    }

    /** Whether the text is the screen secret. */
    boolean isSecret(String text) {
        return secret.filter(s -> equal(text, s.value())).isPresent();
    }

    /** The value of {@link #SECRET_COOKIE} for a screen that entered the secret; never the secret itself. */
    Optional<String> secretCookie() {
        return secretCookie;
    }

    private boolean knownHost(String hostHeader) {
        String host = hostPart(hostHeader).toLowerCase(Locale.ROOT);
        if (isLiteral(host)) {
            return literal(host).filter(addresses::contains).isPresent();
        }
        return names.contains(host);
    }

    private static String hostPart(String hostHeader) {
        if (hostHeader.startsWith("[")) {
            int end = hostHeader.indexOf(']');
            return end < 0 ? hostHeader : hostHeader.substring(0, end + 1);
        }
        int colon = hostHeader.lastIndexOf(':');
        return colon < 0 ? hostHeader : hostHeader.substring(0, colon);
    }

    /** An IP literal, parsed without a name lookup: a Host header never makes the station ask DNS. */
    private static boolean isLiteral(String host) {
        return IPV4.matcher(host).matches() || host.startsWith("[") && host.endsWith("]") || host.indexOf(':') >= 0;
    }

    /** An IPv4 or bracketed IPv6 literal; anything else is empty rather than looked up as a name. */
    private static Optional<InetAddress> literal(String host) {
        boolean v4 = IPV4.matcher(host).matches()
                && java.util.Arrays.stream(host.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
        boolean v6 = host.startsWith("[") && host.endsWith("]");
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            // bracketed, Java parses an IPv6 literal or fails; it never asks DNS
            return Optional.of(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** The bind address, or a fixed loopback literal; both checked by the configuration already. */
    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(unbracket(text));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("screenBind: '" + text + "' is not an address this machine can resolve", e);
        }
    }

    private static Set<InetAddress> interfaceAddresses() {
        Set<InetAddress> all = new LinkedHashSet<>();
        try {
            NetworkInterface.networkInterfaces().forEach(nic -> nic.inetAddresses().forEach(a ->
                    all.add(a instanceof Inet6Address v6 && v6.getScopeId() != 0 ? withoutScope(v6) : a)));
        } catch (SocketException e) {
            // without the list only loopback and the configured names are known
        }
        return all;
    }

    private static InetAddress withoutScope(Inet6Address address) {
        try {
            return InetAddress.getByAddress(address.getAddress());
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private static Set<String> machineNames() {
        Set<String> names = new LinkedHashSet<>();
        try {
            InetAddress local = InetAddress.getLocalHost();
            names.add(local.getHostName().toLowerCase(Locale.ROOT));
            names.add(local.getCanonicalHostName().toLowerCase(Locale.ROOT));
        } catch (UnknownHostException e) {
            // a machine without a resolvable name is reached by address or a configured name
        }
        return names;
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** Stable across restarts, so a remote screen enters the secret once, and it changes with the secret. */
    private static String cookieValue(Secret secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.value().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return BASE64.encodeToString(mac.doFinal("packcheck packer screen".getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static Optional<Refusal> refuse(int status, String message) {
        return Optional.of(new Refusal(status, message));
    }
}
