package io.packcheck.station.runtime;

import static io.packcheck.station.runtime.Stations.ORDER;
import static io.packcheck.station.runtime.Stations.RED_MUG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.packcheck.core.enrol.Enrolment;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A page from another origin, open in the same browser as the packer screen, tries every way a browser lets
 * it reach the station (a cross-site form, no-cors and CORS fetches, a beacon, reading the token, a foreign
 * host name resolving to the station): the station takes nothing from it, while its own page still works.
 */
class StationScreenCrossOriginTest {

    /** Resolved to 127.0.0.1 inside the browser only, as a DNS-rebinding attacker's name would be. */
    private static final String REBIND_NAME = "rebind.packcheck.test";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPageFromAnotherOriginCannotOpenAnOrderClearALockOrEnrolTheStation() throws Exception {
        // the page tests must fail, never skip, where the browser is missing
        assertThat(new File("/usr/bin/chromium").canExecute()).as("install chromium").isTrue();
        assertThat(new File("/usr/bin/chromedriver").canExecute()).as("install chromium-driver").isTrue();
        Path data = dir.resolve("data");
        Stations.seed(data, 2);
        String foreignHub = new Enrolment(URI.create("http://127.0.0.1:" + freePort()), "pack-66",
                Enrolment.newCode(new SecureRandom())).encode();
        HttpServer attacker = attackerSite();
        WebDriver browser = null;
        try (StationAgent agent = StationAgent.start(Stations.config(data, Optional.empty(), freePort()),
                new LightsLines().printStream())) {
            int screen = agent.screenPort().orElseThrow();
            // by default the screen listens on 127.0.0.1 alone: another address of this machine finds nothing
            assertThatThrownBy(() -> new Socket("127.0.0.2", screen).close()).isInstanceOf(ConnectException.class);
            String screenUrl = "http://localhost:" + screen;
            String attackerUrl = "http://127.0.0.1:" + attacker.getAddress().getPort();
            browser = chromium();
            WebDriver page = browser;

            // no order open: the foreign page tries to open one and to enrol the station to its own hub
            attack(page, attackerUrl, screenUrl, ORDER);
            attack(page, attackerUrl, screenUrl, foreignHub);
            JsonObject untouched = staysSo(screen, v -> v.getJsonObject("verdict") == null);

            assertThat(untouched.getJsonObject("order")).as("no order opened").isNull();
            assertThat(untouched.getJsonObject("verdict")).as("nothing typed reached the station").isNull();
            assertThat(untouched.getJsonArray("notices").getList()).as("no enrolment tried")
                    .noneMatch(notice -> String.valueOf(notice).contains("hub"));
            assertThat(untouched.getString("stationId")).isEqualTo("pack-07");

            // the station's own page opens the order and scans a wrong item: locked
            page.get(screenUrl + "/");
            waitFor(page, () -> page.findElement(By.id("station")).getText().equals("Station pack-07"));
            page.findElement(By.id("code")).sendKeys(ORDER + Keys.ENTER);
            waitFor(page, () -> page.findElement(By.id("order-id")).getText().equals("Order " + ORDER));
            page.findElement(By.id("code")).sendKeys(RED_MUG + Keys.ENTER);
            waitFor(page, () -> page.findElement(By.id("lock")).isDisplayed());

            // the foreign page tries to clear the lock
            attack(page, attackerUrl, screenUrl, "PCK-CLEAR");
            JsonObject stillLocked = staysSo(screen, v -> v.getString("lock") != null);

            assertThat(stillLocked.getString("lock")).as("lock not cleared").isNotNull();
            assertThat(stillLocked.getJsonObject("verdict").getString("code")).isEqualTo("WRONG_ITEM");

            // a foreign name that resolves to the station gets no page, so no script of its own on the station's origin
            page.get("http://" + REBIND_NAME + ":" + screen + "/");
            assertThat(page.getPageSource()).contains("is not a name of this packer screen");
            assertThat(page.findElements(By.id("code"))).isEmpty();

            // the station's own page still clears the lock
            page.get(screenUrl + "/");
            waitFor(page, () -> page.findElement(By.id("lock")).isDisplayed());
            page.findElement(By.id("code")).sendKeys("PCK-CLEAR" + Keys.ENTER);
            waitFor(page, () -> !page.findElement(By.id("lock")).isDisplayed());
            assertThat(view(screen).getString("lock")).isNull();
        } finally {
            if (browser != null) {
                browser.quit();
            }
            attacker.stop(0);
        }
    }

