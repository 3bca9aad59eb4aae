package dev.ponder.book.job;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The job's memory, in the book folder ({@value #FILE_NAME}): one committed row a finished step, so that a killed
 * job resumes at its first unfinished step and never redoes a finished one. Also a log of step starts, which shows
 * whether any step ran twice.
 */
public final class JobStore implements AutoCloseable {

    public static final String FILE_NAME = "book-job.db";

    private final Path file;
    private final Connection connection;

    private JobStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    public static JobStore open(Path bookDir) {
        Path file = bookDir.resolve(FILE_NAME);
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
                // A step is long work: losing one to a power cut costs more than the fsync.
                statement.execute("PRAGMA synchronous=FULL");
                statement.execute("PRAGMA busy_timeout=5000");
                statement.execute("""
                        CREATE TABLE IF NOT EXISTS step (
                          name TEXT PRIMARY KEY,
                          input_hash TEXT NOT NULL,
                          status TEXT NOT NULL CHECK (status IN ('done', 'failed')),
                          output TEXT,
                          thinking TEXT,
                          error TEXT,
                          attempts INTEGER NOT NULL,
                          tokens INTEGER NOT NULL,
                          millis INTEGER NOT NULL,
                          finished_at INTEGER NOT NULL)""");
                statement.execute("""
                        CREATE TABLE IF NOT EXISTS step_failure (
                          id INTEGER PRIMARY KEY,
                          name TEXT NOT NULL,
                          failed_at INTEGER NOT NULL)""");
                statement.execute("""
                        CREATE TABLE IF NOT EXISTS step_start (
                          id INTEGER PRIMARY KEY,
                          name TEXT NOT NULL,
                          started_at INTEGER NOT NULL)""");
            }
            return new JobStore(file, connection);
        } catch (SQLException e) {
            throw new BookJobException("cannot open the job record " + file + ": " + e.getMessage()
                    + ". Is the book folder writable?", e);
        }
    }

    /** The step's record if it finished from exactly these inputs. */
    public synchronized Optional<StepRecord> doneWith(String name, String inputHash) {
        return find(name).filter(record -> record.done() && record.inputHash().equals(inputHash));
    }

    public synchronized Optional<StepRecord> find(String name) {
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM step WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("reading step " + name, e);
        }
    }

    public synchronized List<StepRecord> all() {
        List<StepRecord> records = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM step ORDER BY finished_at, name");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                records.add(read(row));
            }
            return records;
        } catch (SQLException e) {
            throw failure("reading the steps", e);
        }
    }

    public synchronized void started(String name) {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO step_start (name, started_at) VALUES (?, ?)")) {
            insert.setString(1, name);
            insert.setLong(2, System.currentTimeMillis());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw failure("recording the start of step " + name, e);
        }
    }

    /** How many times each step was started, over every run of the job. */
    public synchronized int starts(String name) {
        try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM step_start WHERE name = ?")) {
            count.setString(1, name);
            try (ResultSet row = count.executeQuery()) {
                return row.next() ? row.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw failure("counting starts of " + name, e);
        }
    }

    /**
     * Forgets a finished step, so that the next run writes it anew (regenerating a part of the book). It counts as a
     * rejection: the new reply is sampled afresh rather than repeating the forgotten one.
     */
    public synchronized boolean forget(String name) {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM step WHERE name = ?");
             PreparedStatement reject = connection.prepareStatement(
                     "INSERT INTO step_failure (name, failed_at) VALUES (?, ?)")) {
            delete.setString(1, name);
            boolean forgotten = delete.executeUpdate() > 0;
            if (forgotten) {
                reject.setString(1, name);
                reject.setLong(2, System.currentTimeMillis());
                reject.executeUpdate();
            }
            return forgotten;
        } catch (SQLException e) {
            throw failure("forgetting step " + name, e);
        }
    }

    /** How many times the step's replies were all rejected, over every run of the job. */
    public synchronized int failures(String name) {
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT count(*) FROM step_failure WHERE name = ?")) {
            count.setString(1, name);
            try (ResultSet row = count.executeQuery()) {
                return row.next() ? row.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw failure("counting failures of " + name, e);
        }
    }

    public synchronized void save(StepRecord record) {
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO step (name, input_hash, status, output, thinking, error, attempts, tokens, millis,
                                  finished_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET input_hash = excluded.input_hash, status = excluded.status,
                  output = excluded.output, thinking = excluded.thinking, error = excluded.error,
                  attempts = excluded.attempts, tokens = excluded.tokens, millis = excluded.millis,
                  finished_at = excluded.finished_at""")) {
            upsert.setString(1, record.name());
            upsert.setString(2, record.inputHash());
            upsert.setString(3, record.status());
            upsert.setString(4, record.output());
            upsert.setString(5, record.thinking());
            upsert.setString(6, record.error());
            upsert.setInt(7, record.attempts());
            upsert.setInt(8, record.tokens());
            upsert.setLong(9, record.millis());
            upsert.setLong(10, record.finishedAt().toEpochMilli());
            upsert.executeUpdate();
            if (!record.done()) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO step_failure (name, failed_at) VALUES (?, ?)")) {
                    insert.setString(1, record.name());
                    insert.setLong(2, record.finishedAt().toEpochMilli());
                    insert.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw failure("saving step " + record.name(), e);
        }
    }

    private static StepRecord read(ResultSet row) throws SQLException {
        return new StepRecord(row.getString("name"), row.getString("input_hash"), row.getString("status"),
                row.getString("output"), row.getString("thinking"), row.getString("error"), row.getInt("attempts"),
                row.getInt("tokens"), row.getLong("millis"), Instant.ofEpochMilli(row.getLong("finished_at")));
    }

    private BookJobException failure(String doing, SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("SQLITE_FULL") || message.contains("disk is full")) {
            return new BookJobException("the disk is full while " + doing + " in " + file
                    + ": free some space and run ponder book resume; finished steps are kept", e);
        }
        return new BookJobException("the job record " + file + " failed while " + doing + ": " + message, e);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("closing", e);
        }
    }
}
