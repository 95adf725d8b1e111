package io.packcheck.hub.dashboard;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's pages, put together once at startup: each file under {@code dashboard/pages} holds only its
 * own {@code <main>}, and {@code dashboard/layout.html} wraps the head, the header with the navigation and the
 * scripts around it. The layout's placeholders are {@code {{title}}}, {@code {{main}}} and {@code {{script}}}
 * (the page's own script, loaded after {@code app.js}).
 */
final class DashboardPages {

    private static final String PREFIX = "/dashboard/";

    /** A page: its file under {@code dashboard/pages}, what follows "PackCheck — " in its title, its script. */
    private record Page(String file, String title, String script) {}

    private static final List<Page> PAGES = List.of(
            new Page("index.html", "floor", "wall.js"),
            new Page("orders.html", "orders", "orders.js"),
            new Page("weekly.html", "weekly report", "weekly.js"),
            new Page("admin.html", "users", "admin.js"));

    private final Map<String, Buffer> byFile = new HashMap<>();

    DashboardPages() {
        String layout = resource("/dashboard/layout.html");
        for (Page page : PAGES) {
            String main = resource("/dashboard/pages/" + page.file()).stripTrailing();
            String html = layout.replace("{{title}}", page.title()).replace("{{script}}", page.script())
                    .replace("{{main}}", main);
            byFile.put(page.file(), Buffer.buffer(html));
        }
    }

    /** Serves a page under /dashboard/ (the floor for the folder itself); anything else goes on to a 404. */
    void serve(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        String path = ctx.normalizedPath();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            ctx.next();
            return;
        }
        // The route also matches the folder without its slash; the pages' links are relative to the folder.
        if (!path.startsWith(PREFIX)) {
            ctx.response().setStatusCode(301).putHeader("Location", PREFIX).end();
            return;
        }
        String file = path.substring(PREFIX.length());
        Buffer page = byFile.get(file.isEmpty() ? "index.html" : file);
        if (page == null) {
            ctx.next();
            return;
        }
        // Set by hand so that HEAD tells the length too.
        ctx.response().putHeader("Content-Type", "text/html;charset=UTF-8")
                .putHeader("Content-Length", String.valueOf(page.length()));
        ctx.end(page);
    }

    /** A text file from the jar, read as UTF-8. */
    static String resource(String path) {
        try (InputStream in = DashboardPages.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
