package dev.ponder.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void openingCreatesTheSchemaAndSetsUserVersion() {
        try (Database db = Database.open(dir)) {
            assertThat(db.file()).isEqualTo(dir.resolve("ponder.db").toAbsolutePath());
            assertThat(db.file()).exists();
            assertThat(db.migrationsApplied()).isEqualTo(Migrations.latestVersion());
            assertThat(db.schemaVersion()).isEqualTo(Migrations.latestVersion()).isGreaterThanOrEqualTo(1);
            assertThat(names(db, "table")).contains("conversation", "message", "message_fts");
            assertThat(names(db, "trigger"))
                    .contains("message_fts_insert", "message_fts_update", "message_fts_delete");
        }
    }

    @Test
    void reopeningDoesNotRunMigrationsAgainAndKeepsData() {
        try (Database db = Database.open(dir)) {
            db.write("test", c -> exec(c, "INSERT INTO conversation (title, created_at, updated_at) VALUES ('kept', 1, 1)"));
        }
        try (Database db = Database.open(dir)) {
            assertThat(db.migrationsApplied()).isZero();
            assertThat(db.schemaVersion()).isEqualTo(Migrations.latestVersion());
            assertThat(query(db, "SELECT title FROM conversation")).isEqualTo("kept");
        }
    }

    @Test
    void theJournalIsWalAndForeignKeysAreOn() {
        try (Database db = Database.open(dir)) {
            assertThat(query(db, "PRAGMA journal_mode")).isEqualTo("wal");
            assertThat(query(db, "PRAGMA foreign_keys")).isEqualTo("1");
            assertThat(query(db, "PRAGMA synchronous")).isEqualTo("1"); // NORMAL
        }
    }

    @Test
    void bundledSqliteHasFts5() {
        try (Database db = Database.open(dir)) {
            assertThat(query(db, "SELECT sqlite_compileoption_used('ENABLE_FTS5')"))
                    .isEqualTo("1");
        }
    }

    @Test
    void aWriteTransactionIsRolledBackWhenItFails() {
        try (Database db = Database.open(dir)) {
            assertThatThrownBy(() -> db.write("adding two conversations", c -> {
                exec(c, "INSERT INTO conversation (title, created_at, updated_at) VALUES ('first', 1, 1)");
                exec(c, "INSERT INTO conversation (title, created_at, updated_at) VALUES (NULL, 1, 1)");
                return null;
            })).isInstanceOf(StoreException.class).hasMessageContaining("adding two conversations");

            assertThat(query(db, "SELECT count(*) FROM conversation")).isEqualTo("0");
        }
    }

    @Test
    void randomBytesInTheFileGiveANotAPonderDatabaseMessageNamingTheFile() throws Exception {
        byte[] junk = new byte[8192];
        new Random(42).nextBytes(junk);
        Path file = Files.write(dir.resolve("ponder.db"), junk);

        assertThatThrownBy(() -> Database.open(dir))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.CORRUPT))
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("is not a Ponder database or is corrupt")
                .hasMessageContaining("move it aside");
        assertThat(file).hasBinaryContent(junk); // never overwritten
    }

    @Test
    void anotherProgramsSqliteFileIsRefusedUntouched() throws Exception {
        Path file = dir.resolve("ponder.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            exec(c, "CREATE TABLE notes (text TEXT)");
        }

        assertThatThrownBy(() -> Database.open(dir))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is not a Ponder database");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(queryString(c, "SELECT count(*) FROM sqlite_schema")).isEqualTo("1");
        }
    }

    @Test
    void aDatabaseFromANewerPonderIsRefusedWithAnUpdateHint() throws Exception {
        try (Database db = Database.open(dir)) {
            db.write("test", c -> exec(c, "PRAGMA user_version = 999"));
        }

        assertThatThrownBy(() -> Database.open(dir))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.TOO_NEW))
                .hasMessageContaining("newer Ponder")
                .hasMessageContaining("update Ponder");
    }

    @Test
    void aFolderInPlaceOfTheFileGivesACannotOpenMessage() throws Exception {
        Path file = Files.createDirectory(dir.resolve("ponder.db"));

        assertThatThrownBy(() -> Database.open(dir))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.CANNOT_OPEN))
                .hasMessageContaining("cannot open the database " + file.toAbsolutePath())
                .hasMessageContaining("--data-dir");
    }

    @Test
    void aDatabaseLockedByAnotherProcessSaysWhoToCloseAndToRetry() throws Exception {
        try (Database db = Database.open(dir, Duration.ofMillis(100));
                Connection other = DriverManager.getConnection("jdbc:sqlite:" + db.file())) {
            exec(other, "BEGIN IMMEDIATE");
            try {
                assertThatThrownBy(() -> db.write("saving message 12",
                        c -> exec(c, "INSERT INTO conversation (title, created_at, updated_at) VALUES ('x', 1, 1)")))
                        .isInstanceOfSatisfying(StoreException.class,
                                e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.LOCKED))
                        .hasMessage("the database " + db.file()
                                + " is locked by another Ponder process (while saving message 12); close it and retry");
            } finally {
                exec(other, "ROLLBACK");
            }
            // Once the other process lets go, writing works again.
            db.write("test", c -> exec(c, "INSERT INTO conversation (title, created_at, updated_at) VALUES ('x', 1, 1)"));
        }
    }

    @Test
    void aFullDiskSaysWhereToFreeSpaceAndKeepsWhatWasWritten() {
        try (Database db = Database.open(dir)) {
            db.write("test", c -> exec(c, "INSERT INTO conversation (title, created_at, updated_at) VALUES ('kept', 1, 1)"));
            // Simulate a full disk: SQLite reports SQLITE_FULL when the file cannot grow.
            db.read("test", c -> exec(c, "PRAGMA max_page_count = "
                    + queryString(c, "PRAGMA page_count")));

            assertThatThrownBy(() -> db.write("saving message 12", c -> exec(c,
                    "INSERT INTO conversation (title, created_at, updated_at) VALUES (printf('%.200000c', 'x'), 1, 1)")))
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.DISK_FULL))
                    .hasMessage("disk full while saving message 12: free space in " + dir.toAbsolutePath()
                            + "; the text so far is kept");
            assertThat(query(db, "SELECT group_concat(title) FROM conversation"))
                    .isEqualTo("kept");
        }
    }

    @Test
    void usingAClosedDatabaseGivesAClearError() {
        Database db = Database.open(dir);
        db.close();
        db.close(); // idempotent

        assertThatThrownBy(() -> db.read("listing conversations", c -> null))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("already closed");
    }

    private static List<String> names(Database db, String type) {
        return db.read("test", c -> {
            List<String> names = new ArrayList<>();
            try (var ps = c.prepareStatement("SELECT name FROM sqlite_schema WHERE type = ?")) {
                ps.setString(1, type);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
            }
            return names;
        });
    }

    static String query(Database db, String sql) {
        return db.read("test", c -> queryString(c, sql));
    }

    static Void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
        return null;
    }

    static String queryString(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
