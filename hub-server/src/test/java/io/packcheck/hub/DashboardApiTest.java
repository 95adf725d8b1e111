package io.packcheck.hub;

import static io.packcheck.hub.DashboardClient.event;
import static io.packcheck.hub.DashboardClient.scan;
import static io.packcheck.hub.RunningHub.error;
import static io.packcheck.hub.RunningHub.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class DashboardApiTest {

    @TempDir
    Path dataDir;
    RunningHub hub;
    DashboardClient dashboard;
    Instant now;

    @BeforeEach
    void start(Vertx vertx) {
        hub = new RunningHub(vertx, dataDir);
        dashboard = new DashboardClient(hub);
        now = hub.clock.instant();
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void sendsAnonymousPagesToTheLoginPageAndAnswersReportsWith401() {
        var page = dashboard.get("/dashboard/", null);
        var report = dashboard.get("/api/v1/reports/stations", null);
        var login = dashboard.get("/login", null);

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.getHeader("Location")).isEqualTo("/login");
        assertThat(report.statusCode()).isEqualTo(401);
        assertThat(error(report).getString("field")).isEqualTo("Authorization");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.bodyAsString()).contains("<form method=\"post\" action=\"/login\"");
    }

    @Test
    void servesEachPageWholeWithItsTitleTheSharedNavigationAndItsOwnScript() {
        String cookie = dashboard.signIn("ann", dashboard.user("ann", "supervisor"));

        var floor = dashboard.get("/dashboard/", cookie);
        var orders = dashboard.get("/dashboard/orders.html", cookie);
        var weekly = dashboard.get("/dashboard/weekly.html", cookie);
        var users = dashboard.get("/dashboard/admin.html", cookie);
        var folder = dashboard.get("/dashboard", cookie);
        var unknown = dashboard.get("/dashboard/nope.html", cookie);

        assertPage(floor, "floor", "wall.js", "kpi-scans");
        assertPage(orders, "orders", "orders.js", "order-id");
        assertPage(weekly, "weekly report", "weekly.js", "pick-week");
        assertPage(users, "users", "admin.js", "users");
        assertThat(floor.getHeader("Content-Type")).isEqualTo("text/html;charset=UTF-8");
        assertThat(floor.getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(folder.statusCode()).isEqualTo(301);
        assertThat(folder.getHeader("Location")).isEqualTo("/dashboard/");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    private static void assertPage(HttpResponse<Buffer> page, String title, String script, String ownElementId) {
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.bodyAsString()).startsWith("<!doctype html>")
                .contains("<title>PackCheck — " + title + "</title>", "id=\"" + ownElementId + "\"",
                        "<a href=\"/dashboard/weekly.html\" data-page=\"weekly\">Weekly report</a>")
                .containsSubsequence("<nav>", "</nav>", "<main>", "</main>", "/assets/app.js", "/assets/" + script,
                        "</html>")
                .doesNotContain("{{");
    }

    @Test
    void signsInWithTheUserSecretIntoAStrictHttpOnlySession() {
        String secret = dashboard.user("ann", "supervisor");

        var response = dashboard.postLogin("ann", secret, dashboard.origin());

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.getHeader("Location")).isEqualTo("/dashboard/");
        String cookie = response.cookies().get(0);
        assertThat(cookie).startsWith("packcheck_session=").containsIgnoringCase("HttpOnly").contains("SameSite=Strict")
                .doesNotContain("Secure");
        var me = dashboard.get("/api/v1/session", cookie.substring(0, cookie.indexOf(';')));
        assertThat(json(me).getString("user")).isEqualTo("ann");
        assertThat(json(me).getString("role")).isEqualTo("supervisor");
        assertThat(dashboard.get("/dashboard/", cookie.substring(0, cookie.indexOf(';'))).bodyAsString())
                .contains("chart.umd.min.js");
    }

    @Test
    void renewsTheCookiesBrowserLifetimeOnEveryRequestSoAWallScreenInUseStaysSignedIn() {
        String cookie = dashboard.signIn("ann", dashboard.user("ann", "supervisor"));
        hub.clock.advance(Duration.ofHours(11));

        var report = dashboard.get("/api/v1/reports/mismatch-rate?by=station", cookie);
        var anonymous = dashboard.get("/api/v1/reports/mismatch-rate?by=station", null);

        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.cookies()).singleElement().satisfies(renewed -> assertThat(renewed)
                .startsWith(cookie + ";").contains("Max-Age=43200").containsIgnoringCase("HttpOnly")
                .contains("SameSite=Strict"));
        assertThat(anonymous.cookies()).isEmpty();
    }

    @Test
    void refusesAWrongSecretAnotherUsersSecretAndAnEmptyName() {
        dashboard.user("ann", "supervisor");
        String bobs = dashboard.user("bob", "supervisor");

        var wrong = dashboard.postLogin("ann", "pcu_guess", dashboard.origin());
        var someoneElses = dashboard.postLogin("ann", bobs, dashboard.origin());
        var noName = dashboard.postLogin("", bobs, dashboard.origin());

        assertThat(wrong.getHeader("Location")).isEqualTo("/login?error=wrong");
        assertThat(someoneElses.getHeader("Location")).isEqualTo("/login?error=wrong");
        assertThat(noName.getHeader("Location")).isEqualTo("/login?error=username");
        assertThat(wrong.cookies()).isEmpty();
    }

    @Test
    void refusesSignInAndSignOutPostedFromAnotherSite() {
        String secret = dashboard.user("ann", "supervisor");
        String cookie = dashboard.signIn("ann", secret);

        var login = dashboard.postLogin("ann", secret, "https://evil.example");
        var noOrigin = dashboard.postLogin("ann", secret, null);
        var logout = dashboard.post("/logout", cookie, "https://evil.example");

        assertThat(login.statusCode()).isEqualTo(403);
        assertThat(error(login).getString("field")).isEqualTo("Origin");
        assertThat(noOrigin.statusCode()).isEqualTo(403);
        assertThat(logout.statusCode()).isEqualTo(403);
        assertThat(dashboard.get("/api/v1/session", cookie).statusCode()).isEqualTo(200);
    }

    @Test
    void signingOutEndsTheSession() {
        String cookie = dashboard.signIn("ann", dashboard.user("ann", "supervisor"));

        var logout = dashboard.post("/logout", cookie, dashboard.origin());

        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(logout.cookies().get(0)).contains("Max-Age=0");
        assertThat(dashboard.get("/api/v1/session", cookie).statusCode()).isEqualTo(401);
        assertThat(dashboard.get("/dashboard/", cookie).statusCode()).isEqualTo(302);
    }

    @Test
    void rollsUpIngestedEventsOnceEvenWhenAStationResends() {
        String cookie = dashboard.signIn("ann", dashboard.user("ann", "supervisor"));
        String token = hub.stationToken("ST-1");
        List<JsonObject> batch = List.of(
                scan("ST-1", 1, now, "P-7", "O-1", "MATCH", "MUG-1", null),
                scan("ST-1", 2, now, "P-7", "O-1", "WRONG_ITEM", "MUG-2", "MUG-1"),
                scan("ST-1", 3, now, "P-7", "O-1", "UNKNOWN_CODE", null, null),
                event("ST-1", 4, now, "ORDER_COMPLETED", "ORDER_COMPLETE").put("orderId", "O-1").put("packer", "P-7"));

        dashboard.send(token, batch);
        dashboard.send(token, batch);

        JsonObject byStation = json(dashboard.get("/api/v1/reports/mismatch-rate?by=station", cookie));
        assertThat(byStation.getJsonArray("rows")).containsExactly(new JsonObject().put("station", "ST-1")
                .put("scans", 3).put("mismatches", 2).put("mismatchRate", 0.6667).put("completed", 1)
                .put("completedOverridden", 0));
        JsonObject byPacker = json(dashboard.get("/api/v1/reports/mismatch-rate?by=packer", cookie));
        assertThat(byPacker.getJsonArray("rows").getJsonObject(0).getString("packer")).isEqualTo("P-7");
        JsonObject bySku = json(dashboard.get("/api/v1/reports/mismatch-rate?by=sku", cookie));
        assertThat(bySku.getJsonArray("rows").stream().map(r -> ((JsonObject) r).getString("sku")))
                .containsExactly("MUG-2", "MUG-1");
        JsonObject byHour = json(dashboard.get("/api/v1/reports/mismatch-rate?by=hour", cookie));
        assertThat(byHour.getJsonObject("total").getInteger("scans")).isEqualTo(3);
        assertThat(byHour.getJsonArray("rows").getJsonObject(0).getString("hour")).isEqualTo("2026-11-22T10:00:00Z");
        JsonArray kinds = json(dashboard.get("/api/v1/reports/mismatch-kinds", cookie)).getJsonArray("rows");
        assertThat(kinds.stream().map(k -> ((JsonObject) k).getString("kind"))).containsExactlyInAnyOrder("WRONG_ITEM",
                "UNKNOWN_CODE");
        JsonArray pairs = json(dashboard.get("/api/v1/reports/confused-pairs", cookie)).getJsonArray("rows");
        assertThat(pairs).containsExactly(new JsonObject().put("expectedSku", "MUG-1").put("scannedSku", "MUG-2")
                .put("count", 1).put("onlyOpenLine", 0));
    }

    @Test
    void countsOnlyItemScansInTheMismatchRateNotOrderOpensCommandsOrScansRefusedUnjudged() {
        String cookie = dashboard.signIn("ann", dashboard.user("ann", "supervisor"));
        String token = hub.stationToken("ST-1");
        dashboard.send(token, List.of(
                scan("ST-1", 1, now, "P-7", "O-1", "ORDER_OPENED", null, null),
                scan("ST-1", 2, now, "P-7", "O-1", "WRONG_ITEM", "MUG-2", "MUG-1"),
                scan("ST-1", 3, now, "P-7", "O-1", "LOCKED", "MUG-1", null),
                scan("ST-1", 4, now, "P-7", "O-1", "COMMAND_ACCEPTED", null, null),
                scan("ST-1", 5, now, "P-7", "O-1", "COMMAND_REFUSED", null, null),
                scan("ST-1", 6, now, "P-7", "O-1", "NO_ORDER_OPEN", "MUG-1", null),
                scan("ST-1", 7, now, "P-7", "O-1", "ORDER_BLOCKED", "MUG-1", null),
                scan("ST-1", 8, now, "P-7", "O-1", "MATCH", "MUG-1", null),
                scan("ST-1", 9, now, "P-7", "O-1", "UNREADABLE", null, null)));

        JsonObject byPacker = json(dashboard.get("/api/v1/reports/mismatch-rate?by=packer", cookie));
        JsonObject bySku = json(dashboard.get("/api/v1/reports/mismatch-rate?by=sku", cookie));

        assertThat(byPacker.getJsonArray("rows").getJsonObject(0).getInteger("scans"))
                .as("the wrong item, the match and the unreadable code").isEqualTo(3);
        assertThat(byPacker.getJsonArray("rows").getJsonObject(0).getInteger("mismatches")).isEqualTo(1);
        assertThat(bySku.getJsonArray("rows").stream().map(r -> (JsonObject) r)
                .filter(r -> r.getString("sku").equals("MUG-1")).findFirst().orElseThrow().getInteger("scans"))
                .as("MUG-1's match only: a wrong item counts for the SKU scanned").isEqualTo(1);
    }

    @Test
    void countsWholeDaysAndRaggedHoursOfALongRangeOnce() {
        String cookie = dashboard.signIn("ann", dashboard.user("ann", "supervisor"));
        String token = hub.stationToken("ST-1");
        Instant[] times = {Instant.parse("2026-11-19T22:30:00Z"), Instant.parse("2026-11-20T12:00:00Z"),
                Instant.parse("2026-11-21T23:59:59Z"), Instant.parse("2026-11-22T09:00:00Z")};
        for (int i = 0; i < times.length; i++) {
            dashboard.send(token, List.of(scan("ST-1", i + 1, times[i], "P-1", "O-1", "WRONG_ITEM", "A", "B")));
        }

        JsonObject range = json(dashboard.get("/api/v1/reports/mismatch-rate?by=station"
                + "&from=2026-11-19T22:00:00Z&to=2026-11-22T09:30:00Z", cookie));
        JsonObject narrower = json(dashboard.get("/api/v1/reports/confused-pairs"
                + "?from=2026-11-19T23:00:00Z&to=2026-11-22T09:00:00Z", cookie));

        assertThat(range.getJsonArray("rows").getJsonObject(0).getInteger("scans")).isEqualTo(4);
        assertThat(narrower.getJsonArray("rows").getJsonObject(0).getInteger("count")).isEqualTo(2);
    }

    @Test
    void addsUpEveryEventOfABatchThatHitsTheSameRollupRowsAgainAndAgain() {
        String cookie = dashboard.signIn("ann", dashboard.user("ann", "supervisor"));
        String token = hub.stationToken("ST-1");
        Instant tenFifteen = Instant.parse("2026-11-21T10:15:00Z");
        Instant tenForty = Instant.parse("2026-11-21T10:40:00Z");
        Instant elevenFive = Instant.parse("2026-11-21T11:05:00Z");
        Instant nextDay = Instant.parse("2026-11-22T09:00:00Z");

        dashboard.send(token, List.of(
                scan("ST-1", 1, tenFifteen, "P-1", "O-1", "WRONG_ITEM", "A", "B"),
                scan("ST-1", 2, tenFifteen, "P-1", "O-1", "MATCH", "B", null),
                scan("ST-1", 3, tenForty, "P-2", "O-1", "WRONG_ITEM", "A", "B"),
                scan("ST-1", 4, elevenFive, "P-1", "O-1", "WRONG_ITEM", "A", "B"),
                scan("ST-1", 5, nextDay, "P-2", "O-2", "WRONG_ITEM", "A", "B")));

        String range = "&from=2026-11-21T00:00:00Z&to=2026-11-22T10:00:00Z";
        JsonObject byStation = json(dashboard.get("/api/v1/reports/mismatch-rate?by=station" + range, cookie));
        JsonObject byPacker = json(dashboard.get("/api/v1/reports/mismatch-rate?by=packer" + range, cookie));
        JsonObject byHour = json(dashboard.get(
                "/api/v1/reports/mismatch-rate?by=hour&from=2026-11-21T10:00:00Z&to=2026-11-21T12:00:00Z", cookie));
        JsonArray pairs = json(dashboard.get("/api/v1/reports/confused-pairs?" + range, cookie)).getJsonArray("rows");
        JsonArray kinds = json(dashboard.get("/api/v1/reports/mismatch-kinds?" + range, cookie)).getJsonArray("rows");

        assertThat(byStation.getJsonArray("rows").getJsonObject(0).getInteger("scans")).isEqualTo(5);
        assertThat(byStation.getJsonArray("rows").getJsonObject(0).getInteger("mismatches")).isEqualTo(4);
        assertThat(byPacker.getJsonArray("rows").stream().map(r -> (JsonObject) r)
                .map(r -> r.getString("packer") + "=" + r.getInteger("scans") + "/" + r.getInteger("mismatches")))
                .containsExactlyInAnyOrder("P-1=3/2", "P-2=2/2");
        assertThat(byHour.getJsonArray("rows").stream().map(r -> (JsonObject) r)
                .map(r -> r.getString("hour") + "=" + r.getInteger("scans") + "/" + r.getInteger("mismatches")))
                .containsExactlyInAnyOrder("2026-11-21T10:00:00Z=3/2", "2026-11-21T11:00:00Z=1/1");
        assertThat(pairs).containsExactly(new JsonObject().put("expectedSku", "B").put("scannedSku", "A").put("count", 4)
                .put("onlyOpenLine", 0));
        assertThat(kinds.getJsonObject(0).getString("kind")).isEqualTo("WRONG_ITEM");
        assertThat(kinds.getJsonObject(0).getInteger("count")).isEqualTo(4);
    }

    @Test
    void letsASignedInSupervisorPrintTheCommandSheetButNotIssueEnrolmentCodes() {
        String cookie = dashboard.signIn("ann", dashboard.user("ann", "supervisor"));

        var sheet = dashboard.get("/api/v1/print/commands", cookie);
        var enrolment = dashboard.get("/api/v1/print/stations/ST-9/enrolment", cookie);
        var anonymous = dashboard.get("/api/v1/print/commands", null);

        assertThat(sheet.statusCode()).isEqualTo(200);
        assertThat(sheet.bodyAsString()).contains("PCK-CLEAR");
        assertThat(enrolment.statusCode()).as("enrolment issues a station credential: API key only").isEqualTo(401);
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void acceptsAnApiKeyOrAUserSecretButNotAStationToken() {
        String key = hub.apiKey("bi");
        String userSecret = dashboard.user("ann", "supervisor");
        String station = hub.stationToken("ST-1");

        assertThat(hub.get("/api/v1/reports/mismatch-kinds", key).statusCode()).isEqualTo(200);
        assertThat(hub.get("/api/v1/reports/mismatch-kinds", userSecret).statusCode()).isEqualTo(200);
        assertThat(hub.get("/api/v1/reports/mismatch-kinds", station).statusCode()).isEqualTo(403);
        assertThat(hub.get("/api/v1/reports/mismatch-kinds", "pck_unknown").statusCode()).isEqualTo(401);
    }

    @Test
    void exportsTheOverrideLogAsCsvWithQuotesCommasNewlinesAndFormulasEscaped() {
        String key = hub.apiKey("bi");
        String token = hub.stationToken("ST-1");
        dashboard.send(token, List.of(event("ST-1", 1, now, "OVERRIDE", "COMMAND_ACCEPTED").put("supervisor", "Sue")
                .put("packer", "P-1").put("orderId", "O-9").put("reasonCode", "=HYPERLINK(\"x\")")
                .put("reason", "label said \"2\", box had 3\nchecked by hand")));

        var csv = hub.get("/api/v1/reports/overrides?format=csv", key);

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.getHeader("Content-Type")).startsWith("text/csv");
        assertThat(csv.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"overrides.csv\"");
        assertThat(csv.bodyAsString()).isEqualTo("at,station,packer,packerName,supervisor,orderId,reasonCode,reason\r\n"
                + now + ",ST-1,P-1,,Sue,O-9,\"'=HYPERLINK(\"\"x\"\")\",\"label said \"\"2\"\", box had 3\nchecked by hand\"\r\n");
    }

    @Test
    void reachesBackTheGivenNumberOfDaysFromTheHubsOwnTime() {
        String key = hub.apiKey("bi");
        String token = hub.stationToken("ST-1");
        dashboard.send(token, List.of(event("ST-1", 1, now.minus(Duration.ofDays(3)), "OVERRIDE", "COMMAND_ACCEPTED")
                .put("supervisor", "Sue").put("orderId", "O-9").put("reasonCode", "CHECKED").put("reason", "ok")));

        JsonObject week = json(hub.get("/api/v1/reports/overrides?days=7", key));
        JsonObject day = json(hub.get("/api/v1/reports/overrides", key));
        var none = hub.get("/api/v1/reports/overrides?days=0", key);

        assertThat(week.getJsonArray("rows")).hasSize(1);
        assertThat(week.getString("from")).isEqualTo("2026-11-15T11:00:00Z");
        assertThat(day.getJsonArray("rows")).isEmpty();
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(error(none).getString("field")).isEqualTo("days");
    }

    @Test
    void letsOnlyAnAdminListAndRevokeUsersWhichEndsTheirSessions() {
        String ann = dashboard.signIn("ann", dashboard.user("ann", "supervisor"));
        String root = dashboard.signIn("root", dashboard.user("root", "admin"));

        var supervisorList = dashboard.get("/api/v1/admin/users", ann);
        var supervisorRevoke = dashboard.post("/api/v1/admin/users/root/revoke", ann, dashboard.origin());
        var adminList = dashboard.get("/api/v1/admin/users", root);
        var crossSite = dashboard.post("/api/v1/admin/users/ann/revoke", root, "https://evil.example");
        var adminRevoke = dashboard.post("/api/v1/admin/users/ann/revoke", root, dashboard.origin());

        assertThat(supervisorList.statusCode()).isEqualTo(403);
        assertThat(error(supervisorList).getString("field")).isEqualTo("role");
        assertThat(supervisorRevoke.statusCode()).isEqualTo(403);
        assertThat(json(adminList).getJsonArray("rows")).hasSize(2);
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(adminRevoke.statusCode()).isEqualTo(200);
        assertThat(dashboard.get("/api/v1/session", ann).statusCode()).isEqualTo(401);
        assertThat(dashboard.get("/api/v1/session", root).statusCode()).isEqualTo(200);
    }

    @Test
    void exportsTheUserTableAsCsvForAnAdmin() {
        String root = dashboard.signIn("root", dashboard.user("root", "admin"));
        dashboard.user("ann", "supervisor");

        var csv = dashboard.get("/api/v1/admin/users?format=csv", root);
        var badFormat = dashboard.get("/api/v1/admin/users?format=xml", root);

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.getHeader("Content-Type")).startsWith("text/csv");
        assertThat(csv.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"users.csv\"");
        assertThat(csv.bodyAsString().split("\r\n")).containsExactly("name,role,createdAt,revokedAt",
                "ann,supervisor," + now + ",", "root,admin," + now + ",");
        assertThat(badFormat.statusCode()).isEqualTo(400);
        assertThat(error(badFormat).getString("field")).isEqualTo("format");
    }

    @Test
    void flagsASilentStationAndOneWhoseMismatchRateCrossesTheThreshold() {
        String key = hub.apiKey("bi");
        String quiet = hub.stationToken("ST-Q");
        String sloppy = hub.stationToken("ST-S");
        hub.post("/api/v1/station/heartbeat", quiet, new JsonObject().put("agentVersion", "1").put("scannerState", "CONNECTED")
                .put("queueDepth", 7).put("cacheAgeSeconds", 3).put("clock", now.toString()));
        hub.clock.advance(Duration.ofSeconds(90));
        Instant later = hub.clock.instant();
        dashboard.send(sloppy, List.of(scan("ST-S", 1, later, "P-1", "O-1", "WRONG_ITEM", "A", "B"),
                scan("ST-S", 2, later, "P-1", "O-1", "MATCH", "B", null)));

        JsonArray rows = json(hub.get("/api/v1/reports/stations?minScans=2&threshold=0.2", key)).getJsonArray("rows");

        JsonObject q = rows.getJsonObject(0);
        JsonObject s = rows.getJsonObject(1);
        assertThat(q.getString("station")).isEqualTo("ST-Q");
        assertThat(q.getBoolean("online")).isFalse();
        assertThat(q.getInteger("eventsWaiting")).isEqualTo(7);
        assertThat(q.getString("alerts")).isEqualTo("silent for 90 s");
        assertThat(s.getBoolean("online")).isTrue();
        assertThat(s.getString("alerts")).isEqualTo("mismatch rate 50.0% over 20.0% (2 scans, last hour)");
    }

    @Test
    void listsOrdersThatWillMissTheirShipByAtTheCurrentPace() {
        String key = hub.apiKey("wms");
        hub.put("/api/v1/orders/O-SOON", key, new JsonObject().put("lines", new JsonArray()
                .add(new JsonObject().put("sku", "MUG-1").put("quantity", 2))).put("shipBy", now.plusSeconds(1800).toString()));
        hub.put("/api/v1/orders/O-LATER", key, new JsonObject().put("lines", new JsonArray()
                .add(new JsonObject().put("sku", "MUG-1").put("quantity", 1))).put("shipBy", now.plusSeconds(86_400 * 3).toString()));

        JsonObject risk = json(hub.get("/api/v1/reports/at-risk", key));

        assertThat(risk.getJsonArray("rows")).hasSize(1);
        JsonObject soon = risk.getJsonArray("rows").getJsonObject(0);
        assertThat(soon.getString("orderId")).isEqualTo("O-SOON");
        assertThat(soon.getInteger("minutesLeft")).isEqualTo(30);
        assertThat(soon.getInteger("units")).isEqualTo(2);
        assertThat(soon.getString("why")).isEqualTo("no orders completed in the last hour");
    }

    @Test
    void showsAnOrdersScanTrailInOrderAndNamesAnUnknownOrder() {
        String key = hub.apiKey("bi");
        String token = hub.stationToken("ST-1");
        dashboard.send(token, List.of(event("ST-1", 1, now, "ORDER_OPENED", "ORDER_OPENED").put("orderId", "O-5"),
                scan("ST-1", 2, now.plusSeconds(5), "P-1", "O-5", "WRONG_ITEM", "A", "B")));

        JsonObject trail = json(hub.get("/api/v1/reports/orders/O-5/trail", key));
        var missing = hub.get("/api/v1/reports/orders/NOPE/trail", key);

        assertThat(trail.getJsonArray("rows").stream().map(r -> ((JsonObject) r).getString("verdict")))
                .containsExactly("ORDER_OPENED", "WRONG_ITEM");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(error(missing).getString("field")).isEqualTo("id");
    }

    @Test
    void marksEveryMismatchInTheTrailAsTheFiguresCountThem() {
        String key = hub.apiKey("bi");
        String token = hub.stationToken("ST-1");
        dashboard.send(token, List.of(event("ST-1", 1, now, "ORDER_OPENED", "ORDER_OPENED").put("orderId", "O-5"),
                scan("ST-1", 2, now, "P-1", "O-5", "MATCH", "A", null),
                scan("ST-1", 3, now, "P-1", "O-5", "DUPLICATE_SERIAL", "A", null),
                scan("ST-1", 4, now, "P-1", "O-5", "LOT_REQUIRED", "A", null),
                scan("ST-1", 5, now, "P-1", "O-5", "UNKNOWN_CODE", null, null)));

        JsonObject trail = json(hub.get("/api/v1/reports/orders/O-5/trail", key));

        assertThat(trail.getJsonArray("rows").stream().map(r -> ((JsonObject) r).getBoolean("mismatch")))
                .containsExactly(false, false, true, true, true);
    }

    @Test
    void findsAnOrdersScanTrailByItsPackSlipCode() {
        String key = hub.apiKey("bi");
        String token = hub.stationToken("ST-1");
        hub.put("/api/v1/orders/O-5", key, new JsonObject().put("lines", new JsonArray()
                .add(new JsonObject().put("sku", "A").put("quantity", 1))).put("aliases", new JsonArray().add("PS-5")));
        dashboard.send(token, List.of(event("ST-1", 1, now, "ORDER_OPENED", "ORDER_OPENED").put("orderId", "O-5"),
                scan("ST-1", 2, now.plusSeconds(5), "P-1", "O-5", "MATCH", "A", null)));

        JsonObject trail = json(hub.get("/api/v1/reports/orders/PS-5/trail", key));

        assertThat(trail.getString("orderId")).isEqualTo("O-5");
        assertThat(trail.getString("status")).isEqualTo("IN_PROGRESS");
        assertThat(trail.getJsonArray("rows").stream().map(r -> ((JsonObject) r).getString("verdict")))
                .containsExactly("ORDER_OPENED", "MATCH");
    }

    @Test
    void comparesAWeeksMismatchCausesWithThePreviousWeek() {
        String key = hub.apiKey("bi");
        String token = hub.stationToken("ST-1");
        Instant thisWeek = Instant.parse("2026-11-17T10:00:00Z");
        Instant lastWeek = Instant.parse("2026-11-10T10:00:00Z");
        dashboard.send(token, List.of(scan("ST-1", 1, lastWeek, "P-1", "O", "WRONG_ITEM", "A", "B"),
                scan("ST-1", 2, lastWeek, "P-1", "O", "WRONG_ITEM", "A", "B"),
                scan("ST-1", 3, thisWeek, "P-1", "O", "WRONG_ITEM", "A", "B"),
                scan("ST-1", 4, thisWeek, "P-2", "O", "EXPIRED", "C", null),
                scan("ST-1", 5, thisWeek, "P-2", "O", "MATCH", "C", null)));

        JsonObject week = json(hub.get("/api/v1/reports/weekly?week=2026-11-19", key));
        var csv = hub.get("/api/v1/reports/weekly?week=2026-11-19&format=csv&table=packers", key);

        assertThat(week.getString("weekStart")).isEqualTo("2026-11-16T00:00:00Z");
        assertThat(week.getJsonArray("causes")).containsExactlyInAnyOrder(
                new JsonObject().put("kind", "WRONG_ITEM").put("count", 1).put("previousWeek", 2).put("change", -1),
                new JsonObject().put("kind", "EXPIRED").put("count", 1).put("previousWeek", 0).put("change", 1));
        assertThat(csv.bodyAsString()).isEqualTo("packer,packerName,scans,mismatches,accuracy,ordersCompleted\r\n"
                + "P-1,,1,1,0.0,0\r\nP-2,,2,1,0.5,0\r\n");
    }

    @Test
    void namesEachPackerByTheirBadgeBesideTheCodeInEveryReportThatNamesPackers() {
        String key = hub.apiKey("bi");
        String token = hub.stationToken("ST-1");
        hub.put("/api/v1/badges/P001", key, new JsonObject().put("name", "Ana").put("role", "packer"));
        dashboard.send(token, List.of(event("ST-1", 1, now, "ORDER_OPENED", "ORDER_OPENED").put("orderId", "O-5")
                        .put("packer", "P001"),
                scan("ST-1", 2, now, "P001", "O-5", "WRONG_ITEM", "A", "B"),
                scan("ST-1", 3, now, "P-UNKNOWN", "O-5", "MATCH", "A", null),
                event("ST-1", 4, now, "OVERRIDE", "COMMAND_ACCEPTED").put("packer", "P001").put("supervisor", "Sue")
                        .put("orderId", "O-5").put("reasonCode", "DAMAGED").put("reason", "ok")));

        JsonObject byPacker = json(hub.get("/api/v1/reports/mismatch-rate?by=packer", key));
        JsonObject trail = json(hub.get("/api/v1/reports/orders/O-5/trail", key));
        JsonObject overrides = json(hub.get("/api/v1/reports/overrides", key));
        JsonObject week = json(hub.get("/api/v1/reports/weekly?days=7", key));

        assertThat(byPacker.getJsonArray("rows").stream().map(r -> (JsonObject) r)
                .map(r -> r.getString("packer") + "=" + r.getString("packerName")))
                .containsExactlyInAnyOrder("P001=Ana", "P-UNKNOWN=null");
        assertThat(trail.getJsonArray("rows").stream().map(r -> ((JsonObject) r).getString("packerName")))
                .containsExactly("Ana", "Ana", null, "Ana");
        assertThat(overrides.getJsonArray("rows").getJsonObject(0).getString("packerName")).isEqualTo("Ana");
        assertThat(week.getJsonArray("packers").stream().map(r -> ((JsonObject) r).getString("packerName")))
                .contains("Ana");
    }

    @Test
    void countsTheFloorPerFiveMinutesForTheChartOfAShortDay() {
        String key = hub.apiKey("bi");
        String token = hub.stationToken("ST-1");
        Instant ten = Instant.parse("2026-11-22T10:00:00Z");
        dashboard.send(token, List.of(scan("ST-1", 1, ten.plusSeconds(60), "P-1", "O-1", "MATCH", "A", null),
                scan("ST-1", 2, ten.plusSeconds(120), "P-1", "O-1", "WRONG_ITEM", "B", "A"),
                scan("ST-1", 3, ten.plusSeconds(420), "P-1", "O-1", "MATCH", "A", null),
                event("ST-1", 4, ten.plusSeconds(430), "ORDER_COMPLETED", "ORDER_COMPLETE").put("orderId", "O-1"),
                scan("ST-1", 5, ten.plusSeconds(58 * 60), "P-1", "O-2", "UNKNOWN_CODE", null, null)));

        JsonObject fine = json(hub.get("/api/v1/reports/mismatch-rate?by=fiveMinutes&from=2026-11-22T09:00:00Z"
                + "&to=2026-11-22T11:00:00Z", key));
        var tooLong = hub.get("/api/v1/reports/mismatch-rate?by=fiveMinutes&days=7", key);

        assertThat(fine.getJsonArray("rows").stream().map(r -> (JsonObject) r)
                .map(r -> r.getString("fiveMinutes") + " " + r.getLong("scans") + "/" + r.getLong("mismatches")
                        + "/" + r.getLong("completed")))
                .containsExactly("2026-11-22T10:00:00Z 2/1/0", "2026-11-22T10:05:00Z 1/0/1", "2026-11-22T10:55:00Z 1/1/0");
        assertThat(tooLong.statusCode()).isEqualTo(400);
    }

    @Test
    void countsTheOpenOrdersShippingSoonSoAnEmptyAtRiskListIsNotReadAsNoOrders() {
        String key = hub.apiKey("wms");
        hub.put("/api/v1/orders/O-LATER", key, new JsonObject().put("lines", new JsonArray()
                .add(new JsonObject().put("sku", "MUG-1").put("quantity", 1))).put("shipBy", now.plusSeconds(3600 * 20).toString()));
        hub.put("/api/v1/orders/O-NEXT-WEEK", key, new JsonObject().put("lines", new JsonArray()
                .add(new JsonObject().put("sku", "MUG-1").put("quantity", 1))).put("shipBy", now.plusSeconds(86_400 * 7).toString()));

        JsonObject risk = json(hub.get("/api/v1/reports/at-risk?hours=24", key));
        JsonObject all = json(hub.get("/api/v1/reports/at-risk?hours=24&all=true", key));

        assertThat(risk.getInteger("openOrders")).isEqualTo(1);
        assertThat(all.getJsonArray("rows")).hasSize(1);
    }

    @Test
    void answersABadParameterWith400NamingIt() {
        String key = hub.apiKey("bi");

        var by = hub.get("/api/v1/reports/mismatch-rate?by=floor", key);
        var from = hub.get("/api/v1/reports/mismatch-kinds?from=yesterday", key);
        var format = hub.get("/api/v1/reports/mismatch-kinds?format=xlsx", key);
        var backwards = hub.get("/api/v1/reports/mismatch-kinds?from=2026-11-22&to=2026-11-21", key);

        assertThat(by.statusCode()).isEqualTo(400);
        assertThat(error(by).getString("field")).isEqualTo("by");
        assertThat(error(from).getString("field")).isEqualTo("from");
        assertThat(error(format).getString("field")).isEqualTo("format");
        assertThat(error(backwards).getString("field")).isEqualTo("to");
    }
}
