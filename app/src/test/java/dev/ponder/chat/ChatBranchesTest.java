package dev.ponder.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ponder.engine.Sampling;
import dev.ponder.store.Database;
import dev.ponder.store.StoreException;

class ChatBranchesTest {

    @TempDir
    Path dir;

    private Database db;
    private ChatRepository repo;
    private long conv;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        repo = new ChatRepository(db, new SteppingClock());
        conv = repo.createConversation("c", "m").id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void newMessagesAppendUnderTheActiveLeafAndBecomeIt() {
        Message q1 = repo.addUserMessage(conv, "q1");
        Message a1 = answer(q1, "a1");
        Message q2 = repo.addUserMessage(conv, "q2");

        assertThat(repo.activePath(conv)).extracting(Message::answer).containsExactly("q1", "a1", "q2");
        assertThat(q2.parentId()).isEqualTo(a1.id());
        assertThat(a1.parentId()).isEqualTo(q1.id());
        assertThat(repo.siblings(q2.id())).extracting(Message::id).containsExactly(q2.id());
    }

    @Test
    void anEditedQuestionIsASiblingAndTheOriginalBranchStaysReachable() {
        Message q1 = repo.addUserMessage(conv, "q1");
        Message a1 = answer(q1, "a1");
        Message q2 = repo.addUserMessage(conv, "q2");
        answer(q2, "a2");

        Message edited = repo.addUserMessageAfter(conv, a1.id(), "q2 edited");
        answer(edited, "a2 for the edit");

        assertThat(repo.activePath(conv)).extracting(Message::answer)
                .containsExactly("q1", "a1", "q2 edited", "a2 for the edit");
        assertThat(repo.siblings(q2.id())).extracting(Message::id).containsExactly(q2.id(), edited.id());
        assertThat(repo.siblings(edited.id())).extracting(Message::id).containsExactly(q2.id(), edited.id());
        assertThat(repo.messages(conv)).hasSize(6);
        assertThat(repo.findConversation(conv).orElseThrow().messageCount()).isEqualTo(6);
    }

    @Test
    void theFirstQuestionCanBeEditedToo() {
        Message q1 = repo.addUserMessage(conv, "q1");
        answer(q1, "a1");

        Message edited = repo.addUserMessageAfter(conv, null, "q1 edited");

        assertThat(edited.parentId()).isNull();
        assertThat(repo.siblings(q1.id())).extracting(Message::answer).containsExactly("q1", "q1 edited");
        assertThat(repo.activePath(conv)).extracting(Message::answer).containsExactly("q1 edited");
    }

    @Test
    void switchingBackAndForthShowsEachBranchWithItsWholeContinuation() {
        Message q1 = repo.addUserMessage(conv, "q1");
        Message a1 = answer(q1, "a1");
        Message q2 = repo.addUserMessage(conv, "q2");
        answer(q2, "a2");
        answer(repo.addUserMessage(conv, "q3"), "a3");
        Message edited = repo.addUserMessageAfter(conv, a1.id(), "q2 edited");
        answer(edited, "a2 edited");

        repo.selectBranch(q2.id());
        assertThat(repo.activePath(conv)).extracting(Message::answer)
                .containsExactly("q1", "a1", "q2", "a2", "q3", "a3");

        repo.selectBranch(edited.id());
        assertThat(repo.activePath(conv)).extracting(Message::answer)
                .containsExactly("q1", "a1", "q2 edited", "a2 edited");

        repo.selectBranch(q2.id());
        repo.addUserMessage(conv, "q4 on the old branch");
        assertThat(repo.activePath(conv)).extracting(Message::answer)
                .containsExactly("q1", "a1", "q2", "a2", "q3", "a3", "q4 on the old branch");
    }

    @Test
    void selectingAMessageShowsItsNewestDescendant() {
        Message q1 = repo.addUserMessage(conv, "q1");
        Message first = answer(q1, "first answer");
        Message second = repo.startAssistantMessageAfter(conv, q1.id(), "m", null);
        repo.selectBranch(first.id());
        repo.addUserMessage(conv, "follow-up to the first answer");

        repo.selectBranch(second.id());
        assertThat(repo.activePath(conv)).extracting(Message::id).containsExactly(q1.id(), second.id());

        repo.selectBranch(q1.id());
        assertThat(repo.activePath(conv)).extracting(Message::answer)
                .containsExactly("q1", "first answer", "follow-up to the first answer");
    }

