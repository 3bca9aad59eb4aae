package dev.ponder.chat;

import dev.ponder.engine.Sampling;
import dev.ponder.engine.Role;
import dev.ponder.engine.ChatTurn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ponder.store.Database;
import dev.ponder.store.StoreException;

class StreamingMessageWriterTest {

    private static final Duration NEVER = Duration.ofHours(1);

    @TempDir
    Path dir;

    private Database db;
    private ChatRepository repo;
    private long conv;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        repo = new ChatRepository(db);
        conv = repo.createConversation("c", "m").id();
        repo.addUserMessage(conv, "question");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void textAppearsInTheDatabaseWithinAFlushIntervalAsSeenByAnotherConnection() throws Exception {
        long id = repo.startAssistantMessage(conv, "m", Sampling.r1Defaults()).id();
        try (StreamingMessageWriter writer = new StreamingMessageWriter(repo, id);
                Connection other = DriverManager.getConnection("jdbc:sqlite:" + db.file())) {
            writer.appendThinking("Hmm, ");
            writer.appendThinking("let me think.");
            writer.appendAnswer("Forty");
            writer.appendAnswer("-two.");
            long start = System.nanoTime();

            String[] seen = pollUntil(other, id, "Forty-two.", Duration.ofSeconds(2));

            assertThat(seen).containsExactly("Forty-two.", "Hmm, let me think.", "streaming");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            assertThat(writer.isSaved()).isTrue();
        }
    }

    @Test
    void finishWritesTheFinalStateOnceAndStopsTheTimer() {
        long id = repo.startAssistantMessage(conv, "m", Sampling.r1Defaults()).id();
        StreamingMessageWriter writer = new StreamingMessageWriter(repo, id, NEVER);
        writer.appendThinking("reasoning");
        writer.appendAnswer("answer");

        writer.finish(1200L, true, MessageStatus.COMPLETE, null, new GenerationStats(10, 20, 30L, 40.0));

        Message m = repo.findMessage(id).orElseThrow();
        assertThat(m.answer()).isEqualTo("answer");
        assertThat(m.thinking()).isEqualTo("reasoning");
        assertThat(m.thinkingMillis()).isEqualTo(1200L);
        assertThat(m.thinkingClosed()).isTrue();
        assertThat(m.status()).isEqualTo(MessageStatus.COMPLETE);
        assertThat(m.stats()).isEqualTo(new GenerationStats(10, 20, 30L, 40.0));
        assertThat(writer.lastError()).isEmpty();

        // Late tokens or flushes after finish change nothing.
        writer.appendAnswer(" late");
        assertThat(writer.flush()).isTrue();
        writer.close();
        assertThat(repo.findMessage(id).orElseThrow().answer()).isEqualTo("answer");
        assertThatThrownBy(() -> writer.finish(null, true, MessageStatus.COMPLETE, null, null))
                .isInstanceOf(IllegalStateException.class);
        assertThat(saverThreadsAlive(id)).isFalse();
    }

    @Test
    void afterACrashTheNextStartFindsTheMessageIncompleteWithTheTextOfTheLastFlush() {
        long id = repo.startAssistantMessage(conv, "m", Sampling.r1Defaults()).id();
        StreamingMessageWriter writer = new StreamingMessageWriter(repo, id, NEVER);
        writer.appendThinking("step one");
        writer.appendAnswer("The answer is");
        assertThat(writer.flush()).isTrue(); // the last batch that reached the disk
        writer.appendAnswer(" lost in the crash");

        // Crash: the writer is abandoned (no finish, no close) and the process goes away.
        db.close();
        db = Database.open(dir);
        repo = new ChatRepository(db);
        assertThat(repo.markInterruptedAsIncomplete()).isEqualTo(1);

        Message m = repo.findMessage(id).orElseThrow();
        assertThat(m.status()).isEqualTo(MessageStatus.INCOMPLETE);
        assertThat(m.answer()).isEqualTo("The answer is");
        assertThat(m.thinking()).isEqualTo("step one");
        assertThat(HistoryAssembler.assemble(repo.messages(conv)))
                .containsExactly(new ChatTurn(Role.USER, "question"), new ChatTurn(Role.ASSISTANT, "The answer is"));

        // The abandoned writer only records that its database is gone; it never throws at the engine.
        assertThat(writer.flush()).isFalse();
        assertThat(writer.lastError()).get().extracting(StoreException::kind).isEqualTo(StoreException.Kind.CLOSED);
        writer.close();
    }

