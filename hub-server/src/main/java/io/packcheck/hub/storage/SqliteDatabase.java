package io.packcheck.hub.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;

/**
 * The hub's SQLite file: migrated by Flyway, in WAL mode, one connection. SQLite has a single writer
 * anyway, so every call runs on one thread (the hub's database worker); that also makes commit order
 * equal to sequence order, which the cursors rely on.
 */
public final class SqliteDatabase implements StorageEngine {

    public static final String FILE_NAME = "hub.db";

    private final Connection connection;
    private final AtomicLong changeHead = new AtomicLong();
    private final CopyOnWriteArrayList<LongConsumer> changeListeners = new CopyOnWriteArrayList<>();
    private long pendingHead = -1;
    private int depth;

    private final Connection checkpointConnection;
    private final ScheduledExecutorService checkpointer;
    // statements of the hot paths, prepared once on the one connection (SQLite compiles each prepare anew)
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    private SqliteDatabase(Connection connection, Connection checkpointConnection) {
        this.connection = connection;
        this.checkpointConnection = checkpointConnection;
        this.checkpointer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "packcheck-db-checkpoint");
            t.setDaemon(true);
            return t;
        });
        // Checkpoints copy the WAL into the database file and sync it; on the writer's thread they stall
        // every request behind them for tens of milliseconds. A passive checkpoint from a second
        // connection runs beside the writer instead.
        checkpointer.scheduleWithFixedDelay(this::checkpoint, 1, 1, TimeUnit.SECONDS);
    }

    private void checkpoint() {
        try (Statement s = checkpointConnection.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException e) {
            // The next round tries again; the writer's WAL only grows meanwhile.
        }
    }

    /**
     * The data directory 700 and the database 600 (created so before SQLite first opens it, and its -wal and
     * -shm, which SQLite creates with the database's mode): it holds credential hashes and every pack record.
     */
    private static void ownerOnly(Path dataDir) throws java.io.IOException {
        if (!java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(dataDir);
            return;
        }
        var directory = java.nio.file.attribute.PosixFilePermissions.fromString("rwx------");
        var file = java.nio.file.attribute.PosixFilePermissions.fromString("rw-------");
        if (!Files.isDirectory(dataDir)) {
            Files.createDirectories(dataDir, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(directory));
        }
        Files.setPosixFilePermissions(dataDir, directory);
        Path db = dataDir.resolve(FILE_NAME);
        if (!Files.exists(db)) {
            Files.createFile(db, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(file));
        }
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Path part = dataDir.resolve(FILE_NAME + suffix);
            if (Files.exists(part)) {
                Files.setPosixFilePermissions(part, file);
            }
        }
    }

    /** Opens (creating if needed) {@code hub.db} in the data directory and brings its schema up to date. */
    public static SqliteDatabase open(Path dataDir) {
        try {
            ownerOnly(dataDir);
            String url = "jdbc:sqlite:" + dataDir.resolve(FILE_NAME).toAbsolutePath();
            Flyway.configure()
                    .dataSource(url, null, null)
                    .locations("classpath:db/migration/sqlite")
                    .load()
                    .migrate();
            // Nothing reads generated keys; sqlite-jdbc would otherwise prepare a query after every insert.
            SQLiteConfig config = new SQLiteConfig();
            config.setGetGeneratedKeys(false);
            Connection connection = DriverManager.getConnection(url, config.toProperties());
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                // FULL: a commit is on disk before the hub answers, so events it confirmed to a station (which
                // then never sends them again) survive a power cut too. NORMAL would lose the last commits.
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA foreign_keys=ON");
                // The admin CLI may write while the hub runs.
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("PRAGMA wal_autocheckpoint=0");
            }
            connection.setAutoCommit(false);
            Connection checkpointConnection = DriverManager.getConnection(url);
            try (Statement s = checkpointConnection.createStatement()) {
                s.execute("PRAGMA busy_timeout=5000");
            }
            SqliteDatabase db = new SqliteDatabase(connection, checkpointConnection);
            db.changeHead.set(db.queryLong(
                    "SELECT max(m) FROM (SELECT max(change_seq) m FROM item UNION ALL SELECT max(change_seq) FROM badge"
                            + " UNION ALL SELECT max(change_seq) FROM pack_order UNION ALL SELECT max(change_seq) FROM box)"));
            return db;
        } catch (Exception e) {
            throw new IllegalStateException("cannot open the hub database in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** Work on the connection; a thrown exception rolls everything back. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs the work in one transaction; inside another transaction it joins that one. Not thread safe:
     * callers serialise (the hub's single database worker).
     */
    public <T> T transaction(SqlWork<T> work) {
        if (depth > 0) {
            return runNested(work);
        }
        pendingHead = -1;
        depth++;
        try {
            T result = work.run(connection);
            connection.commit();
            if (pendingHead > 0) {
                changeHead.set(pendingHead);
                long head = pendingHead;
                changeListeners.forEach(l -> l.accept(head));
            }
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw unchecked(e);
        } finally {
            depth--;
            pendingHead = -1;
        }
    }

    /**
     * A statement on the database's connection, prepared on first use and kept until the database closes: for
     * the statements every ingested event runs. The caller binds and runs it but never closes it; database
     * thread only.
     */
    public PreparedStatement prepared(String sql) throws SQLException {
        PreparedStatement s = statements.get(sql);
        if (s == null) {
            s = connection.prepareStatement(sql);
            statements.put(sql, s);
        }
        return s;
    }

    /** Runs the work inside the current transaction under a savepoint: if it throws, only its own writes are undone. */
    public <T> T savepoint(SqlWork<T> work) {
        if (depth == 0) {
            return transaction(work);
        }
        try {
            Savepoint savepoint = connection.setSavepoint();
            try {
                T result = runNested(work);
                connection.releaseSavepoint(savepoint);
                return result;
            } catch (RuntimeException e) {
                connection.rollback(savepoint);
                connection.releaseSavepoint(savepoint);
                throw e;
            }
        } catch (SQLException e) {
            throw unchecked(e);
        }
    }

    private <T> T runNested(SqlWork<T> work) {
        depth++;
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw unchecked(e);
        } finally {
            depth--;
        }
    }

    private static RuntimeException unchecked(Exception e) {
        if (e instanceof RuntimeException r) {
            return r;
        }
        return new IllegalStateException("database: " + e.getMessage(), e);
    }

    /** Takes the next change sequence number; listeners hear of it once the transaction commits. */
    long nextChangeSeq() {
        long base = pendingHead > 0 ? pendingHead : changeHead.get();
        pendingHead = base + 1;
        return pendingHead;
    }

    public long changeHead() {
        return changeHead.get();
    }

    /** Called on the database thread after each commit that changed the catalog, with the new head. */
    @Override
    public void onChange(LongConsumer listener) {
        changeListeners.add(listener);
    }

    @Override
    public boolean isHealthy() {
        try {
            return transaction(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
                    return rs.next();
                }
            });
        } catch (RuntimeException e) {
            return false;
        }
    }

    private long queryLong(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            long value = rs.next() ? rs.getLong(1) : 0;
            connection.commit();
            return value;
        }
    }

    @Override
    public void close() {
        checkpointer.shutdownNow();
        try {
            checkpointer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            for (PreparedStatement s : statements.values()) {
                s.close();
            }
            checkpointConnection.close();
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("closing the hub database: " + e.getMessage(), e);
        }
    }
}
