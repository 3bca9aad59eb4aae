package dev.ponder.chat;

import dev.ponder.engine.Sampling;
import dev.ponder.engine.Role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ponder.store.Database;
import dev.ponder.store.StoreException;

class ChatRepositoryTest {

    @TempDir
    Path dir;

    private Database db;
    private ChatRepository repo;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        repo = new ChatRepository(db, new SteppingClock());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aConversationRoundTrips() {
        Conversation created = repo.createConversation("  Entropy  ", "deepseek-r1-distill-qwen-1.5b");

        assertThat(created.title()).isEqualTo("Entropy");
        assertThat(created.model()).isEqualTo("deepseek-r1-distill-qwen-1.5b");
        assertThat(created.messageCount()).isZero();
        assertThat(created.createdAt()).isEqualTo(created.updatedAt());
        assertThat(repo.findConversation(created.id())).contains(created);
        assertThat(repo.findConversation(created.id() + 100)).isEmpty();
    }

    @Test
    void aBlankTitleBecomesTheDefault() {
        assertThat(repo.createConversation(" ", null).title()).isEqualTo(ChatRepository.DEFAULT_TITLE);
    }

    @Test
    void messagesRoundTripEveryField() {
        long conv = repo.createConversation("c", "m").id();
        Message user = repo.addUserMessage(conv, "Why is the sky blue?");
        Sampling sampling = new Sampling(0.6, 0.95, 40, 0.05, 4096, 1234L);
        Message started = repo.startAssistantMessage(conv, "r1-1.5b", sampling);

        assertThat(user.role()).isEqualTo(Role.USER);
        assertThat(user.status()).isEqualTo(MessageStatus.COMPLETE);
        assertThat(user.answer()).isEqualTo("Why is the sky blue?");
        assertThat(user.parentId()).isNull();
        assertThat(user.sampling()).isNull();
        assertThat(user.stats()).isEqualTo(GenerationStats.NONE);
        assertThat(started.role()).isEqualTo(Role.ASSISTANT);
        assertThat(started.status()).isEqualTo(MessageStatus.STREAMING);
        assertThat(started.parentId()).isEqualTo(user.id());
        assertThat(started.answer()).isEmpty();
        assertThat(started.thinking()).isEmpty();
        assertThat(started.sampling()).isEqualTo(sampling);
        assertThat(started.model()).isEqualTo("r1-1.5b");

        GenerationStats stats = new GenerationStats(17, 321, 150L, 42.5);
        repo.finishAssistantMessage(started.id(), "Rayleigh scattering.", "Short wavelengths scatter more…", 2500L,
                true, MessageStatus.COMPLETE, null, stats);
        Message done = repo.findMessage(started.id()).orElseThrow();

        assertThat(done.answer()).isEqualTo("Rayleigh scattering.");
        assertThat(done.thinking()).isEqualTo("Short wavelengths scatter more…");
        assertThat(done.thinkingMillis()).isEqualTo(2500L);
        assertThat(done.thinkingClosed()).isTrue();
        assertThat(done.status()).isEqualTo(MessageStatus.COMPLETE);
        assertThat(done.error()).isNull();
        assertThat(done.stats()).isEqualTo(stats);
        assertThat(done.sampling()).isEqualTo(sampling);
        assertThat(done.createdAt()).isEqualTo(started.createdAt());
        assertThat(done.updatedAt()).isAfter(started.updatedAt());
        assertThat(repo.messages(conv)).containsExactly(user, done);
        assertThat(repo.findConversation(conv).orElseThrow().messageCount()).isEqualTo(2);
    }

    @Test
    void anErrorMessageKeepsItsErrorAndNullStats() {
        long conv = repo.createConversation("c", "m").id();
        long id = repo.startAssistantMessage(conv, "m", Sampling.r1Defaults()).id();

        repo.finishAssistantMessage(id, "", "", null, false, MessageStatus.ERROR, "out of GPU memory", null);

        Message m = repo.findMessage(id).orElseThrow();
        assertThat(m.status()).isEqualTo(MessageStatus.ERROR);
        assertThat(m.error()).isEqualTo("out of GPU memory");
        assertThat(m.thinkingMillis()).isNull();
        assertThat(m.stats()).isEqualTo(GenerationStats.NONE);
    }

    @Test
    void conversationsAreListedNewestUpdatedFirst() {
        Conversation a = repo.createConversation("a", null);
        Conversation b = repo.createConversation("b", null);
        Conversation c = repo.createConversation("c", null);
        assertThat(repo.listConversations()).extracting(Conversation::title).containsExactly("c", "b", "a");

        repo.addUserMessage(a.id(), "back to a");
        assertThat(repo.listConversations()).extracting(Conversation::title).containsExactly("a", "c", "b");

        repo.renameConversation(b.id(), "b2");
        assertThat(repo.listConversations()).extracting(Conversation::title).containsExactly("b2", "a", "c");
        assertThat(c.id()).isNotEqualTo(b.id());
    }

