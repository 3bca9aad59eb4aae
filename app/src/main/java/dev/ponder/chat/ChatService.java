package dev.ponder.chat;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import dev.ponder.engine.ChatTurn;
import dev.ponder.engine.Engine;
import dev.ponder.engine.EngineCrashed;
import dev.ponder.engine.EngineException;
import dev.ponder.engine.Generation;
import dev.ponder.engine.Sampling;
import dev.ponder.engine.StopReason;
import dev.ponder.engine.TokenSink;
import dev.ponder.reasoning.ReasoningEvent;
import dev.ponder.reasoning.ReasoningMarkers;
import dev.ponder.reasoning.ReasoningSplitter;

/**
 * One chat turn from the user's text to a stored answer: the history goes to the engine without thinking, the reply
 * is split into thinking and answer as it streams, and both are saved as they come, so that a crash of the engine
 * or of the app keeps what was written.
 */
public final class ChatService {

    private static final int TITLE_LENGTH = 60;

    private final Engine engine;
    private final ChatRepository repository;

    public ChatService(Engine engine, ChatRepository repository) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    public ChatRepository repository() {
        return repository;
    }

    /** A new conversation titled after its first message. */
    public Conversation startConversation(String firstMessage, String model) {
        return repository.createConversation(titleFrom(firstMessage), model);
    }

    static String titleFrom(String text) {
        String line = text.strip().lines().findFirst().orElse("").strip();
        if (line.isEmpty()) {
            return "New chat";
        }
        return line.length() <= TITLE_LENGTH ? line : line.substring(0, TITLE_LENGTH - 1).stripTrailing() + "…";
    }

    /**
     * Sends the user's text and streams the reply; blocks until it ends. {@code events} sees thinking and answer as
     * they arrive, on the engine's thread. A cancel ({@link Engine#cancel()}) ends the reply as incomplete, with its
     * text kept; an engine crash does the same and is rethrown so the caller can tell the user.
     */
    public Message send(long conversationId, String userText, Sampling sampling, ReasoningMarkers markers,
                        Consumer<ReasoningEvent> events) throws EngineException {
        repository.addUserMessage(conversationId, userText);
        List<ChatTurn> history = HistoryAssembler.assemble(repository.messages(conversationId));
        String model = engine.loaded().map(loaded -> loaded.settings().model().getFileName().toString())
                .orElse(null);
        Message assistant = repository.startAssistantMessage(conversationId, model, sampling);
        try (StreamingMessageWriter writer = new StreamingMessageWriter(repository, assistant.id())) {
            ReplyRecorder recorder = new ReplyRecorder(writer, markers, events);
            try {
                Generation generation = engine.chat(history, sampling, recorder);
                recorder.finish(generation.stopReason() == StopReason.CANCELLED ? MessageStatus.INCOMPLETE
                        : MessageStatus.COMPLETE, null, GenerationStats.of(generation));
            } catch (EngineCrashed e) {
                recorder.finish(MessageStatus.INCOMPLETE, e.getMessage(), GenerationStats.NONE);
                throw e;
            } catch (EngineException | RuntimeException e) {
                recorder.finish(writer.answer().isEmpty() && writer.thinking().isEmpty() ? MessageStatus.ERROR
                        : MessageStatus.INCOMPLETE, e.getMessage(), GenerationStats.NONE);
                throw e;
            }
        }
        return repository.findMessage(assistant.id()).orElseThrow();
    }

    /** Feeds the engine's tokens through the splitter into the writer and the caller's listener. */
    private static final class ReplyRecorder implements TokenSink {

        private final StreamingMessageWriter writer;
        private final ReasoningMarkers markers;
        private final Consumer<ReasoningEvent> events;
        private ReasoningSplitter splitter;
        private Duration thought;

        ReplyRecorder(StreamingMessageWriter writer, ReasoningMarkers markers, Consumer<ReasoningEvent> events) {
            this.writer = writer;
            this.markers = markers;
            this.events = events;
        }

        @Override
        public void promptRendered(String prompt) {
            splitter = new ReasoningSplitter(markers, markers.primes(prompt), this::record);
        }

        @Override
        public void token(String text) {
            if (splitter == null) {
                // An engine that did not report its prompt gets no priming: the reply starts outside thinking.
                promptRendered("");
            }
            splitter.accept(text);
        }

        private void record(ReasoningEvent event) {
            switch (event) {
                case ReasoningEvent.ThinkingDelta delta -> writer.appendThinking(delta.text());
                case ReasoningEvent.AnswerDelta delta -> writer.appendAnswer(delta.text());
                case ReasoningEvent.ThinkingFinished finished -> thought = finished.duration();
            }
            events.accept(event);
        }

        void finish(MessageStatus status, String error, GenerationStats stats) {
            boolean closed = true;
            if (splitter != null) {
                splitter.finish();
                closed = !splitter.inThinking();
            }
            writer.finish(thought == null ? null : thought.toMillis(), closed, status, error, stats);
        }
    }
}
