package io.packcheck.station.screen;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.station.config.Secret;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The screen's rules on plain requests: no server, no traffic; addresses here are only values. */
class ScreenGuardTest {

    private static final String SECRET = "blue-mug-42-tea";

    @Test
    void onlyALoopbackClientIsTheStationItself() throws Exception {
        ScreenGuard guard = guard(new ScreenAccess("0.0.0.0", List.of(), Optional.empty()));

        assertThat(guard.typist(request("localhost:8080", InetAddress.getByName("127.0.0.1")))).contains(TypedFrom.LOOPBACK_SCREEN);
        assertThat(guard.typist(request("localhost:8080", InetAddress.getByName("::1")))).contains(TypedFrom.LOOPBACK_SCREEN);
        assertThat(guard.typist(request("localhost:8080", InetAddress.getByName("192.0.2.9")))).isEmpty();
        assertThat(guard.readOnlyReason(InetAddress.getByName("192.0.2.9")))
                .isEqualTo("read-only: this screen is on another computer (192.0.2.9); codes are typed at the station"
                        + " (no screenSecret is set there)");
    }

    @Test
    void aRemoteScreenTypesOnlyWithTheCookieTheSecretGave() throws Exception {
        ScreenGuard guard = guard(new ScreenAccess("0.0.0.0", List.of(), Optional.of(new Secret(SECRET))));
        InetAddress tablet = InetAddress.getByName("192.0.2.9");
        String cookie = guard.secretCookie().orElseThrow();

        assertThat(guard.typist(withCookie(tablet, cookie))).contains(TypedFrom.REMOTE_SCREEN);
        assertThat(guard.typist(withCookie(tablet, SECRET))).isEmpty();
        assertThat(guard.typist(withCookie(tablet, cookie.substring(1)))).isEmpty();
        assertThat(cookie).doesNotContain(SECRET);
        assertThat(guard(new ScreenAccess("0.0.0.0", List.of(), Optional.of(new Secret(SECRET)))).secretCookie())
                .as("the same secret gives the same cookie after a restart").contains(cookie);
        assertThat(guard.isSecret(SECRET)).isTrue();
        assertThat(guard.isSecret(SECRET + " ")).isFalse();
    }

    @Test
    void onEveryInterfaceItAnswersToTheMachinesAddressesAndNameButNoOtherName() throws Exception {
        ScreenGuard guard = guard(new ScreenAccess("0.0.0.0", List.of(), Optional.empty()));
        List<String> addresses = NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                .map(a -> a.getHostAddress().replaceAll("%.*", ""))
                .map(a -> a.contains(":") ? "[" + a + "]" : a)
                .collect(Collectors.toList());
        String name = InetAddress.getLocalHost().getHostName();

        assertThat(addresses).allSatisfy(a -> assertThat(guard.reach(request(a + ":8080", local()))).as(a).isEmpty());
        assertThat(guard.reach(request(name + ":8080", local()))).isEmpty();
        assertThat(guard.reach(request("rebind.example:8080", local()))).isPresent();
        assertThat(guard.reach(request("999.1.1.1:8080", local()))).isPresent();
    }

    @Test
    void boundToOneAddressItAnswersToThatAddressLoopbackAndTheNamesGiven() throws Exception {
        ScreenGuard guard = guard(new ScreenAccess("127.0.0.2", List.of("pack-07.warehouse.example", "[fd00::7]"),
                Optional.empty()));

        for (String host : List.of("127.0.0.2:8080", "localhost:8080", "[::1]:8080", "[0:0:0:0:0:0:0:1]:8080",
                "PACK-07.warehouse.example:8080", "[fd00:0::7]:8080", "127.0.0.2")) {
            assertThat(guard.reach(request(host, local()))).as(host).isEmpty();
        }
        for (String host : List.of("10.9.9.9:8080", "pack-08.warehouse.example:8080", "[fd00::8]:8080", "")) {
            assertThat(guard.reach(request(host, local()))).as(host).isPresent();
        }
    }

    @Test
    void anOriginMustBeTheScreensOwnAndATypedCodeMustCarryOne() throws Exception {
        ScreenGuard guard = guard(ScreenAccess.loopback());
        String token = guard.token();

        assertThat(guard.sameOrigin(post("[::1]:8080", Optional.of("http://[::1]:8080"), token))).isEmpty();
        assertThat(guard.sameOrigin(post("localhost:8080", Optional.of("http://localhost:8080"), token))).isEmpty();
        assertThat(guard.sameOrigin(post("localhost:8080", Optional.of("http://localhost:8081"), token)))
                .map(ScreenGuard.Refusal::status).contains(403);
        assertThat(guard.sameOrigin(post("localhost:8080", Optional.of("https://localhost:8080"), token))).isPresent();
        assertThat(guard.sameOrigin(post("localhost:8080", Optional.of("null"), token))).isPresent();
        assertThat(guard.sameOrigin(post("localhost:8080", Optional.empty(), token))).isPresent();
        assertThat(guard(ScreenAccess.loopback()).token()).as("a new start, a new token").isNotEqualTo(token);
    }

    private static ScreenGuard guard(ScreenAccess access) {
        return new ScreenGuard(access, InetAddress::isLoopbackAddress, new SecureRandom());
    }

    private static InetAddress local() throws Exception {
        return InetAddress.getByName("127.0.0.1");
    }

    private static ScreenGuard.Request request(String host, InetAddress client) {
        return new ScreenGuard.Request(Optional.of(host), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), client);
    }

    private static ScreenGuard.Request withCookie(InetAddress client, String cookie) {
        return new ScreenGuard.Request(Optional.of("localhost:8080"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(cookie), client);
    }

    private static ScreenGuard.Request post(String host, Optional<String> origin, String token) throws Exception {
        return new ScreenGuard.Request(Optional.of(host), origin, Optional.of("application/json; charset=utf-8"),
                Optional.of(token), Optional.empty(), local());
    }
}
