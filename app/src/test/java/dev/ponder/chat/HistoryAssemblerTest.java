package dev.ponder.chat;

import dev.ponder.engine.Role;
import dev.ponder.engine.ChatTurn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class HistoryAssemblerTest {

    private long nextId = 1;

    @Test
    void assistantTurnsCarryTheAnswerWithoutThinking() {
        List<ChatTurn> turns = HistoryAssembler.assemble(List.of(
                message(Role.USER, "2+2?", "", MessageStatus.COMPLETE),
                message(Role.ASSISTANT, "4", "The user asks for a sum. 2+2=4.", MessageStatus.COMPLETE),
                message(Role.USER, "times 3?", "", MessageStatus.COMPLETE)));

        assertThat(turns).containsExactly(
                new ChatTurn(Role.USER, "2+2?"),
                new ChatTurn(Role.ASSISTANT, "4"),
                new ChatTurn(Role.USER, "times 3?"));
        assertThat(turns).noneMatch(t -> t.content().contains("sum"));
    }

    @Test
    void errorMessagesAreSkipped() {
        List<ChatTurn> turns = HistoryAssembler.assemble(List.of(
                message(Role.USER, "hello", "", MessageStatus.COMPLETE),
                message(Role.ASSISTANT, "half", "", MessageStatus.ERROR),
                message(Role.USER, "hello again", "", MessageStatus.COMPLETE)));

        assertThat(turns).containsExactly(
                new ChatTurn(Role.USER, "hello"),
                new ChatTurn(Role.USER, "hello again"));
    }

    @Test
    void anIncompleteAnswerIsSentAsItIs() {
        List<ChatTurn> turns = HistoryAssembler.assemble(List.of(
                message(Role.USER, "explain", "", MessageStatus.COMPLETE),
                message(Role.ASSISTANT, "It is because", "thinking", MessageStatus.INCOMPLETE)));

        assertThat(turns).containsExactly(
                new ChatTurn(Role.USER, "explain"),
                new ChatTurn(Role.ASSISTANT, "It is because"));
    }

    @Test
    void theAnswerBeingStreamedAndAnswersStoppedWhileThinkingAreLeftOut() {
        List<ChatTurn> turns = HistoryAssembler.assemble(List.of(
                message(Role.USER, "q1", "", MessageStatus.COMPLETE),
                message(Role.ASSISTANT, "", "only thoughts", MessageStatus.INCOMPLETE),
                message(Role.USER, "q2", "", MessageStatus.COMPLETE),
                message(Role.ASSISTANT, "partial", "", MessageStatus.STREAMING)));

        assertThat(turns).containsExactly(new ChatTurn(Role.USER, "q1"), new ChatTurn(Role.USER, "q2"));
    }

    @Test
    void noSystemPromptIsAddedButStoredOnesAreKept() {
        assertThat(HistoryAssembler.assemble(List.of(message(Role.USER, "hi", "", MessageStatus.COMPLETE))))
                .containsExactly(new ChatTurn(Role.USER, "hi"));
        assertThat(HistoryAssembler.assemble(List.of(
                message(Role.SYSTEM, "be brief", "", MessageStatus.COMPLETE),
                message(Role.USER, "hi", "", MessageStatus.COMPLETE))))
                .first().isEqualTo(new ChatTurn(Role.SYSTEM, "be brief"));
    }

    private Message message(Role role, String answer, String thinking, MessageStatus status) {
        Instant now = Instant.now();
        return new Message(nextId++, 1, null, role, answer, thinking, null, true, status, null, null, null,
                GenerationStats.NONE, now, now);
    }
}
