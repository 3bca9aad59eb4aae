package dev.ponder.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The one SQLite file ({@value #FILE_NAME}) in the data folder, opened with the settings chat storage relies on,
 * and migrated to the current schema at open.
 *
 * <p>Settings: WAL journal (readers never block the streaming writer, and a killed process loses nothing that was
 * committed); {@code synchronous=NORMAL} (in WAL mode this is safe against application crashes, and only the last
 * commits can be lost on power failure, which is the right trade for a flush every 250 ms); foreign keys on (deleting
 * a conversation deletes its messages); a busy timeout so a short lock held by another process is waited out.
 *
 * <p>Threading: there is one JDBC connection, and an sqlite-jdbc connection is not safe for concurrent use. Every
 * access goes through {@link #read} or {@link #write}, which hold one lock for the whole unit of work, so the
 * streaming thread's periodic saves and the UI thread's reads simply take turns. Each unit is short (one statement or
 * one small transaction), so nobody waits long.
 *
 * <p>Errors: every {@link SQLException} leaves this class as a {@link StoreException} whose message names the file
 * and says what the user can do next.
 */
public final class Database implements AutoCloseable {

    public static final String FILE_NAME = "ponder.db";
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** A unit of work on the connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Path file;
    private final Connection connection;
    private final int migrationsApplied;
    private final Object lock = new Object();
    private boolean closed;

    private Database(Path file, Connection connection, int migrationsApplied) {
        this.file = file;
        this.connection = connection;
        this.migrationsApplied = migrationsApplied;
    }

    /** Opens (creating if needed) {@value #FILE_NAME} in {@code dataDir} and brings its schema up to date. */
    public static Database open(Path dataDir) {
        return open(dataDir, DEFAULT_BUSY_TIMEOUT);
    }

    /** As {@link #open(Path)}, waiting at most {@code busyTimeout} for another process's lock. */
    public static Database open(Path dataDir, Duration busyTimeout) {
        Path dir = dataDir.toAbsolutePath().normalize();
        DataDirectory.ensureExists(dir);
        Path file = dir.resolve(FILE_NAME);
        if (Files.isDirectory(file)) {
            throw new StoreException(StoreException.Kind.CANNOT_OPEN, cannotOpen(file));
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
        Connection connection;
        try {
            connection = config.createConnection("jdbc:sqlite:" + file);
        } catch (SQLException e) {
            throw translate(e, file, "opening the database");
        }
        try {
            checkJournalMode(connection, file);
            checkOwnership(connection, file);
            int applied = Migrations.run(connection);
            if (applied > 0) {
                LOG.info("Migrated {} to schema version {}", file, Migrations.latestVersion());
            }
            return new Database(file, connection, applied);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection, e);
            if (e instanceof StoreException se) {
                throw se;
            }
            if (e instanceof SQLException sql) {
                throw translate(sql, file, "preparing the database");
            }
            throw (RuntimeException) e;
        }
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /** The data folder holding the file. */
    public Path directory() {
        return file.getParent();
    }

    /** How many migrations ran when this database was opened (0 when it was already current). */
    public int migrationsApplied() {
        return migrationsApplied;
    }

    /** The schema version ({@code PRAGMA user_version}). */
    public int schemaVersion() {
        return read("reading the schema version", Migrations::userVersion);
    }

    /**
     * Runs read-only {@code work} (or a single self-contained statement) in autocommit mode.
     *
     * @param action what is being done, for error messages, e.g. "loading conversation 3"
     */
    public <T> T read(String action, Work<T> work) {
        synchronized (lock) {
            ensureOpen();
            try {
                return work.run(connection);
            } catch (SQLException e) {
                throw translate(e, file, action);
            }
        }
    }

    /**
     * Runs {@code work} in one write transaction: all of it is committed or none of it. The transaction is
     * {@code BEGIN IMMEDIATE} so the write lock is taken (or waited for) up front instead of failing mid-way.
     *
     * @param action what is being done, for error messages, e.g. "saving message 12"
     */
    public <T> T write(String action, Work<T> work) {
        synchronized (lock) {
            ensureOpen();
            try (Statement st = connection.createStatement()) {
                st.executeUpdate("BEGIN IMMEDIATE");
                try {
                    T result = work.run(connection);
                    st.executeUpdate("COMMIT");
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollback(st, e);
                    throw e;
                }
            } catch (SQLException e) {
                throw translate(e, file, action);
            }
        }
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /** Closes the connection; later calls fail with {@link StoreException.Kind#CLOSED}. Idempotent. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                connection.close();
            } catch (SQLException e) {
                throw translate(e, file, "closing the database");
            }
        }
    }

    /**
     * Words an SQLite failure for the user: what happened, the file, what to do next.
     *
     * @param action what was being done, e.g. "saving message 12"
     */
    static StoreException translate(SQLException e, Path file, String action) {
        int primary = e instanceof SQLiteException se ? se.getResultCode().code & 0xff : e.getErrorCode() & 0xff;
        Path dir = file.getParent();
        if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
            return new StoreException(StoreException.Kind.DISK_FULL,
                    "disk full while " + action + ": free space in " + dir + "; the text so far is kept", e);
        }
        if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return new StoreException(StoreException.Kind.LOCKED,
                    "the database " + file + " is locked by another Ponder process (while " + action
                            + "); close it and retry",
                    e);
        }
        if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code || primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
            return new StoreException(StoreException.Kind.CORRUPT, notPonders(file), e);
        }
        if (primary == SQLiteErrorCode.SQLITE_CANTOPEN.code) {
            return new StoreException(StoreException.Kind.CANNOT_OPEN, cannotOpen(file), e);
        }
        if (primary == SQLiteErrorCode.SQLITE_READONLY.code || primary == SQLiteErrorCode.SQLITE_PERM.code) {
            return new StoreException(StoreException.Kind.READ_ONLY,
                    "cannot write to the database " + file + " (while " + action + "): it or its folder is read-only;"
                            + " fix the permissions or pick another folder with --data-dir",
                    e);
        }
        if (primary == SQLiteErrorCode.SQLITE_IOERR.code) {
            return new StoreException(StoreException.Kind.OTHER,
                    "disk error on " + file + " while " + action + ": check the disk and free space in " + dir
                            + ", then retry; what was saved before is kept",
                    e);
        }
        return new StoreException(StoreException.Kind.OTHER,
                "database error on " + file + " while " + action + ": " + e.getMessage(), e);
    }

    private static String cannotOpen(Path file) {
        return "cannot open the database " + file + ": check that it is a file in a folder you can write to, or pick"
                + " another folder with --data-dir";
    }

    private static String notPonders(Path file) {
        return file + " is not a Ponder database or is corrupt: move it aside (Ponder then starts a new one) or"
                + " restore a backup, or pick another folder with --data-dir";
    }

    /** WAL is what keeps streaming saves cheap and crash-safe; say so if the file system refused it. */
    private static void checkJournalMode(Connection connection, Path file) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
            String mode = rs.next() ? rs.getString(1) : "?";
            if (!"wal".equalsIgnoreCase(mode)) {
                LOG.warn("{} uses journal mode {} instead of WAL (network drive?); saving is slower", file, mode);
            }
        }
    }

    /** Refuses SQLite files of other programs and files from a newer Ponder, before any migration touches them. */
    private static void checkOwnership(Connection connection, Path file) throws SQLException {
        int appId = Migrations.intPragma(connection, "application_id");
        int version = Migrations.userVersion(connection);
        int objects;
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_schema")) {
            objects = rs.next() ? rs.getInt(1) : 0;
        }
        boolean foreign = appId != 0 ? appId != Migrations.APPLICATION_ID : version == 0 && objects > 0;
        if (foreign) {
            throw new StoreException(StoreException.Kind.CORRUPT, notPonders(file));
        }
        if (version > Migrations.latestVersion()) {
            throw new StoreException(StoreException.Kind.TOO_NEW,
                    file + " was written by a newer Ponder (schema version " + version + ", this one knows up to "
                            + Migrations.latestVersion() + "): update Ponder, or pick another folder with --data-dir");
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException(StoreException.Kind.CLOSED, "the database " + file + " is already closed");
        }
    }

    private static void rollback(Statement st, Exception e) {
        try {
            st.executeUpdate("ROLLBACK");
        } catch (SQLException suppressed) {
            // SQLite may already have rolled back (e.g. after SQLITE_FULL); nothing more to undo.
            e.addSuppressed(suppressed);
        }
    }

    private static void closeQuietly(Connection connection, Exception e) {
        try {
            connection.close();
        } catch (SQLException suppressed) {
            e.addSuppressed(suppressed);
        }
    }
}
