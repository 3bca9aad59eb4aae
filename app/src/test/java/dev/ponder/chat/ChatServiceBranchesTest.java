package dev.ponder.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ponder.engine.ChatTurn;
import dev.ponder.engine.EngineException;
import dev.ponder.engine.Sampling;
import dev.ponder.reasoning.ReasoningMarkers;
import dev.ponder.store.Database;
import dev.ponder.testing.ScriptedEngine;

class ChatServiceBranchesTest {

    private static final String R1_PROMPT = "<｜Assistant｜><think>\n";

    @TempDir
    Path dir;

    private ChatRepository repository;
    private ScriptedEngine engine;
    private long conv;

    @BeforeEach
    void open() {
        repository = new ChatRepository(Database.open(dir));
        conv = repository.createConversation("c", "r1").id();
    }

    @AfterEach
    void close() {
        repository.database().close();
    }

    @Test
    void regenerateAnswersTheSameQuestionBesideTheOldAnswer() throws Exception {
        Message a1 = send("q1", "a1");
        Message a2 = send("q2", "a2");

        Message again = replying("a2, take two").regenerate(conv, Sampling.r1Defaults(), ReasoningMarkers.DEFAULT,
                event -> { });

        assertThat(engine.lastTurns()).containsExactly(ChatTurn.user("q1"), ChatTurn.assistant("a1"),
                ChatTurn.user("q2"));
        assertThat(again.answer()).isEqualTo("a2, take two");
        assertThat(again.status()).isEqualTo(MessageStatus.COMPLETE);
        assertThat(again.parentId()).isEqualTo(a2.parentId());
        assertThat(repository.siblings(again.id())).extracting(Message::id).containsExactly(a2.id(), again.id());
        assertThat(transcript()).containsExactly("q1", "a1", "q2", "a2, take two");
        assertThat(a1.id()).isLessThan(a2.id());
    }

    @Test
    void theNextMessageFollowsTheRegeneratedAnswer() throws Exception {
        send("q1", "a1");
        replying("a1 again").regenerate(conv, Sampling.r1Defaults(), ReasoningMarkers.DEFAULT, event -> { });

        send("q2", "a2");

        assertThat(engine.lastTurns()).containsExactly(ChatTurn.user("q1"), ChatTurn.assistant("a1 again"),
                ChatTurn.user("q2"));
    }

    @Test
    void regeneratedThinkingIsStoredButNotSentBack() throws Exception {
        send("q1", "a1");
        engine = new ScriptedEngine(R1_PROMPT, List.of("hmm", "</think>", "better a1"));
        new ChatService(engine, repository).regenerate(conv, Sampling.r1Defaults(), ReasoningMarkers.DEFAULT,
                event -> { });

        send("q2", "a2");

        assertThat(repository.activePath(conv).get(1).thinking()).isEqualTo("hmm");
        assertThat(engine.lastTurns()).containsExactly(ChatTurn.user("q1"), ChatTurn.assistant("better a1"),
                ChatTurn.user("q2"));
    }

    @Test
    void editSendsTheNewQuestionWithTheHistoryBeforeTheOriginal() throws Exception {
        send("q1", "a1");
        send("q2", "a2");
        long q2 = repository.activePath(conv).get(2).id();

        Message reply = replying("a2 for the edit").edit(q2, "q2 edited", Sampling.r1Defaults(),
                ReasoningMarkers.DEFAULT, event -> { });

        assertThat(engine.lastTurns()).containsExactly(ChatTurn.user("q1"), ChatTurn.assistant("a1"),
                ChatTurn.user("q2 edited"));
        assertThat(transcript()).containsExactly("q1", "a1", "q2 edited", "a2 for the edit");
        assertThat(repository.siblings(q2)).extracting(Message::answer).containsExactly("q2", "q2 edited");
        assertThat(reply.parentId()).isEqualTo(repository.activePath(conv).get(2).id());
    }

    @Test
    void switchingBranchesBackAndForthDecidesWhatTheModelSees() throws Exception {
        send("q1", "a1");
        long q1 = repository.activePath(conv).getFirst().id();
        replying("a1 for the edit").edit(q1, "q1 edited", Sampling.r1Defaults(), ReasoningMarkers.DEFAULT,
                event -> { });
        long edited = repository.activePath(conv).getFirst().id();

        repository.selectBranch(q1);
        send("q2 on the original", "a2");
        assertThat(engine.lastTurns()).containsExactly(ChatTurn.user("q1"), ChatTurn.assistant("a1"),
                ChatTurn.user("q2 on the original"));

        repository.selectBranch(edited);
        assertThat(transcript()).containsExactly("q1 edited", "a1 for the edit");
        send("q2 on the edit", "a2'");
        assertThat(engine.lastTurns()).containsExactly(ChatTurn.user("q1 edited"),
                ChatTurn.assistant("a1 for the edit"), ChatTurn.user("q2 on the edit"));

        repository.selectBranch(q1);
        assertThat(transcript()).containsExactly("q1", "a1", "q2 on the original", "a2");
    }

    @Test
    void thereIsNothingToRegenerateBeforeTheFirstAnswer() {
        ChatService chat = replying("never");

        assertThatThrownBy(() -> chat.regenerate(conv, Sampling.r1Defaults(), ReasoningMarkers.DEFAULT, e -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no answer to regenerate");
    }

    @Test
    void onlyTheUsersMessagesCanBeEdited() throws Exception {
        Message answer = send("q1", "a1");
        ChatService chat = replying("never");

        assertThatThrownBy(() -> chat.edit(answer.id(), "x", Sampling.r1Defaults(), ReasoningMarkers.DEFAULT,
                e -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not yours to edit");
        assertThat(repository.messages(conv)).hasSize(2);
    }

    private Message send(String question, String answer) throws EngineException {
        return replying(answer).send(conv, question, Sampling.r1Defaults(), ReasoningMarkers.DEFAULT, event -> { });
    }

    /** A service whose engine answers {@code answer} (no thinking); the engine is kept to read what it was sent. */
    private ChatService replying(String answer) {
        engine = new ScriptedEngine("", List.of(answer));
        return new ChatService(engine, repository);
    }

    private List<String> transcript() {
        return repository.activePath(conv).stream().map(Message::answer).toList();
    }
}
