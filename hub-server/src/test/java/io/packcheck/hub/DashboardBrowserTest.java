package io.packcheck.hub;

import static io.packcheck.hub.DashboardClient.event;
import static io.packcheck.hub.DashboardClient.scan;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The dashboard in a real headless Chromium against a real hub: sign in, charts with data, live updates, CSV. */
@ExtendWith(VertxExtension.class)
class DashboardBrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dataDir;
    @TempDir
    Path browserProfile;
    RunningHub hub;
    DashboardClient dashboard;
    WebDriver browser;
    String base;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        hub = new RunningHub(vertx, dataDir);
        dashboard = new DashboardClient(hub);
        base = dashboard.origin();
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + browserProfile.toAbsolutePath(), "--window-size=1600,1200");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1600, 1200));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        hub.close();
    }

    @Test
    void supervisorSignsInSeesChartsWithDataLiveUpdatesAndDownloadsCsv() throws Exception {
        String secret = dashboard.user("ann", "supervisor");
        String token = hub.stationToken("ST-1");
        Instant now = hub.clock.instant();
        List<io.vertx.core.json.JsonObject> events = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            String verdict = i % 8 == 0 ? "WRONG_ITEM" : i % 13 == 0 ? "EXPIRED" : "MATCH";
            events.add(scan("ST-1", i, now.minusSeconds(3600L * (i % 5)), "P-" + (i % 3), "O-" + i / 4,
                    verdict, "SKU-" + (i % 6), verdict.equals("WRONG_ITEM") ? "SKU-9" : null));
        }
        events.add(event("ST-1", 41, now, "OVERRIDE", "COMMAND_ACCEPTED").put("supervisor", "Sue")
                .put("orderId", "O-3").put("reasonCode", "DAMAGED").put("reason", "box crushed, item, \"ok\""));
        dashboard.send(token, events);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));

        browser.get(base + "/dashboard/");
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys("ann");
        browser.findElement(By.id("password")).sendKeys(secret);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("kpi-scans"), "40"));
        wait.until(ExpectedConditions.textToBe(By.id("live"), "● live"));

        JavascriptExecutor js = (JavascriptExecutor) browser;
        Object stationBars = js.executeScript("return PackCheck.charts['chart-station'].data.datasets[0].data;");
        Object hourPoints = js.executeScript("return PackCheck.charts['chart-hour'].data.datasets[0].data.length;");
        Object inked = js.executeScript("""
                const c = document.getElementById('chart-kinds');
                const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0;
                for (let i = 3; i < px.length; i += 4) if (px[i] > 0) n++;
                return n;""");
        assertThat((List<?>) stationBars).hasSize(1);
        assertThat(((Number) ((List<?>) stationBars).get(0)).doubleValue()).isEqualTo(20.0);
        assertThat((Long) hourPoints).isEqualTo(5L);
        assertThat(browser.findElement(By.id("hour-title")).getText()).isEqualTo("Scans and mismatches by hour");
        assertThat((Long) inked).isGreaterThan(1000L);
        screenshot("floor-before.png");

        dashboard.send(token, List.of(scan("ST-1", 42, now, "P-1", "O-99", "WRONG_ITEM", "SKU-1", "SKU-2")));
        new WebDriverWait(browser, Duration.ofSeconds(2)).until(ExpectedConditions.textToBe(By.id("kpi-scans"), "41"));
        assertThat(browser.findElement(By.id("kpi-mismatches")).getText()).isEqualTo("9");
        screenshot("floor.png");

        String csvHref = browser.findElement(By.id("csv-station")).getAttribute("href");
        @SuppressWarnings("unchecked")
        Map<String, Object> csv = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then(async r => done({
                  status: r.status, type: r.headers.get('content-type'), body: await r.text()}));""", csvHref);
        assertThat(csv.get("status")).isEqualTo(200L);
        assertThat((String) csv.get("type")).startsWith("text/csv");
        assertThat((String) csv.get("body")).isEqualTo(
                "station,scans,mismatches,mismatchRate,completed,completedOverridden\r\nST-1,41,9,0.2195,0,0\r\n");

        browser.get(base + "/dashboard/orders.html?order=O-3");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-status"), "Order O-3"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("overrides"), "box crushed, item, \"ok\""));
        assertThat(browser.findElements(By.cssSelector("#trail tbody tr"))).hasSize(5);
        assertThat(browser.findElements(By.cssSelector("#trail tbody tr.alert"))).as("the EXPIRED scan").hasSize(1);
        Object overflow = js.executeScript("""
                const panel = document.getElementById('trail').closest('section').getBoundingClientRect();
                const last = document.querySelector('#trail thead th:last-child').getBoundingClientRect();
                return last.right - panel.right;""");
        assertThat(((Number) overflow).doubleValue()).as("the trail's last column lies inside its panel").isLessThanOrEqualTo(0);
        screenshot("orders.png");

        browser.get(base + "/dashboard/weekly.html");
        wait.until(ExpectedConditions.textToBe(By.id("w-scans"), "41"));
        assertThat(browser.findElement(By.id("week")).getAttribute("value")).as("the hub's week, not the browser's")
                .isEqualTo("2026-11-16");
        assertThat(browser.findElements(By.cssSelector("#packers tbody tr"))).hasSize(3);
        screenshot("weekly.png");
    }

    @Test
    void keepsEveryTableCellInsideItsPanelOnTheFloorTrailAndWeeklyPagesAtTwoScreenSizes() throws Exception {
        String secret = dashboard.user("ann", "supervisor");
        String key = hub.apiKey("wms");
        Instant now = hub.clock.instant();
        hub.put("/api/v1/badges/P001", key, new io.vertx.core.json.JsonObject().put("name", "Ana Beatriz Carvalho")
                .put("role", "packer"));
        hub.put("/api/v1/orders/O-SOON", key, new io.vertx.core.json.JsonObject().put("lines", new io.vertx.core.json.JsonArray()
                .add(new io.vertx.core.json.JsonObject().put("sku", "MUG-1").put("quantity", 2)))
                .put("shipBy", now.plusSeconds(1800).toString()));
        // a silent station and one over the rate threshold: the longest alerts the Stations table shows
        String quiet = hub.stationToken("ST-QUIET-WITH-A-LONG-NAME");
        hub.post("/api/v1/station/heartbeat", quiet, new io.vertx.core.json.JsonObject().put("agentVersion", "1")
                .put("scannerState", "CONNECTED").put("queueDepth", 7).put("cacheAgeSeconds", 3).put("clock", now.toString()));
        hub.clock.advance(Duration.ofSeconds(400));
        Instant later = hub.clock.instant();
        String token = hub.stationToken("ST-1");
        List<io.vertx.core.json.JsonObject> events = new ArrayList<>();
        events.add(event("ST-1", 1, later, "ORDER_OPENED", "ORDER_OPENED").put("orderId", "O-5").put("packer", "P001"));
        for (int i = 2; i <= 30; i++) {
            events.add(scan("ST-1", i, later, "P001", "O-5", i % 3 == 0 ? "WRONG_ITEM" : "MATCH",
                    "SKU-WITH-A-RATHER-LONG-CODE-" + (i % 4), i % 3 == 0 ? "SKU-EXPECTED-" + i : null));
        }
        // a parcel closing, the longest words the trail's Detail shows: "parcel 1 closed: 1Z..., box M-LARGE, ..."
        events.add(event("ST-1", 31, later, "PARCEL_CLOSED", "PARCEL_CLOSED").put("orderId", "O-5").put("packer", "P001")
                .put("parcel", new io.vertx.core.json.JsonObject().put("number", 1).put("box", "M-LARGE")
                        .put("label", "1Z999AA10123456784").put("items", new io.vertx.core.json.JsonObject().put("MUG-1", 2))
                        .put("weightGrams", 1310.0).put("expectedGrams", 1295.0).put("toleranceGrams", 64.75)));
        dashboard.send(token, events);
        // a catalogue weight the scales disagree with: the longest row the weights panel shows
        hub.put("/api/v1/items/SKU-WITH-A-RATHER-LONG-CODE-1", key, new io.vertx.core.json.JsonObject()
                .put("name", "Mug").put("weightGrams", 2500.5).put("barcodes", new io.vertx.core.json.JsonArray()
                        .add(new io.vertx.core.json.JsonObject().put("code", "4006381333931"))));
        WeighedParcels scale = new WeighedParcels("ST-SCALE", java.util.Map.of("SKU-WITH-A-RATHER-LONG-CODE-1", 1350.0,
                "CUP", 220.0), java.util.Map.of(java.util.Optional.of("M"), 180.0, java.util.Optional.empty(), 40.0));
        dashboard.send(hub.stationToken("ST-SCALE"), scale.mixed("O-5", 60, 1, later));
        RunningHub.await(hub.verticle.weights().refitIfNew());
        signIn("ann", secret);

        for (Dimension size : List.of(new Dimension(1600, 1000), new Dimension(1280, 800))) {
            browser.manage().window().setSize(size);
            String at = size.width + "x" + size.height;
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));

            browser.get(base + "/dashboard/");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stations"), "silent for"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("risk"), "O-SOON"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("weights"), "SKU-WITH-A-RATHER-LONG-CODE-1"));
            assertThat(overflowingCells()).as("floor at " + at).isEmpty();
            assertThat(browser.findElement(By.id("pace")).getText()).matches("\\d+(\\.\\d)? orders/h now");
            wait.until(ExpectedConditions.textToBe(By.id("hour-title"), "Scans and mismatches by 5 minutes"));
            screenshot("layout-floor-" + at + ".png");

            browser.get(base + "/dashboard/orders.html?order=O-5");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("trail"), "Ana Beatriz Carvalho (P001)"));
            assertThat(browser.findElement(By.id("trail")).getText())
                    .contains("parcel 1 closed: 1Z999AA10123456784, box M-LARGE, 1,310 g, expected 1,295 +/- 65");
            assertThat(overflowingCells()).as("order trail at " + at).isEmpty();
            screenshot("layout-trail-" + at + ".png");

            browser.get(base + "/dashboard/weekly.html");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("packers"), "Ana Beatriz Carvalho (P001)"));
            assertThat(browser.findElement(By.id("w-prev")).getText()).isEqualTo("no data");
            assertThat(overflowingCells()).as("weekly report at " + at).isEmpty();
            screenshot("layout-weekly-" + at + ".png");
        }
    }

    /** Every table cell whose box leaves its panel, or whose text does not fit the cell, with where it is. */
    @SuppressWarnings("unchecked")
    private List<String> overflowingCells() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("""
                const bad = [];
                for (const cell of document.querySelectorAll('section td, section th')) {
                  const panel = cell.closest('section').getBoundingClientRect();
                  const box = cell.getBoundingClientRect();
                  const where = cell.closest('section').querySelector('h2').firstChild.textContent.trim()
                      + ': "' + cell.textContent.slice(0, 40) + '"';
                  if (box.right > panel.right + 1 || box.left < panel.left - 1) bad.push(where + ' leaves its panel');
                  if (cell.scrollWidth > cell.clientWidth + 1) bad.push(where + ' does not fit its cell');
                  // a word (between spaces and hyphens) that wraps inside itself reads as two: "SILEN T"
                  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
                    for (const m of text.data.matchAll(/[^\\s-]+/g)) {
                      const range = document.createRange();
                      range.setStart(text, m.index);
                      range.setEnd(text, m.index + m[0].length);
                      const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                      if (lines.size > 1) bad.push(where + ' breaks "' + m[0] + '" inside the word');
                    }
                  }
                }
                return bad;""");
    }

    private void signIn(String user, String secret) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.get(base + "/dashboard/");
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(secret);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private void screenshot(String name) throws Exception {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
