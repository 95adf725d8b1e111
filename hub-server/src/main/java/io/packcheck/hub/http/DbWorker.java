package io.packcheck.hub.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;

/**
 * Runs repository calls off the event loop, one at a time on one thread: SQLite has one writer, and
 * its connection must not be shared between threads.
 */
public final class DbWorker implements AutoCloseable {

    private final WorkerExecutor executor;

    public DbWorker(Vertx vertx) {
        this.executor = vertx.createSharedWorkerExecutor("packcheck-db", 1);
    }

    public <T> Future<T> call(Callable<T> work) {
        return executor.executeBlocking(work, true);
    }

    @Override
    public void close() {
        executor.close();
    }
}