    @Test
    void switchingBranchesDoesNotReorderTheConversationList() {
        Message q1 = repo.addUserMessage(conv, "q1");
        repo.addUserMessageAfter(conv, null, "q1 edited");
        long other = repo.createConversation("newer", null).id();

        repo.selectBranch(q1.id());

        assertThat(repo.listConversations()).extracting(Conversation::id).containsExactly(other, conv);
    }

    @Test
    void aParentFromAnotherConversationIsRefused() {
        long otherConv = repo.createConversation("other", null).id();
        Message foreign = repo.addUserMessage(otherConv, "elsewhere");

        assertThatThrownBy(() -> repo.addUserMessageAfter(conv, foreign.id(), "q"))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.NOT_FOUND))
                .hasMessageContaining("is not in conversation " + conv);
        assertThat(repo.messages(conv)).isEmpty();
    }

    @Test
    void missingMessagesAndConversationsGiveEmptyAnswersOrNotFound() {
        assertThat(repo.activePath(conv)).isEmpty();
        assertThat(repo.activePath(conv + 100)).isEmpty();
        assertThat(repo.siblings(999)).isEmpty();
        assertThatThrownBy(() -> repo.selectBranch(999))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.NOT_FOUND))
                .hasMessageContaining("message 999 no longer exists");
    }

    @Test
    void deletingABranchedConversationDeletesEveryBranch() {
        Message q1 = repo.addUserMessage(conv, "doomed question");
        answer(q1, "doomed answer");
        repo.addUserMessageAfter(conv, null, "doomed edit");
        long keep = repo.createConversation("keep", null).id();
        repo.addUserMessage(keep, "kept");

        repo.deleteConversation(conv);

        assertThat(repo.messages(conv)).isEmpty();
        assertThat(repo.search("doomed", 10)).isEmpty();
        assertThat(repo.activePath(keep)).extracting(Message::answer).containsExactly("kept");
    }

    @Test
    void aDatabaseFromBeforeBranchesShowsEachChainUpToItsNewestMessage() throws Exception {
        Path oldDir = Files.createDirectory(dir.resolve("v1"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + oldDir.resolve(Database.FILE_NAME));
                Statement st = c.createStatement();
                InputStream v1 = Database.class.getResourceAsStream("migrations/V001__chat.sql")) {
            st.executeUpdate(new String(v1.readAllBytes(), StandardCharsets.UTF_8));
            st.executeUpdate("PRAGMA application_id = 0x506F4E64");
            st.executeUpdate("PRAGMA user_version = 1");
            st.executeUpdate("INSERT INTO conversation (id, title, created_at, updated_at) VALUES (1, 'old', 1, 1)");
            st.executeUpdate("INSERT INTO conversation (id, title, created_at, updated_at) VALUES (2, 'empty', 1, 1)");
            st.executeUpdate("""
                    INSERT INTO message (id, conversation_id, parent_id, role, answer, status, created_at, updated_at)
                    VALUES (1, 1, NULL, 'user', 'q', 'complete', 1, 1), (2, 1, 1, 'assistant', 'a', 'complete', 1, 1),
                           (3, 1, 2, 'user', 'q2', 'complete', 1, 1)""");
        }

        try (Database migrated = Database.open(oldDir)) {
            ChatRepository old = new ChatRepository(migrated);
            assertThat(migrated.migrationsApplied()).isEqualTo(1);
            assertThat(old.activePath(1)).extracting(Message::answer).containsExactly("q", "a", "q2");
            assertThat(old.activePath(2)).isEmpty();
            assertThat(old.addUserMessage(1, "q3").parentId()).isEqualTo(3L);
        }
    }

    private Message answer(Message question, String text) {
        Message started = repo.startAssistantMessageAfter(conv, question.id(), "m", Sampling.r1Defaults());
        repo.finishAssistantMessage(started.id(), text, "", null, true, MessageStatus.COMPLETE, null, null);
        return repo.findMessage(started.id()).orElseThrow();
    }
}
