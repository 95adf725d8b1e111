package io.packcheck.station.screen;

import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.core.verify.Verdict;
import io.packcheck.station.config.Secret;
import io.vertx.core.Vertx;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The packer screen in a real headless Chromium, as the kiosk browser shows it. */
class PackerScreenPageTest {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    @TempDir
    static Path profile;

    private static Vertx vertx;
    private static PackerScreen screen;
    private static final BlockingQueue<String> codes = new LinkedBlockingQueue<>();
    private static final BlockingQueue<TypedFrom> sources = new LinkedBlockingQueue<>();
    private static int port;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        // the page tests must fail, never skip, where the browser is missing
        assertThat(new File(CHROMIUM).canExecute()).as("install chromium (apt-get install chromium chromium-driver)").isTrue();
        assertThat(new File(CHROMEDRIVER).canExecute()).as("install chromium-driver").isTrue();
        vertx = Vertx.vertx();
        screen = new PackerScreen(vertx, ScreenAccess.loopback(), PackerScreenPageTest::typed, "pack-07");
        port = screen.start(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1024,600", "--user-data-dir=" + profile.resolve("chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (vertx != null) {
            screen.stop().compose(v -> vertx.close()).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @BeforeEach
    void freshPage() {
        codes.clear();
        sources.clear();
        screen.show(ScreenView.idle("pack-07", ScreenView.HubLink.CONNECTED));
        browser.get("http://localhost:" + port + "/");
        waitFor(() -> text("hub").equals("hub connected"));
    }

    @Test
    void aPushedWrongItemShowsRedWithTheReasonTheLockAndTheCounts() throws Exception {
        ScreenView view = new ScreenView("pack-07",
                Optional.of(new ScreenView.OpenOrder("SO-1234", List.of(
                        new ScreenView.Line("MUG-BLUE", "Blue Mug", 2, 2),
                        new ScreenView.Line("TEA-GRN", "Green Tea 20 bags", 1, 3)))),
                Optional.of(new ScreenView.LastVerdict(Verdict.WRONG_ITEM,
                        "Red Mug (4006381333948) is not on order SO-1234 - take it out and scan CLEAR")),
                Optional.of("Take the wrong item out and scan CLEAR, or ask a supervisor to scan their badge"),
                Optional.of("Ann"), ScreenView.HubLink.DISCONNECTED, Optional.of(Duration.ofSeconds(125)), 3);

        screen.show(view);

        waitFor(() -> "WRONG_ITEM".equals(browser.findElement(By.id("verdict")).getAttribute("data-verdict")));
        assertThat(browser.findElement(By.id("verdict")).getAttribute("class")).isEqualTo("tone-bad");
        assertThat(text("verdict-words")).isEqualTo("Wrong item");
        assertThat(text("verdict-reason")).isEqualTo(
                "Red Mug (4006381333948) is not on order SO-1234 - take it out and scan CLEAR");
        assertThat(browser.findElement(By.id("lock")).isDisplayed()).isTrue();
        assertThat(text("lock-how")).startsWith("Take the wrong item out and scan CLEAR");
        assertThat(text("order-id")).isEqualTo("Order SO-1234");
        List<WebElement> rows = browser.findElements(By.cssSelector("#lines tbody tr"));
        assertThat(rows).extracting(WebElement::getText).containsExactly(
                "Blue Mug (MUG-BLUE) 2 / 2 ✔ done", "Green Tea 20 bags (TEA-GRN) 1 / 3");
        assertThat(text("packer")).isEqualTo("Packer: Ann");
        assertThat(text("hub")).isEqualTo("hub NOT connected");
        assertThat(text("cache-age")).isEqualTo("orders synced 2 min ago");
        assertThat(text("events-waiting")).isEqualTo("3 events waiting to be sent");
        screenshot("packer-screen-wrong-item.png");
    }

    @Test
    void aLockedScreenKeepsEveryOrderLineVisibleAboveTheEntryBarAtTwoScreenSizes() throws Exception {
        ScreenView view = new ScreenView("pack-07",
                Optional.of(new ScreenView.OpenOrder("SO-1234", List.of(
                        new ScreenView.Line("MUG-BLUE", "Blue Mug", 2, 2),
                        new ScreenView.Line("TEA-GRN", "Green Tea 20 bags", 1, 3),
                        new ScreenView.Line("PLATE-WHT", "White Dinner Plate 27 cm", 0, 4)))),
                Optional.of(new ScreenView.LastVerdict(Verdict.WRONG_ITEM,
                        "Red Mug (4006381333948) is not on order SO-1234 - take it out and scan CLEAR")),
                Optional.of("Take the refused item out of the box and scan CLEAR - or a supervisor scans their badge"
                        + " and a reason code"),
                Optional.of("Ann"), ScreenView.HubLink.CONNECTED, Optional.of(Duration.ofSeconds(5)), 0);
        org.openqa.selenium.Dimension before = browser.manage().window().getSize();
        try {
            for (org.openqa.selenium.Dimension size : List.of(new org.openqa.selenium.Dimension(1600, 1000),
                    new org.openqa.selenium.Dimension(1280, 800))) {
                browser.manage().window().setSize(size);
                screen.show(view);
                waitFor(() -> browser.findElement(By.id("lock")).isDisplayed());
                waitFor(() -> browser.findElements(By.cssSelector("#lines tbody tr")).size() == 3);

                @SuppressWarnings("unchecked")
                List<String> hidden = (List<String>) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                        const bar = document.getElementById('code').closest('form').getBoundingClientRect();
                        const hidden = [];
                        for (const row of document.querySelectorAll('#lines tbody tr')) {
                          const r = row.getBoundingClientRect();
                          if (r.bottom > Math.min(bar.top, window.innerHeight) + 1 || r.top < 0) hidden.push(row.textContent);
                        }
                        return hidden;""");

                assertThat(hidden).as("order lines hidden while locked at " + size).isEmpty();
                screenshot("packer-screen-locked-" + size.width + "x" + size.height + ".png");
            }
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    @Test
    void aMatchAfterTheMismatchTurnsGreenAndClearsTheLock() throws Exception {
        screen.show(withVerdict(Verdict.WRONG_ITEM, "wrong", Optional.of("scan CLEAR")));
        waitFor(() -> browser.findElement(By.id("lock")).isDisplayed());

        screen.show(withVerdict(Verdict.ORDER_COMPLETE, "All 3 items are in the box - close it", Optional.empty()));

        waitFor(() -> "ORDER_COMPLETE".equals(browser.findElement(By.id("verdict")).getAttribute("data-verdict")));
        assertThat(browser.findElement(By.id("verdict")).getAttribute("class")).isEqualTo("tone-good");
        assertThat(text("verdict-words")).isEqualTo("Order complete");
        assertThat(browser.findElement(By.id("lock")).isDisplayed()).isFalse();
        screenshot("packer-screen-order-complete.png");
    }

    @Test
    void aCodeTypedOrWedgedWithEnterReachesTheRuntime() throws Exception {
        WebElement field = browser.findElement(By.id("code"));

        field.sendKeys("4006381333931" + Keys.ENTER);
        field.sendKeys("  SO-1234 \n");

        assertThat(codes.poll(10, TimeUnit.SECONDS)).isEqualTo("4006381333931");
        assertThat(codes.poll(10, TimeUnit.SECONDS)).isEqualTo("SO-1234");
        assertThat(sources).containsOnly(TypedFrom.LOOPBACK_SCREEN);
        waitFor(() -> text("entry-note").equals("sent SO-1234"));
        assertThat(field.getAttribute("value")).isEmpty();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("code");
    }

    @Test
    void aPageOpenedLaterShowsTheLatestViewAtOnce() {
        screen.show(withVerdict(Verdict.UNKNOWN_CODE, "Code 123 is not in the catalog", Optional.empty()));

        browser.get("http://localhost:" + port + "/");

        waitFor(() -> "UNKNOWN_CODE".equals(browser.findElement(By.id("verdict")).getAttribute("data-verdict")));
        assertThat(browser.findElement(By.id("verdict")).getAttribute("class")).isEqualTo("tone-warn");
        assertThat(text("verdict-words")).isEqualTo("Unknown code");
    }

    @Test
    void aScreenOnAnotherComputerOnlyShowsUntilTheSecretIsEnteredThenTypesAsRemote() throws Exception {
        PackerScreen remote = new PackerScreen(vertx, new ScreenAccess("127.0.0.1", List.of(),
                Optional.of(new Secret("blue-mug-42-tea"))), client -> false, PackerScreenPageTest::typed, "pack-07");
        int remotePort = remote.start(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        try {
            browser.manage().deleteAllCookies();
            browser.get("http://localhost:" + remotePort + "/");
            waitFor(() -> browser.findElement(By.id("read-only")).isDisplayed());
            assertThat(text("read-only-why")).startsWith("read-only: this screen is on another computer")
                    .endsWith("enter the screen secret to type codes");
            assertThat(browser.findElement(By.id("code")).isEnabled()).isFalse();
            screenshot("packer-screen-read-only.png");

            browser.findElement(By.id("secret")).sendKeys("red-mug-41-tea" + Keys.ENTER);
            waitFor(() -> text("secret-note").equals("secret: not this station's screen secret"));
            // the station takes one try a second at the secret
            Thread.sleep(1_100);
            browser.findElement(By.id("secret")).sendKeys("blue-mug-42-tea" + Keys.ENTER);

            waitFor(() -> !browser.findElement(By.id("read-only")).isDisplayed());
            WebElement field = browser.findElement(By.id("code"));
            assertThat(field.isEnabled()).isTrue();
            field.sendKeys("SO-1234" + Keys.ENTER);
            assertThat(codes.poll(10, TimeUnit.SECONDS)).isEqualTo("SO-1234");
            assertThat(sources.poll(1, TimeUnit.SECONDS)).isEqualTo(TypedFrom.REMOTE_SCREEN);
        } finally {
            remote.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aKioskOnAnotherComputerMayBringTheSecretInTheAddressFragment() throws Exception {
        PackerScreen remote = new PackerScreen(vertx, new ScreenAccess("127.0.0.1", List.of(),
                Optional.of(new Secret("green-tea-20-bags"))), client -> false, PackerScreenPageTest::typed, "pack-07");
        int remotePort = remote.start(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        try {
            browser.manage().deleteAllCookies();

            browser.get("http://localhost:" + remotePort + "/#secret=green-tea-20-bags");

            waitFor(() -> browser.findElement(By.id("code")).isEnabled() && !browser.findElement(By.id("read-only")).isDisplayed());
            assertThat(browser.getCurrentUrl()).doesNotContain("green-tea");
            browser.findElement(By.id("code")).sendKeys("4006381333931" + Keys.ENTER);
            assertThat(codes.poll(10, TimeUnit.SECONDS)).isEqualTo("4006381333931");
            assertThat(sources.poll(1, TimeUnit.SECONDS)).isEqualTo(TypedFrom.REMOTE_SCREEN);
        } finally {
            remote.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aPageLeftOpenWhileTheStationRestartsTypesWithTheNewStartsToken() throws Exception {
        PackerScreen before = new PackerScreen(vertx, ScreenAccess.loopback(), PackerScreenPageTest::typed, "pack-07");
        int restartPort = before.start(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        browser.get("http://localhost:" + restartPort + "/");
        waitFor(() -> text("station").equals("Station pack-07"));
        before.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

        PackerScreen after = new PackerScreen(vertx, ScreenAccess.loopback(), PackerScreenPageTest::typed, "pack-08");
        after.start(restartPort).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        try {
            browser.findElement(By.id("code")).sendKeys("SO-1234" + Keys.ENTER);

            assertThat(codes.poll(10, TimeUnit.SECONDS)).isEqualTo("SO-1234");
            waitFor(() -> text("entry-note").equals("sent SO-1234"));
        } finally {
            after.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static void typed(String code, TypedFrom from) {
        sources.add(from);
        codes.add(code);
    }

    private static ScreenView withVerdict(Verdict verdict, String reason, Optional<String> lock) {
        return new ScreenView("pack-07",
                Optional.of(new ScreenView.OpenOrder("SO-1", List.of(new ScreenView.Line("A", "Apple", 3, 3)))),
                Optional.of(new ScreenView.LastVerdict(verdict, reason)), lock, Optional.empty(),
                ScreenView.HubLink.NONE, Optional.empty(), 0);
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> condition.getAsBoolean());
    }

    private static void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
