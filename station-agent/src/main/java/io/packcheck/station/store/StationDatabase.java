package io.packcheck.station.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteException;

/**
 * The station's SQLite file: migrated by Flyway on open, WAL journal, {@code synchronous=FULL} so a
 * committed verdict survives a power cut. One connection serves everyone, guarded by a lock:
 * SQLite writes one transaction at a time anyway, and a single connection lets every statement
 * stay prepared.
 *
 * <p>A damaged file is found at open ({@link #AT_START}) and whenever SQLite reports corruption, or an I/O
 * error after which {@code quick_check} finds problems: the failure then names the file and the way out
 * ({@code station-agent repair}), and whoever listens through {@link #onDamage} is told once. A full disk is
 * reported as a full disk. The directory is kept 700 and the file 600.
 */
public final class StationDatabase implements AutoCloseable {

    /** The file inside the data directory. */
    public static final String FILE_NAME = "station.db";

    private static final int BUSY_TIMEOUT_MILLIS = 5_000;
    // problems listed by a check; the first few say enough to recognise damage
    private static final int PROBLEMS_LISTED = 10;

    /** SQLite's two integrity checks: {@code quick_check} skips matching indexes against their tables. */
    public enum Check {
        QUICK("quick_check"), FULL("integrity_check");

        final String pragma;

        Check(String pragma) {
            this.pragma = pragma;
        }
    }

    /**
     * The check every open runs. {@code quick_check} reads every page and so finds a damaged page, which is
     * what a power cut or a worn SD card leaves; it costs a fraction of {@code integrity_check} on a
     * realistic cache (figures: scripts/bench-station-integrity).
     */
    public static final Check AT_START = Check.QUICK;

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    // PRAGMA data_version as this connection last saw it; it moves only with commits of other connections
    private long seenDataVersion = -1;
    private Optional<StoreException> damage = Optional.empty();
    private Consumer<StoreException> damageListener = d -> {};

    private StationDatabase(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating if needed) {@code station.db} in the data directory and migrates it. */
    public static StationDatabase openIn(Path dataDir) {
        try {
            FileModes.privateDirectory(dataDir);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create data directory " + dataDir + ": " + e.getMessage(), e, faultOf(e));
        }
        return open(dataDir.resolve(FILE_NAME));
    }

    /** Opens (creating if needed) the database file, checks it is sound and brings its schema up to date. */
    public static StationDatabase open(Path file) {
        try {
            FileModes.privateFile(file);
            FileModes.tightenIfPresent(file.resolveSibling(file.getFileName() + "-wal"));
            FileModes.tightenIfPresent(file.resolveSibling(file.getFileName() + "-shm"));
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create station database " + file + ": " + e.getMessage(), e, faultOf(e));
        }
        SQLiteDataSource dataSource = dataSource(file);
        Connection connection = null;
        try {
            // checked before migrating: a migration over a damaged file would only make it worse
            connection = dataSource.getConnection();
            List<String> problems = check(connection, AT_START);
            if (!problems.isEmpty()) {
                throw damaged(file, AT_START.pragma + " found: " + String.join("; ", problems), null);
            }
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/station")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            connection.setAutoCommit(true);
            return new StationDatabase(file, connection);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            if (e instanceof StoreException known) {
                throw known;
            }
            StoreException.Fault fault = faultOf(e);
            if (fault == StoreException.Fault.DAMAGED) {
                throw damaged(file, e.getMessage(), e);
            }
            if (fault == StoreException.Fault.DISK_FULL) {
                throw diskFull(file, e);
            }
            throw new StoreException("cannot open station database " + file + ": " + e.getMessage(), e, fault);
        }
    }

    /** Opens the file as it is, without checking or migrating it: for {@code repair}, which reads what it can. */
    static Connection openAsIs(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return dataSource.getConnection();
    }

    private static SQLiteDataSource dataSource(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.enforceForeignKeys(true);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return dataSource;
    }

    /** The problems the check finds in the file; empty when it is sound. */
    public List<String> check(Check kind) {
        return read(d -> check(connection, kind));
    }

