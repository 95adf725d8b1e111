package io.packcheck.hub.storage;

import java.util.function.LongConsumer;

/** The database under the repositories, as the service needs to see it: health, change signal, shutdown. */
public interface StorageEngine extends AutoCloseable {

    boolean isHealthy();

    /** Called after each commit that changed the catalog, with the new change head. */
    void onChange(LongConsumer listener);

    @Override
    void close();
}
