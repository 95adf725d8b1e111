package io.packcheck.station.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packcheck.core.verify.Verdict;
import io.packcheck.station.config.Secret;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The screen's HTTP side over real HTTP on a free port: what it serves, and to whom it listens. */
class PackerScreenHttpTest {

    private static final String SECRET = "blue-mug-42-tea";
    private static final Predicate<InetAddress> NOBODY_AT_THE_STATION = client -> false;

    private final BlockingQueue<String> codes = new LinkedBlockingQueue<>();
    private final BlockingQueue<TypedFrom> sources = new LinkedBlockingQueue<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<PackerScreen> started = new ArrayList<>();
    private Vertx vertx;
    private PackerScreen screen;
    private int port;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        screen = new PackerScreen(vertx, ScreenAccess.loopback(), this::typed, "pack-07");
        port = start(screen);
    }

    @AfterEach
    void stop() throws Exception {
        for (PackerScreen s : started) {
            s.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void refusesAnEmptyOrMissingCodeNamingTheField() throws Exception {
        HttpResponse<String> empty = post("{\"code\":\"   \"}");
        HttpResponse<String> missing = post("{\"kode\":\"123\"}");
        HttpResponse<String> notJson = post("123");

        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(empty.body()).getString("error")).isEqualTo("code: is empty");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(missing.body()).getString("error")).startsWith("code: is missing");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(codes.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void acceptsACodeFromTheScreensOwnPageAndHandsItOnTrimmedAsTypedAtTheStation() throws Exception {
        HttpResponse<String> response = post("{\"code\":\" ]E04006381333931\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(codes.poll(5, TimeUnit.SECONDS)).isEqualTo("]E04006381333931");
        assertThat(sources.poll(5, TimeUnit.SECONDS)).isEqualTo(TypedFrom.LOOPBACK_SCREEN);
    }

    @Test
    void servesTheLatestViewAsJson() throws Exception {
        screen.show(new ScreenView("pack-07", Optional.of(new ScreenView.OpenOrder("SO-9",
                List.of(new ScreenView.Line("A", "", 4, 2)))),
                Optional.of(new ScreenView.LastVerdict(Verdict.OVER_QUANTITY, "only 2 ordered")),
                Optional.of("scan CLEAR"), Optional.empty(), ScreenView.HubLink.CONNECTED,
                Optional.of(Duration.ofHours(3).plusMinutes(5)), 1200));

        JsonObject view = new JsonObject(get("/api/view").body());

        assertThat(view.getJsonObject("verdict").getString("headline")).isEqualTo("Too many");
        assertThat(view.getJsonObject("verdict").getString("tone")).isEqualTo("bad");
        assertThat(view.getJsonObject("order").getJsonArray("lines").getJsonObject(0).getString("state")).isEqualTo("over");
        assertThat(view.getJsonObject("order").getJsonArray("lines").getJsonObject(0).getString("name")).isEqualTo("A");
        assertThat(view.getString("cacheAge")).isEqualTo("3 h 5 min");
        assertThat(view.getLong("eventsWaiting")).isEqualTo(1200);
    }

    @Test
    void servesThePageNeverInsideAnotherSitesFrame() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<input id=\"code\"");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("Content-Security-Policy")).contains("frame-ancestors 'none'");
    }

    @Test
    void listensOnLoopbackOnlyByDefault() throws Exception {
        // 127.0.0.2 is this machine too, but not the address bound: a screen on every interface would answer there
        assertThat(connects("127.0.0.1", port)).isTrue();
        assertThatThrownBy(() -> connects("127.0.0.2", port)).isInstanceOf(ConnectException.class);
    }

    @Test
    void listensOnTheBindAddressGivenAndAnswersToIt() throws Exception {
        int other = start(new PackerScreen(vertx, new ScreenAccess("127.0.0.2", List.of(), Optional.empty()),
                this::typed, "pack-07"));

        assertThatThrownBy(() -> connects("127.0.0.1", other)).isInstanceOf(ConnectException.class);
        assertThat(connects("127.0.0.2", other)).isTrue();
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.2:" + other + "/api/view")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesEveryRequestNamingAForeignHostAsADnsRebindingPageWould() throws Exception {
        RawHttp.Response session = RawHttp.send(port, "GET", "/api/session", Map.of("Host", "rebind.example:" + port), "");
        RawHttp.Response page = RawHttp.send(port, "GET", "/", Map.of("Host", "rebind.example:" + port), "");
        RawHttp.Response code = RawHttp.send(port, "POST", "/api/codes", Map.of("Host", "rebind.example:" + port,
                "Origin", "http://rebind.example:" + port, "Content-Type", "application/json",
                ScreenGuard.TOKEN_HEADER, token()), "{\"code\":\"SO-1234\"}");

        assertThat(session.status()).isEqualTo(403);
        assertThat(session.json().getString("error")).startsWith("Host: 'rebind.example:" + port + "' is not a name of this packer screen");
        assertThat(session.body()).doesNotContain(token());
        assertThat(page.status()).isEqualTo(403);
        assertThat(code.status()).isEqualTo(403);
        assertThat(codes.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void answersToLoopbackNamesTheBindAddressAndTheNamesConfigured() throws Exception {
        int named = start(new PackerScreen(vertx, new ScreenAccess("127.0.0.1", List.of("pack-07.warehouse.example"),
                Optional.empty()), this::typed, "pack-07"));

        for (String host : List.of("localhost", "LOCALHOST", "127.0.0.1", "[::1]", "pack-07.warehouse.example")) {
            assertThat(RawHttp.send(named, "GET", "/api/view", Map.of("Host", host + ":" + named), "").status())
                    .as(host).isEqualTo(200);
        }
        assertThat(RawHttp.send(named, "GET", "/api/view", Map.of("Host", "pack-08.warehouse.example:" + named), "")
                .status()).isEqualTo(403);
        assertThat(RawHttp.send(named, "GET", "/api/view", Map.of(), "").status()).isEqualTo(400);
    }

    @Test
    void refusesACodeFromAnotherOriginOrWithoutOne() throws Exception {
        RawHttp.Response foreign = postRaw(Map.of("Origin", "http://127.0.0.1:9"), "{\"code\":\"SO-1234\"}");
        RawHttp.Response none = postRaw(Map.of("Origin", ""), "{\"code\":\"SO-1234\"}");

        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.json().getString("error")).isEqualTo("Origin: 'http://127.0.0.1:9' is not this packer screen's page");
        assertThat(none.status()).isEqualTo(403);
        assertThat(none.json().getString("error")).startsWith("Origin: missing");
        assertThat(codes.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void refusesACodeSentAsPlainTextAsACrossSiteFormWouldSendIt() throws Exception {
        RawHttp.Response form = postRaw(Map.of("Content-Type", "text/plain"), "{\"code\":\"PCK-CLEAR\"}");

        assertThat(form.status()).isEqualTo(415);
        assertThat(form.json().getString("error")).isEqualTo("Content-Type: must be application/json");
        assertThat(codes.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void refusesACodeWithoutThisStartsToken() throws Exception {
        PackerScreen earlier = new PackerScreen(vertx, ScreenAccess.loopback(), this::typed, "pack-07");
        int earlierPort = start(earlier);
        String earlierToken = new JsonObject(get(earlierPort, "/api/session").body()).getString("token");

        RawHttp.Response missing = postRaw(Map.of(ScreenGuard.TOKEN_HEADER, ""), "{\"code\":\"SO-1234\"}");
        RawHttp.Response another = postRaw(Map.of(ScreenGuard.TOKEN_HEADER, earlierToken), "{\"code\":\"SO-1234\"}");

        assertThat(earlierToken).isNotEqualTo(token());
        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.json().getString("error")).isEqualTo(
                "X-PackCheck-Token: missing or not this start's token; reload the page");
        assertThat(another.status()).isEqualTo(403);
        assertThat(codes.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aScreenOnAnotherComputerOnlyShowsWhenNoSecretIsSet() throws Exception {
        int remote = start(new PackerScreen(vertx, ScreenAccess.loopback(), NOBODY_AT_THE_STATION, this::typed, "pack-07"));
        JsonObject session = new JsonObject(get(remote, "/api/session").body());

        HttpResponse<String> view = get(remote, "/api/view");
        HttpResponse<String> code = post(remote, session.getString("token"), Optional.empty(), "{\"code\":\"PCK-CLEAR\"}");

        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(session.getBoolean("typing")).isFalse();
        assertThat(session.getBoolean("asksForSecret")).isFalse();
        assertThat(code.statusCode()).isEqualTo(403);
        assertThat(new JsonObject(code.body()).getString("error"))
                .startsWith("read-only: this screen is on another computer (127.0.0.1)")
                .endsWith("no screenSecret is set there)");
        assertThat(codes.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aScreenOnAnotherComputerTypesAsRemoteOnceItEnteredTheSecret() throws Exception {
        int remote = startWithSecret();
        String token = new JsonObject(get(remote, "/api/session").body()).getString("token");
        HttpResponse<String> before = post(remote, token, Optional.empty(), "{\"code\":\"SO-1234\"}");

        HttpResponse<String> entered = post(remote, "/api/screen-secret", token, Optional.empty(),
                new JsonObject().put("secret", SECRET).encode());
        String cookie = entered.headers().firstValue("Set-Cookie").orElseThrow();
        String pair = cookie.substring(0, cookie.indexOf(';'));
        JsonObject session = new JsonObject(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + remote + "/api/session"))
                .header("Cookie", pair).build(), HttpResponse.BodyHandlers.ofString()).body());
        HttpResponse<String> after = post(remote, token, Optional.of(pair), "{\"code\":\"SO-1234\"}");

        assertThat(before.statusCode()).isEqualTo(403);
        assertThat(new JsonObject(before.body()).getString("error")).endsWith("enter the screen secret to type codes");
        assertThat(entered.statusCode()).isEqualTo(200);
        assertThat(cookie).startsWith(ScreenGuard.SECRET_COOKIE + "=").contains("HttpOnly", "SameSite=Strict")
                .doesNotContain(SECRET);
        assertThat(session.getBoolean("typing")).isTrue();
        assertThat(after.statusCode()).isEqualTo(202);
        assertThat(codes.poll(5, TimeUnit.SECONDS)).isEqualTo("SO-1234");
        assertThat(sources.poll(5, TimeUnit.SECONDS)).isEqualTo(TypedFrom.REMOTE_SCREEN);
    }

    @Test
    void aWrongSecretIsRefusedAndTheNextTryMustWait() throws Exception {
        int remote = startWithSecret();
        String token = new JsonObject(get(remote, "/api/session").body()).getString("token");

        HttpResponse<String> wrong = post(remote, "/api/screen-secret", token, Optional.empty(), "{\"secret\":\"red-mug-41-tea\"}");
        HttpResponse<String> right = post(remote, "/api/screen-secret", token, Optional.empty(),
                new JsonObject().put("secret", SECRET).encode());

        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(new JsonObject(wrong.body()).getString("error")).isEqualTo("secret: not this station's screen secret");
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void theSecretIsTakenOnlyFromTheScreensOwnPage() throws Exception {
        int remote = startWithSecret();

        RawHttp.Response crossSite = RawHttp.send(remote, "POST", "/api/screen-secret", Map.of("Host", "localhost:" + remote,
                "Origin", "http://127.0.0.1:9", "Content-Type", "application/json"), new JsonObject().put("secret", SECRET).encode());

        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(crossSite.header("Set-Cookie")).isEmpty();
    }

    private int startWithSecret() throws Exception {
        return start(new PackerScreen(vertx, new ScreenAccess("127.0.0.1", List.of(), Optional.of(new Secret(SECRET))),
                NOBODY_AT_THE_STATION, this::typed, "pack-07"));
    }

    private void typed(String code, TypedFrom from) {
        sources.add(from);
        codes.add(code);
    }

    private int start(PackerScreen s) throws Exception {
        started.add(s);
        return s.start(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static boolean connects(String address, int port) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
            return true;
        }
    }

    private String token() throws Exception {
        return new JsonObject(get("/api/session").body()).getString("token");
    }

    /** A code as the screen's own page sends it, with headers replaced (an empty value leaves the header out). */
    private RawHttp.Response postRaw(Map<String, String> changed, String body) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>(Map.of("Host", "localhost:" + port, "Origin", "http://localhost:" + port,
                "Content-Type", "application/json", ScreenGuard.TOKEN_HEADER, token()));
        headers.putAll(changed);
        headers.values().removeIf(String::isEmpty);
        return RawHttp.send(port, "POST", "/api/codes", headers, body);
    }

    private HttpResponse<String> post(String body) throws Exception {
        return post(port, token(), Optional.empty(), body);
    }

    private HttpResponse<String> post(int to, String token, Optional<String> cookie, String body) throws Exception {
        return post(to, "/api/codes", token, cookie, body);
    }

    private HttpResponse<String> post(int to, String path, String token, Optional<String> cookie, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + to + path))
                .header("Content-Type", "application/json")
                .header("Origin", "http://localhost:" + to)
                .header(ScreenGuard.TOKEN_HEADER, token)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        cookie.ifPresent(c -> request.header("Cookie", c));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return get(port, path);
    }

    private HttpResponse<String> get(int to, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + to + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
