package io.packcheck.hub;

import static io.packcheck.hub.StationApiTest.batch;
import static io.packcheck.hub.StationApiTest.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Claims on the dashboard in a real headless Chromium: the conflict alert on the wall, the release button on the order. */
@ExtendWith(VertxExtension.class)
class ClaimDashboardBrowserTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path browserProfile;
    RunningHub hub;
    DashboardClient dashboard;
    WebDriver browser;

    @BeforeEach
    void start(Vertx vertx) {
        hub = new RunningHub(vertx, dataDir);
        dashboard = new DashboardClient(hub);
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + browserProfile.toAbsolutePath(), "--window-size=1600,1200");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        hub.close();
    }

    @Test
    void theWallAlertsAConflictAndTheOrderPageReleasesTheClaim() {
        String key = hub.apiKey("ops");
        hub.put("/api/v1/orders/SO-1", key, OpsApiTest.order("MUG-1", 1));
        hub.put("/api/v1/orders/SO-2", key, OpsApiTest.order("MUG-1", 1));
        String st1 = hub.stationToken("ST-1");
        String st2 = hub.stationToken("ST-2");
        hub.post("/api/v1/station/orders/SO-1/claim", st1, null);
        hub.post("/api/v1/station/orders/SO-2/claim", st1, null);
        hub.post("/api/v1/station/events", st2, batch(event("ST-2", 1, "ORDER_OPENED", "ORDER_OPENED", "SO-1", 1)));
        String secret = dashboard.user("sam", "supervisor");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.get(dashboard.origin() + "/login");
        browser.findElement(By.id("username")).sendKeys("sam");
        browser.findElement(By.id("password")).sendKeys(secret);
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#claim-conflicts tbody tr.alert")));
        String alert = browser.findElement(By.cssSelector("#claim-conflicts tbody tr")).getText();
        browser.get(dashboard.origin() + "/dashboard/orders.html?order=SO-2");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("claim-text"), "Being packed at ST-1"));
        browser.findElement(By.id("release-claim")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("claim-note"), "Claim of ST-1 released"));

        assertThat(alert).contains("SO-1").contains("ST-1").contains("ST-2");
        assertThat(hub.post("/api/v1/station/orders/SO-2/claim", st2, null).statusCode())
                .as("released: the second station may pack it").isEqualTo(200);
    }
}