    @Test
    void aFullDiskDuringStreamingKeepsTheTextInMemoryAndRetriesLater() {
        long id = repo.startAssistantMessage(conv, "m", null).id();
        StreamingMessageWriter writer = new StreamingMessageWriter(repo, id, NEVER);
        writer.appendAnswer("saved part. ");
        assertThat(writer.flush()).isTrue();
        int pages = pageCount();
        setMaxPageCount(pages); // the disk is now "full"

        String big = "x".repeat(200_000);
        writer.appendAnswer(big);
        writer.appendAnswer("y"); // the stream keeps going

        assertThat(writer.flush()).isFalse();
        assertThat(writer.lastError()).get().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(StoreException.Kind.DISK_FULL);
            assertThat(e.getMessage()).isEqualTo("disk full while saving message " + id + ": free space in "
                    + db.directory() + "; the text so far is kept");
        });
        assertThat(repo.findMessage(id).orElseThrow().answer()).isEqualTo("saved part. ");
        assertThat(writer.answer()).isEqualTo("saved part. " + big + "y");
        assertThatThrownBy(() -> writer.finish(null, false, MessageStatus.COMPLETE, null, null))
                .isInstanceOf(StoreException.class);

        setMaxPageCount(1_000_000); // space was freed

        writer.close(); // retries the requested final state
        Message m = repo.findMessage(id).orElseThrow();
        assertThat(m.answer()).isEqualTo("saved part. " + big + "y");
        assertThat(m.status()).isEqualTo(MessageStatus.COMPLETE);
        assertThat(writer.lastError()).isEmpty();
    }

    @Test
    void thePeriodicFlushSurvivesAFailureAndSavesOnceItCan() throws Exception {
        long id = repo.startAssistantMessage(conv, "m", null).id();
        setMaxPageCount(pageCount());
        try (StreamingMessageWriter writer = new StreamingMessageWriter(repo, id, Duration.ofMillis(20));
                Connection other = DriverManager.getConnection("jdbc:sqlite:" + db.file())) {
            String big = "z".repeat(200_000);
            writer.appendAnswer(big);
            long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (writer.lastError().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(writer.lastError()).isPresent();

            setMaxPageCount(1_000_000);

            assertThat(pollUntil(other, id, big, Duration.ofSeconds(2))[0]).isEqualTo(big);
        }
    }

    @Test
    void closingWithoutFinishMarksTheMessageIncompleteWithAllItsText() {
        long id = repo.startAssistantMessage(conv, "m", null).id();
        try (StreamingMessageWriter writer = new StreamingMessageWriter(repo, id, NEVER)) {
            writer.appendAnswer("partial");
        }

        Message m = repo.findMessage(id).orElseThrow();
        assertThat(m.status()).isEqualTo(MessageStatus.INCOMPLETE);
        assertThat(m.answer()).isEqualTo("partial");
        assertThat(saverThreadsAlive(id)).isFalse();
    }

    @Test
    void theTimerThreadIsADaemonSoItNeverKeepsTheAppAlive() {
        long id = repo.startAssistantMessage(conv, "m", null).id();
        try (StreamingMessageWriter writer = new StreamingMessageWriter(repo, id, Duration.ofMillis(10))) {
            writer.appendAnswer("x");
            writer.flush();
            assertThat(Thread.getAllStackTraces().keySet())
                    .filteredOn(t -> t.getName().equals("ponder-save-message-" + id))
                    .isNotEmpty()
                    .allMatch(Thread::isDaemon);
        }
    }

    private int pageCount() {
        return db.read("test", c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA page_count")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** Simulates a full (or freed) disk: SQLite answers SQLITE_FULL when the file cannot grow past this. */
    private void setMaxPageCount(int pages) {
        db.read("test", c -> {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA max_page_count = " + pages);
            }
            return null;
        });
    }

    private static boolean saverThreadsAlive(long id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < deadline) {
            boolean alive = Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(t -> t.getName().equals("ponder-save-message-" + id) && t.isAlive());
            if (!alive) {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }

    /** Reads the row from a second connection, as another process would, until the answer is as expected. */
    private static String[] pollUntil(Connection other, long id, String answer, Duration timeout)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String[] row = null;
        while (System.nanoTime() < deadline) {
            try (PreparedStatement ps = other.prepareStatement(
                    "SELECT answer, thinking, status FROM message WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    row = new String[] {rs.getString(1), rs.getString(2), rs.getString(3)};
                }
            }
            if (answer.equals(row[0])) {
                return row;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("answer not saved within " + timeout + "; last seen: "
                + (row == null ? null : row[0].length() > 80 ? row[0].substring(0, 80) + "…" : row[0]));
    }
}
