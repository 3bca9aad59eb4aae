package dev.ponder.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Numbered schema scripts, run in order at open. The database's {@code PRAGMA user_version} records the last one
 * applied, so each runs exactly once. Each script and its version bump commit in one transaction: a crash mid-migration
 * leaves the previous version intact and the script runs again at the next start.
 */
public final class Migrations {

    /**
     * The scripts under {@code dev/ponder/store/migrations/}, in order; script {@code i} (from 0) is version
     * {@code i + 1}. Listed here because a folder on the class path cannot be listed inside a jar.
     * To change the schema, add a file and a line; never edit a released script.
     */
    static final List<String> SCRIPTS = List.of(
            "V001__chat.sql",
            "V002__branches.sql");

    /** Marks the file as Ponder's ({@code PRAGMA application_id}, the ASCII of "PoNd"), to refuse foreign files. */
    static final int APPLICATION_ID = 0x506F4E64;

    private static final String FOLDER = "/dev/ponder/store/migrations/";

    private Migrations() {
    }

    /** The schema version this build of Ponder writes. */
    public static int latestVersion() {
        return SCRIPTS.size();
    }

    /**
     * Applies every script newer than the database's {@code user_version}.
     *
     * @return how many scripts ran (0 when the schema was already current)
     */
    static int run(Connection connection) throws SQLException {
        int current = userVersion(connection);
        int applied = 0;
        for (int version = current + 1; version <= latestVersion(); version++) {
            String name = SCRIPTS.get(version - 1);
            if (!name.startsWith("V%03d__".formatted(version))) {
                throw new IllegalStateException("migration " + name + " is listed as version " + version);
            }
            String sql = load(name);
            try (Statement st = connection.createStatement()) {
                // IMMEDIATE takes the write lock up front, so two Ponders starting together cannot both migrate.
                st.executeUpdate("BEGIN IMMEDIATE");
                try {
                    if (userVersion(connection) >= version) {
                        // Another process migrated while we waited for the lock.
                        st.executeUpdate("ROLLBACK");
                        continue;
                    }
                    // executeUpdate runs every statement of the script (sqlite3_exec), triggers included.
                    st.executeUpdate(sql);
                    st.executeUpdate("PRAGMA application_id = " + APPLICATION_ID);
                    st.executeUpdate("PRAGMA user_version = " + version);
                    st.executeUpdate("COMMIT");
                    applied++;
                } catch (SQLException | RuntimeException e) {
                    try {
                        st.executeUpdate("ROLLBACK");
                    } catch (SQLException suppressed) {
                        e.addSuppressed(suppressed);
                    }
                    throw e;
                }
            }
        }
        return applied;
    }

    static int userVersion(Connection connection) throws SQLException {
        return intPragma(connection, "user_version");
    }

    static int intPragma(Connection connection, String pragma) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static String load(String name) {
        try (InputStream in = Migrations.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("migration script missing from the build: " + FOLDER + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration " + name, e);
        }
    }
}