    /** Loads the foreign page aimed at one code and waits until its script tried every way. */
    private void attack(WebDriver page, String attackerUrl, String screenUrl, String code) throws Exception {
        page.get(attackerUrl + "/?screen=" + screenUrl + "&code=" + java.net.URLEncoder.encode(code, StandardCharsets.UTF_8));
        waitFor(page, () -> "yes".equals(page.findElement(By.tagName("body")).getAttribute("data-done")));
        JsonObject tries = new JsonObject(page.findElement(By.tagName("body")).getAttribute("data-results"));
        screenshot(page, "cross-origin-attack.png");

        assertThat(tries.getString("readToken")).as("the token stays unreadable").startsWith("blocked");
        assertThat(tries.getString("corsJson")).as("a JSON post needs a preflight the screen never allows").startsWith("blocked");
        assertThat(tries.getString("noCors")).as("a no-cors post is sent, opaque").isEqualTo("sent opaque");
    }

    /** What the station shows, checked to stay so a while: a code it took would show within milliseconds. */
    private JsonObject staysSo(int screen, Predicate<JsonObject> condition) throws Exception {
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5)).until(() -> condition.test(view(screen)));
        return view(screen);
    }

    /** The other origin: one page whose script sends the code to the packer screen every way a browser lets it. */
    private static HttpServer attackerSite() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
            String screen = "";
            String code = "";
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                String value = kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
                if (kv[0].equals("screen")) {
                    screen = value;
                } else if (kv[0].equals("code")) {
                    code = value;
                }
            }
            byte[] page = attackerPage(screen, code).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String attackerPage(String screen, String code) {
        String json = new JsonObject().put("code", code).encode();
        // the classic trick: a text/plain form whose field name and value add up to a JSON body
        String fieldName = json.substring(0, json.length() - 2) + "\",\"pad\":\"";
        return """
                <!DOCTYPE html><html><body>
                <iframe name="sink" id="sink"></iframe>
                <form id="form" method="POST" enctype="text/plain" target="sink" action="SCREEN/api/codes">
                  <input id="field" type="hidden" value='"}'>
                </form>
                <script>
                const screen = 'SCREEN';
                const body = JSON.stringify({ code: CODE });
                const results = {};
                async function attempt(name, send) {
                  try { results[name] = await send(); } catch (e) { results[name] = 'blocked: ' + e; }
                }
                (async () => {
                  document.getElementById('field').name = FIELD;
                  const framed = new Promise((done) => { document.getElementById('sink').onload = done; setTimeout(done, 3000); });
                  document.getElementById('form').submit();
                  await framed;
                  results.form = 'submitted';
                  await attempt('noCors', () => fetch(screen + '/api/codes', { method: 'POST', mode: 'no-cors',
                    headers: { 'Content-Type': 'text/plain' }, body: body }).then((r) => 'sent ' + r.type));
                  await attempt('corsJson', () => fetch(screen + '/api/codes', { method: 'POST',
                    headers: { 'Content-Type': 'application/json', 'X-PackCheck-Token': 'guess' }, body: body })
                    .then((r) => 'answered ' + r.status));
                  await attempt('readToken', () => fetch(screen + '/api/session').then((r) => r.json())
                    .then((s) => 'read ' + s.token));
                  await attempt('beacon', () => navigator.sendBeacon(screen + '/api/codes',
                    new Blob([body], { type: 'text/plain' })) ? 'queued' : 'refused');
                  document.body.dataset.results = JSON.stringify(results);
                  document.body.dataset.done = 'yes';
                })();
                </script>
                </body></html>
                """
                .replace("SCREEN", screen)
                .replace("FIELD", js(fieldName))
                .replace("CODE", js(code));
    }

    /** The text as a JavaScript string literal. */
    private static String js(String text) {
        String array = new JsonArray().add(text).encode();
        return array.substring(1, array.length() - 1);
    }

    private JsonObject view(int port) throws java.io.IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/view"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new JsonObject(response.body());
    }

    private WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1024,600", "--user-data-dir=" + dir.resolve("chromium"),
                "--host-resolver-rules=MAP " + REBIND_NAME + " 127.0.0.1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void waitFor(WebDriver page, BooleanSupplier condition) {
        new WebDriverWait(page, Duration.ofSeconds(15)).until(d -> condition.getAsBoolean());
    }

    private static void screenshot(WebDriver page, String name) throws Exception {
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        Files.write(shots.resolve(name), ((TakesScreenshot) page).getScreenshotAs(OutputType.BYTES));
    }
}
