package io.packcheck.station.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The station's SQLite file: migrated by Flyway on open, WAL journal, {@code synchronous=FULL} so a
 * committed verdict survives a power cut. One connection serves everyone, guarded by a lock:
 * SQLite writes one transaction at a time anyway, and a single connection lets every statement
 * stay prepared.
 */
public final class StationDatabase implements AutoCloseable {

    /** The file inside the data directory. */
    public static final String FILE_NAME = "station.db";

    private static final int BUSY_TIMEOUT_MILLIS = 5_000;

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    // PRAGMA data_version as this connection last saw it; it moves only with commits of other connections
    private long seenDataVersion = -1;

    private StationDatabase(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating if needed) {@code station.db} in the data directory and migrates it. */
    public static StationDatabase openIn(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create data directory " + dataDir + ": " + e.getMessage(), e);
        }
        return open(dataDir.resolve(FILE_NAME));
    }

    /** Opens (creating if needed) the database file and brings its schema up to date. */
    public static StationDatabase open(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.enforceForeignKeys(true);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/station")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            return new StationDatabase(file, connection);
        } catch (SQLException | RuntimeException e) {
            throw new StoreException("cannot open station database " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** Runs the work in one transaction: all of it is committed, or none of it. */
    <T> T transaction(SqlWork<T> work) {
        lock.lock();
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(this);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("station database: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs read-only work under the lock, so no write of this process lands between its statements. */
    <T> T read(SqlWork<T> work) {
        lock.lock();
        try {
            return work.run(this);
        } catch (SQLException e) {
            throw new StoreException("station database: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** A prepared statement kept for the life of the connection; only call it while holding the lock. */
    PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        statement.clearParameters();
        return statement;
    }

    /**
     * Whether another connection (an {@code import} run into this data directory, say) committed since the
     * last call; the first call only takes note. The station's own writes never count.
     */
    public boolean changedByOthers() {
        return read(d -> {
            long version;
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("PRAGMA data_version")) {
                version = rs.next() ? rs.getLong(1) : 0;
            }
            boolean changed = seenDataVersion >= 0 && version != seenDataVersion;
            seenDataVersion = version;
            return changed;
        });
    }

    @Override
    public void close() {
        lock.lock();
        try {
            for (PreparedStatement statement : statements.values()) {
                statement.close();
            }
            statements.clear();
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close station database " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Database work that may throw {@link SQLException}. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(StationDatabase db) throws SQLException;
    }
}
