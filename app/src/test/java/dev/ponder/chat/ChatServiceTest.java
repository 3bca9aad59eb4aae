package dev.ponder.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ponder.engine.ChatTurn;
import dev.ponder.engine.EngineCrashed;
import dev.ponder.engine.LoadSettings;
import dev.ponder.engine.Role;
import dev.ponder.engine.Sampling;
import dev.ponder.engine.llama.LlamaEngine;
import dev.ponder.engine.process.EngineProcess;
import dev.ponder.reasoning.ReasoningEvent;
import dev.ponder.reasoning.ReasoningMarkers;
import dev.ponder.store.Database;
import dev.ponder.testing.ScriptedEngine;
import dev.ponder.testing.SharedModel;

class ChatServiceTest {

    private static final String R1_PROMPT = "<｜User｜>What is 2+2?<｜Assistant｜><think>\n";
    private static final List<String> R1_REPLY = List.of("Let me", " add", ".", "</th", "ink>", "\n\nThe answer",
            " is 4.");

    @TempDir
    Path dir;

    private ChatRepository repository;

    @BeforeEach
    void open() {
        repository = new ChatRepository(Database.open(dir));
    }

    @AfterEach
    void close() {
        repository.database().close();
    }

    @Test
    void aPrimedReplyIsStoredAsThinkingAndAnswer() throws Exception {
        ChatService chat = new ChatService(new ScriptedEngine(R1_PROMPT, R1_REPLY), repository);
        long id = chat.startConversation("What is 2+2?", "r1").id();
        List<ReasoningEvent> events = new ArrayList<>();

        Message reply = chat.send(id, "What is 2+2?", Sampling.r1Defaults(), ReasoningMarkers.DEFAULT, events::add);

        assertThat(reply.thinking()).isEqualTo("Let me add.");
        assertThat(reply.answer()).isEqualTo("The answer is 4.");
        assertThat(reply.status()).isEqualTo(MessageStatus.COMPLETE);
        assertThat(reply.thinkingClosed()).isTrue();
        assertThat(reply.thinkingMillis()).isNotNull();
        assertThat(reply.sampling()).isEqualTo(Sampling.r1Defaults());
        assertThat(events).filteredOn(ReasoningEvent.ThinkingFinished.class::isInstance).hasSize(1);
    }

    @Test
    void theListenerHearsOfTheStoredQuestionAndReplyBeforeTheFirstToken() throws Exception {
        ChatService chat = new ChatService(new ScriptedEngine(R1_PROMPT, R1_REPLY), repository);
        long id = chat.startConversation("q", "r1").id();
        List<String> heard = new ArrayList<>();

        Message reply = chat.send(id, "What is 2+2?", Sampling.r1Defaults(), ReasoningMarkers.DEFAULT,
                new ReplyListener() {
                    @Override
                    public void started(Message question, Message started) {
                        heard.add("started " + question.answer() + " / " + started.status());
                    }

                    @Override
                    public void accept(ReasoningEvent event) {
                        heard.add(event.getClass().getSimpleName());
                    }
                });

        assertThat(heard.getFirst()).isEqualTo("started What is 2+2? / STREAMING");
        assertThat(heard).hasSizeGreaterThan(1);
        assertThat(reply.status()).isEqualTo(MessageStatus.COMPLETE);
    }

    @Test
    void thinkingIsNotSentBackToTheModel() throws Exception {
        ScriptedEngine engine = new ScriptedEngine(R1_PROMPT, R1_REPLY);
        ChatService chat = new ChatService(engine, repository);
        long id = chat.startConversation("first", "r1").id();
        chat.send(id, "What is 2+2?", Sampling.r1Defaults(), ReasoningMarkers.DEFAULT, event -> { });

        chat.send(id, "And 3+3?", Sampling.r1Defaults(), ReasoningMarkers.DEFAULT, event -> { });

        assertThat(engine.lastTurns()).containsExactly(ChatTurn.user("What is 2+2?"),
                ChatTurn.assistant("The answer is 4."), ChatTurn.user("And 3+3?"));
        assertThat(engine.lastTurns()).noneMatch(turn -> turn.role() == Role.SYSTEM);
    }