    private static List<String> check(Connection connection, Check kind) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA " + kind.pragma + "(" + PROBLEMS_LISTED + ")")) {
            while (rs.next()) {
                String line = rs.getString(1);
                if (!"ok".equals(line)) {
                    problems.add(line);
                }
            }
        }
        return problems;
    }

    /**
     * Tells the listener once when the file turns out damaged while the station runs (at once if it already
     * has): the station cannot save verdicts any more and should stop, naming the way out.
     */
    public void onDamage(Consumer<StoreException> listener) {
        Optional<StoreException> known;
        lock.lock();
        try {
            damageListener = listener;
            known = damage;
        } finally {
            lock.unlock();
        }
        known.ifPresent(listener);
    }

    /** The way out of a damaged file, for messages. */
    public static String repairHint(Path dataDir) {
        return "stop the station and run: station-agent repair --data " + dataDir.toAbsolutePath()
                + " (keeps the scans not yet sent to the hub, refills the cache from the hub)";
    }

    private static StoreException damaged(Path file, String detail, Throwable cause) {
        Path dir = file.toAbsolutePath().getParent();
        return new StoreException("station database " + file.toAbsolutePath() + " is damaged (" + detail + "); "
                + repairHint(dir), cause, StoreException.Fault.DAMAGED);
    }

    private static StoreException diskFull(Path file, Throwable cause) {
        return new StoreException("the disk holding " + file.toAbsolutePath() + " is full: free space there;"
                + " scans cannot be saved until then (" + cause.getMessage() + ")", cause, StoreException.Fault.DISK_FULL);
    }

    /** What SQLite's result code (or the I/O error) behind a failure says about the file. */
    static StoreException.Fault faultOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException sqlite) {
                int primary = sqlite.getResultCode().code & 0xFF;
                switch (primary) {
                    case 11, 26 -> { // SQLITE_CORRUPT, SQLITE_NOTADB
                        return StoreException.Fault.DAMAGED;
                    }
                    case 13 -> { // SQLITE_FULL
                        return StoreException.Fault.DISK_FULL;
                    }
                    case 10 -> { // SQLITE_IOERR and its extended codes
                        return String.valueOf(sqlite.getMessage()).contains("No space left")
                                ? StoreException.Fault.DISK_FULL : StoreException.Fault.IO_ERROR;
                    }
                    default -> {
                        // look further down the chain
                    }
                }
            }
            if (String.valueOf(t.getMessage()).contains("No space left on device")) {
                return StoreException.Fault.DISK_FULL;
            }
        }
        return StoreException.Fault.OTHER;
    }

    // Called with the lock held. An I/O error may be a damaged page or a passing fault: the quick check tells.
    private StoreException failure(SQLException e) {
        StoreException.Fault fault = faultOf(e);
        if (fault == StoreException.Fault.IO_ERROR) {
            try {
                List<String> problems = check(connection, Check.QUICK);
                if (!problems.isEmpty()) {
                    return noteDamage(damaged(file, e.getMessage() + "; quick_check found: " + String.join("; ", problems), e));
                }
            } catch (SQLException again) {
                if (faultOf(again) == StoreException.Fault.DAMAGED) {
                    return noteDamage(damaged(file, e.getMessage() + "; quick_check: " + again.getMessage(), e));
                }
            }
        }
        return switch (fault) {
            case DAMAGED -> noteDamage(damaged(file, e.getMessage(), e));
            case DISK_FULL -> diskFull(file, e);
            default -> new StoreException("station database: " + e.getMessage(), e, fault);
        };
    }

    private StoreException noteDamage(StoreException damaged) {
        if (damage.isEmpty()) {
            damage = Optional.of(damaged);
            // told on its own thread: the listener may stop the station, which waits for the caller holding this lock
            Consumer<StoreException> listener = damageListener;
            Thread tell = new Thread(() -> listener.accept(damaged), "station-database-damaged");
            tell.setDaemon(true);
            tell.start();
        }
        return damaged;
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already failing; the first failure is the one to report
            }
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
                rollbackAfter(e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            lock.unlock();
        }
    }

    // a rollback that fails too must not hide the failure that caused it
    private void rollbackAfter(Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** Runs read-only work under the lock, so no write of this process lands between its statements. */
    <T> T read(SqlWork<T> work) {
        lock.lock();
        try {
            return work.run(this);
        } catch (SQLException e) {
            throw failure(e);
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
