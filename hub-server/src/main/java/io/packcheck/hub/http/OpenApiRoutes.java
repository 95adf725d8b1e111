package io.packcheck.hub.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the API description at {@code /api/v1/openapi.yaml}, without authentication. */
public final class OpenApiRoutes {

    public static final String RESOURCE = "/openapi/packcheck-hub.yaml";

    public void mount(Router router) {
        Buffer yaml = Buffer.buffer(load());
        router.get("/api/v1/openapi.yaml").setName("openapi")
                .handler(ctx -> ctx.response().putHeader("Content-Type", "application/yaml").end(yaml));
    }

    public static byte[] load() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