    @Test
    void everyMessageWriteMovesTheConversationsUpdatedAt() {
        long conv = repo.createConversation("c", null).id();
        var t0 = repo.findConversation(conv).orElseThrow().updatedAt();
        long id = repo.startAssistantMessage(conv, "m", null).id();
        var t1 = repo.findConversation(conv).orElseThrow().updatedAt();
        repo.saveProgress(id, "a", "t");
        var t2 = repo.findConversation(conv).orElseThrow().updatedAt();
        repo.finishAssistantMessage(id, "a", "t", 1L, true, MessageStatus.COMPLETE, null, null);
        var t3 = repo.findConversation(conv).orElseThrow().updatedAt();

        assertThat(t1).isAfter(t0);
        assertThat(t2).isAfter(t1);
        assertThat(t3).isAfter(t2);
    }

    @Test
    void deletingAConversationCascadesToItsMessagesAndTheSearchIndex() {
        long keep = repo.createConversation("keep", null).id();
        repo.addUserMessage(keep, "kept words");
        long gone = repo.createConversation("gone", null).id();
        repo.addUserMessage(gone, "doomed words");
        long assistant = repo.startAssistantMessage(gone, "m", null).id();

        repo.deleteConversation(gone);

        assertThat(repo.findConversation(gone)).isEmpty();
        assertThat(repo.messages(gone)).isEmpty();
        assertThat(repo.findMessage(assistant)).isEmpty();
        assertThat(repo.messages(keep)).hasSize(1);
        assertThat(repo.search("doomed", 10)).isEmpty();
        assertThat(repo.search("words", 10)).extracting(SearchHit::conversationId).containsExactly(keep);
        // The external-content index still matches the table exactly.
        db.write("test", c -> {
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO message_fts (message_fts) VALUES ('integrity-check')");
            }
            return null;
        });
        int rows = db.read("test", c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM message")) {
                rs.next();
                return rs.getInt(1);
            }
        });
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void writingToAMissingConversationOrMessageSaysItNoLongerExists() {
        long conv = repo.createConversation("c", null).id();
        long id = repo.startAssistantMessage(conv, "m", null).id();
        repo.deleteConversation(conv);

        assertThatThrownBy(() -> repo.addUserMessage(conv, "hi"))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.NOT_FOUND))
                .hasMessageContaining("conversation " + conv + " no longer exists");
        assertThatThrownBy(() -> repo.saveProgress(id, "a", "t"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("message " + id + " no longer exists");
    }

    @Test
    void markInterruptedAsIncompleteConvertsStreamingRowsAndLeavesOthers() {
        long conv = repo.createConversation("c", null).id();
        long user = repo.addUserMessage(conv, "q").id();
        long done = repo.startAssistantMessage(conv, "m", null).id();
        repo.finishAssistantMessage(done, "answer", "", null, false, MessageStatus.COMPLETE, null, null);
        long failed = repo.startAssistantMessage(conv, "m", null).id();
        repo.finishAssistantMessage(failed, "", "", null, false, MessageStatus.ERROR, "boom", null);
        long stopped = repo.startAssistantMessage(conv, "m", null).id();
        repo.finishAssistantMessage(stopped, "part", "", null, false, MessageStatus.INCOMPLETE, null, null);
        long crashed1 = repo.startAssistantMessage(conv, "m", null).id();
        repo.saveProgress(crashed1, "half an answer", "some thoughts");
        long crashed2 = repo.startAssistantMessage(conv, "m", null).id();

        assertThat(repo.markInterruptedAsIncomplete()).isEqualTo(2);

        assertThat(status(user)).isEqualTo(MessageStatus.COMPLETE);
        assertThat(status(done)).isEqualTo(MessageStatus.COMPLETE);
        assertThat(status(failed)).isEqualTo(MessageStatus.ERROR);
        assertThat(status(stopped)).isEqualTo(MessageStatus.INCOMPLETE);
        assertThat(status(crashed1)).isEqualTo(MessageStatus.INCOMPLETE);
        assertThat(status(crashed2)).isEqualTo(MessageStatus.INCOMPLETE);
        assertThat(repo.findMessage(crashed1).orElseThrow().answer()).isEqualTo("half an answer");
        assertThat(repo.findMessage(crashed1).orElseThrow().thinking()).isEqualTo("some thoughts");
        assertThat(repo.markInterruptedAsIncomplete()).isZero();
    }

    @Test
    void finishingWithStreamingStatusIsRefused() {
        long conv = repo.createConversation("c", null).id();
        long id = repo.startAssistantMessage(conv, "m", null).id();

        assertThatThrownBy(() -> repo.finishAssistantMessage(id, "", "", null, false, MessageStatus.STREAMING, null,
                null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void r1DefaultsAreDeepSeeksRecommendation() {
        assertThat(Sampling.r1Defaults().temperature()).isEqualTo(0.6);
        assertThat(Sampling.r1Defaults().topP()).isEqualTo(0.95);
    }

    private MessageStatus status(long id) {
        return repo.findMessage(id).orElseThrow().status();
    }
}
