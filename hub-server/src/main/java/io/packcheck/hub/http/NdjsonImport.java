package io.packcheck.hub.http;

import io.packcheck.protocol.ProtocolException;
import io.packcheck.hub.storage.Conflict;
import io.packcheck.hub.storage.Missing;
import io.packcheck.hub.storage.Write;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.parsetools.RecordParser;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A bulk import of JSON lines, streamed: lines are parsed as they arrive and written in batches, the
 * request paused while a batch is written. Every line is applied whole or refused with its line number,
 * field and reason; a refused line changes nothing.
 */
final class NdjsonImport<T> {

    static final int BATCH = 1000;
    /** Refusals listed in the answer; beyond it they are only counted, so a bad file cannot balloon the reply. */
    static final int MAX_LISTED = 1000;

    private final HubServices hub;
    private final Function<JsonObject, T> parse;
    private final Function<T, Write> apply;

    NdjsonImport(HubServices hub, Function<JsonObject, T> parse, Function<T, Write> apply) {
        this.hub = hub;
        this.parse = parse;
        this.apply = apply;
    }

    private record Line<T>(long number, T value) {}

    private final class Run {
        long lineNumber;
        long bytes;
        long created;
        long updated;
        long unchanged;
        long refused;
        final JsonArray refusals = new JsonArray();
        List<Line<T>> batch = new ArrayList<>();
        Future<Void> written = Future.succeededFuture();
        boolean failed;

        void refuse(long line, String code, String field, String message) {
            refused++;
            if (refusals.size() < MAX_LISTED) {
                refusals.add(new JsonObject().put("line", line).put("code", code).put("field", field).put("message", message));
            }
        }

        void flush() {
            List<Line<T>> lines = batch;
            batch = new ArrayList<>();
            if (lines.isEmpty()) {
                return;
            }
            written = written.compose(v -> hub.db().call(() -> hub.storage().catalog().inBatch(lines,
                    line -> apply.apply(line.value()),
                    (line, error) -> {
                        refuseStored(line.number(), error);
                        return null;
                    }))).map(results -> {
                        for (Write w : results) {
                            if (w == Write.CREATED) {
                                created++;
                            } else if (w == Write.UPDATED) {
                                updated++;
                            } else if (w == Write.UNCHANGED) {
                                unchanged++;
                            }
                        }
                        return null;
                    });
        }

        // Runs on the database thread, but only while the event loop waits on this batch, so no race.
        void refuseStored(long line, RuntimeException error) {
            if (error instanceof Conflict c) {
                refuse(line, c.code(), c.field(), c.getMessage());
            } else if (error instanceof Missing m) {
                refuse(line, "not_found", m.field(), m.getMessage());
            } else if (error instanceof ProtocolException p) {
                refuse(line, "invalid", p.field(), p.getMessage());
            } else {
                refuse(line, "invalid", "", String.valueOf(error.getMessage()));
            }
        }
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        Run run = new Run();
        RecordParser parser = RecordParser.newDelimited("\n", request).maxRecordSize(hub.limits().maxBulkLine());
        parser.handler(buffer -> onLine(ctx, run, parser, buffer));
        parser.exceptionHandler(error -> {
            run.failed = true;
            ctx.fail(new ApiError(413, "too_large", "line " + (run.lineNumber + 1),
                    "a line is longer than " + hub.limits().maxBulkLine() + " bytes"));
        });
        parser.endHandler(v -> {
            if (run.failed) {
                return;
            }
            run.flush();
            run.written.onSuccess(x -> Bodies.respond(ctx, 200, new JsonObject()
                    .put("lines", run.lineNumber)
                    .put("created", run.created)
                    .put("updated", run.updated)
                    .put("unchanged", run.unchanged)
                    .put("refused", run.refused)
                    .put("refusals", run.refusals))).onFailure(ctx::fail);
        });
        request.resume();
    }

    private void onLine(RoutingContext ctx, Run run, RecordParser parser, Buffer buffer) {
        if (run.failed) {
            return;
        }
        run.lineNumber++;
        run.bytes += buffer.length() + 1;
        if (run.bytes > hub.limits().bulkBody()) {
            run.failed = true;
            ctx.fail(new ApiError(413, "too_large", "", "the import is larger than " + hub.limits().bulkBody()
                    + " bytes; split it (lines up to " + (run.lineNumber - 1) + " were applied)"));
            return;
        }
        String text = buffer.toString().strip();
        if (text.isEmpty()) {
            return;
        }
        try {
            if (!text.startsWith("{")) {
                throw new DecodeException("a line must be one JSON object");
            }
            run.batch.add(new Line<>(run.lineNumber, parse.apply(new JsonObject(text))));
        } catch (DecodeException e) {
            run.refuse(run.lineNumber, "malformed_json", "", "not a JSON object: " + firstLine(e.getMessage()));
        } catch (ProtocolException e) {
            run.refuse(run.lineNumber, e.problem() == ProtocolException.Problem.OUT_OF_RANGE ? "out_of_range" : "invalid",
                    e.field(), e.getMessage());
        } catch (IllegalArgumentException e) {
            run.refuse(run.lineNumber, "invalid", "", e.getMessage());
        }
        if (run.batch.size() >= BATCH) {
            parser.pause();
            run.flush();
            run.written.onComplete(x -> {
                if (x.failed()) {
                    run.failed = true;
                    ctx.fail(x.cause());
                } else {
                    parser.resume();
                }
            });
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