    @Test
    void aReplyStoppedWhileThinkingIsKeptAsIncompleteAndUnclosed() throws Exception {
        ScriptedEngine engine = new ScriptedEngine(R1_PROMPT, R1_REPLY);
        ChatService chat = new ChatService(engine, repository);
        long id = chat.startConversation("q", "r1").id();

        Message reply = chat.send(id, "q", Sampling.r1Defaults(), ReasoningMarkers.DEFAULT, event -> engine.cancel());

        assertThat(reply.status()).isEqualTo(MessageStatus.INCOMPLETE);
        assertThat(reply.thinking()).isEqualTo("Let me");
        assertThat(reply.answer()).isEmpty();
        assertThat(reply.thinkingClosed()).isFalse();
    }

    @Test
    void anEngineCrashKeepsThePartialReplyAsIncompleteAndIsRethrown() throws Exception {
        EngineCrashed crash = new EngineCrashed("the engine process ended by SIGKILL", List.of("last line"));
        ChatService chat = new ChatService(new ScriptedEngine(R1_PROMPT, R1_REPLY.subList(0, 5), crash), repository);
        long id = chat.startConversation("q", "r1").id();

        assertThrows(EngineCrashed.class,
                () -> chat.send(id, "q", Sampling.r1Defaults(), ReasoningMarkers.DEFAULT, event -> { }));

        Message stored = repository.messages(id).getLast();
        assertThat(stored.status()).isEqualTo(MessageStatus.INCOMPLETE);
        assertThat(stored.thinking()).isEqualTo("Let me add.");
        assertThat(stored.error()).contains("SIGKILL");
    }

    @Test
    void aRealModelsReplyIsStoredAsItStreamed() throws Exception {
        try (LlamaEngine engine = new LlamaEngine(dir.resolve("cache"))) {
            engine.load(LoadSettings.defaults(SharedModel.stories260K()).withThreads(1));
            ChatService chat = new ChatService(engine, repository);
            long id = chat.startConversation("Tell me a story", "stories").id();
            StringBuilder streamed = new StringBuilder();

            Message reply = chat.send(id, "Tell me a story", Sampling.greedy(50), ReasoningMarkers.DEFAULT,
                    event -> {
                        if (event instanceof ReasoningEvent.AnswerDelta delta) {
                            streamed.append(delta.text());
                        }
                    });

            assertThat(reply.answer()).isNotBlank().isEqualTo(streamed.toString());
            assertThat(reply.thinking()).as("stories260K does not think").isEmpty();
            assertThat(reply.model()).isEqualTo("stories260K.gguf");
            assertThat(reply.stats().completionTokens()).isEqualTo(50);
            assertThat(reply.status()).isEqualTo(MessageStatus.COMPLETE);
        }
    }

    @Test
    void killingTheEngineChildMidReplyStoresItIncompleteAndTheNextMessageWorks() throws Exception {
        try (EngineProcess engine = EngineProcess.create(dir.resolve("cache"))) {
            engine.load(LoadSettings.defaults(SharedModel.stories260K()).withThreads(1));
            ChatService chat = new ChatService(engine, repository);
            long id = chat.startConversation("Tell me a story", "stories").id();
            long pid = engine.pid().orElseThrow();
            StringBuilder streamed = new StringBuilder();
            AtomicBoolean killed = new AtomicBoolean();

            assertThrows(EngineCrashed.class, () -> chat.send(id, "Tell me a story", Sampling.greedy(1_000_000),
                    ReasoningMarkers.DEFAULT, event -> {
                        if (event instanceof ReasoningEvent.AnswerDelta delta) {
                            streamed.append(delta.text());
                        }
                        if (streamed.length() > 100 && killed.compareAndSet(false, true)) {
                            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
                        }
                    }));
            Message partial = repository.messages(id).getLast();
            assertThat(partial.status()).isEqualTo(MessageStatus.INCOMPLETE);
            assertThat(partial.answer()).isEqualTo(streamed.toString()).hasSizeGreaterThan(100);

            Message next = chat.send(id, "Another one", Sampling.greedy(20), ReasoningMarkers.DEFAULT, event -> { });
            assertThat(next.status()).isEqualTo(MessageStatus.COMPLETE);
            assertThat(next.answer()).isNotBlank();
        }
    }
}
