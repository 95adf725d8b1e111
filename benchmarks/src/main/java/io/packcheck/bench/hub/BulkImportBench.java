package io.packcheck.bench.hub;

import io.packcheck.hub.auth.CredentialKind;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * Bulk import of order lines through {@code POST /api/v1/orders/bulk}. Arguments: orders (default
 * 200000) and lines per order (default 5), i.e. 1,000,000 order lines. Prints the elapsed time.
 */
public final class BulkImportBench {

    public static void main(String[] args) {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int linesPerOrder = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        try (HubUnderLoad hub = new HubUnderLoad(4)) {
            String key = hub.secret(CredentialKind.APIKEY, "bench");
            Buffer body = Buffer.buffer(orders * (60 + 32 * linesPerOrder));
            for (int o = 0; o < orders; o++) {
                body.appendString("{\"id\":\"ORD-").appendString(Integer.toString(o)).appendString("\",\"priority\":")
                        .appendString(Integer.toString(o % 3)).appendString(",\"shipBy\":\"2026-11-22T16:00:00Z\",\"lines\":[");
                for (int l = 0; l < linesPerOrder; l++) {
                    if (l > 0) {
                        body.appendString(",");
                    }
                    body.appendString("{\"sku\":\"SKU-").appendString(Integer.toString((o * 7 + l * 13) % 50_000))
                            .appendString("-").appendString(Integer.toString(l)).appendString("\",\"quantity\":")
                            .appendString(Integer.toString(1 + l % 4)).appendString("}");
                }
                body.appendString("]}\n");
            }
            System.out.printf("bulk import: %d orders x %d lines = %d order lines, %.1f MB of NDJSON%n",
                    orders, linesPerOrder, (long) orders * linesPerOrder, body.length() / 1e6);
            long start = System.nanoTime();
            var response = HubUnderLoad.await(hub.client.post("/api/v1/orders/bulk").bearerTokenAuthentication(key)
                    .putHeader("Content-Type", "application/x-ndjson").timeout(600_000).sendBuffer(body));
            double seconds = (System.nanoTime() - start) / 1e9;
            double importSeconds = seconds;
            JsonObject result = response.bodyAsJsonObject();
            System.out.printf("bulk import: HTTP %d created=%d refused=%d in %.1f s (%.0f order lines/s, %.0f orders/s)%n",
                    response.statusCode(), result.getLong("created"), result.getLong("refused"), seconds,
                    orders * (double) linesPerOrder / seconds, orders / seconds);
            start = System.nanoTime();
            response = HubUnderLoad.await(hub.client.post("/api/v1/orders/bulk").bearerTokenAuthentication(key)
                    .timeout(600_000).sendBuffer(body));
            seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("bulk re-import of the same file: unchanged=%d in %.1f s%n",
                    response.bodyAsJsonObject().getLong("unchanged"), seconds);
            System.out.printf("target: 1,000,000 order lines in <= 60 s; measured %d lines in %.1f s%n",
                    orders * (long) linesPerOrder, importSeconds);
        }
    }
}
