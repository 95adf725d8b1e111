package io.packcheck.station.runtime;

import static io.packcheck.station.runtime.Stations.MUG;
import static io.packcheck.station.runtime.Stations.ORDER;
import static io.packcheck.station.runtime.Stations.RED_MUG;
import static org.assertj.core.api.Assertions.assertThat;

import io.packcheck.station.scanner.SocatPty;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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

/** The packer screen of a running station in a real headless Chromium: scans through the pty show up on the page. */
class StationScreenPageTest {

    @TempDir
    Path dir;

    @Test
    void scansThroughTheScannerAndTypedCodesShowOnThePackerScreen() throws Exception {
        // the page tests must fail, never skip, where the browser is missing
        assertThat(new File("/usr/bin/chromium").canExecute()).as("install chromium").isTrue();
        assertThat(new File("/usr/bin/chromedriver").canExecute()).as("install chromium-driver").isTrue();
        Path data = dir.resolve("data");
        Stations.seed(data, 2);
        LightsLines lights = new LightsLines();
        WebDriver browser = null;
        try (SocatPty pty = SocatPty.start(dir);
                StationAgent agent = StationAgent.start(Stations.config(data, Optional.of(pty.stationEnd()), freePort()),
                        lights.printStream())) {
            StationEndToEndTest.awaitConnected(agent);
            browser = chromium();
            WebDriver page = browser;
            page.get("http://localhost:" + agent.screenPort().orElseThrow() + "/");
            waitFor(page, () -> text(page, "station").equals("Station pack-07"));

            pty.send(ORDER + "\r" + MUG + "\r" + RED_MUG + "\r");

            waitFor(page, () -> "WRONG_ITEM".equals(page.findElement(By.id("verdict")).getAttribute("data-verdict")));
            assertThat(text(page, "verdict-reason")).isEqualTo(
                    "Wrong item: Red Mug (4006381333948) is not on order SO-1234 - take it out and scan CLEAR");
            assertThat(page.findElement(By.id("lock")).isDisplayed()).isTrue();
            assertThat(text(page, "order-id")).isEqualTo("Order SO-1234");
            assertThat(page.findElements(By.cssSelector("#lines tbody tr"))).extracting(WebElement::getText)
                    .containsExactly("Blue Mug (MUG-BLUE) 1 / 2");
            assertThat(text(page, "events-waiting")).isEqualTo("3 events waiting to be sent");
            screenshot(page, "station-wrong-item.png");

            page.findElement(By.id("code")).sendKeys("PCK-CLEAR" + Keys.ENTER);
            waitFor(page, () -> !page.findElement(By.id("lock")).isDisplayed());
            pty.send(MUG + "\r");

            waitFor(page, () -> "ORDER_COMPLETE".equals(page.findElement(By.id("verdict")).getAttribute("data-verdict")));
            assertThat(page.findElements(By.cssSelector("#lines tbody tr"))).extracting(WebElement::getText)
                    .containsExactly("Blue Mug (MUG-BLUE) 2 / 2 ✔ done");
            screenshot(page, "station-order-complete.png");
        } finally {
            if (browser != null) {
                browser.quit();
            }
        }
    }

    @Test
    void anUnpluggedScannerShowsOnTheScreen() throws Exception {
        Path data = dir.resolve("data");
        Stations.seed(data, 2);
        WebDriver browser = null;
        try (StationAgent agent = StationAgent.start(
                Stations.config(data, Optional.of(dir.resolve("no-such-scanner").toString()), freePort()),
                new LightsLines().printStream())) {
            browser = chromium();
            WebDriver page = browser;

            page.get("http://localhost:" + agent.screenPort().orElseThrow() + "/");

            waitFor(page, () -> page.findElement(By.id("notices")).isDisplayed());
            assertThat(text(page, "notices")).startsWith("! Scanner offline: no device at ");
            screenshot(page, "station-scanner-offline.png");
        } finally {
            if (browser != null) {
                browser.quit();
            }
        }
    }

    private WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1024,600", "--user-data-dir=" + dir.resolve("chromium"));
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

    private static String text(WebDriver page, String id) {
        return page.findElement(By.id(id)).getText();
    }

    private static void waitFor(WebDriver page, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(page, Duration.ofSeconds(10)).until(d -> condition.getAsBoolean());
    }

    private static void screenshot(WebDriver page, String name) throws Exception {
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        Files.write(shots.resolve(name), ((TakesScreenshot) page).getScreenshotAs(OutputType.BYTES));
    }
}
