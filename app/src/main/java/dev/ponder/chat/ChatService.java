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
import dev.ponder.engine.Role;
import dev.ponder.engine.Sampling;
import dev.ponder.engine.ServedModel;
import dev.ponder.engine.StopReason;
import dev.ponder.engine.TokenSink;
import dev.ponder.reasoning.ReasoningEvent;
import dev.ponder.reasoning.ReasoningMarkers;
import dev.ponder.store.StoreException;

/**
 * One chat turn from the user's text to a stored answer: the history goes to the engine without thinking, the reply
 * is split into thinking and answer as it streams, and both are saved as they come, so that a crash of the engine
 * or of the app keeps what was written. A turn can also redo an answer or answer an edited question, as a new branch
 * beside the old one (see {@link ChatRepository}).
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
     * Sends the user's text after the transcript's last message and streams the reply; blocks until it ends.
     * {@code events} sees thinking and answer as they arrive, on the engine's thread. A cancel
     * ({@link Engine#cancel()}) ends the reply as incomplete, with its text kept; an engine crash does the same and is
     * rethrown so the caller can tell the user.
     */
    public Message send(long conversationId, String userText, Sampling sampling, ReasoningMarkers markers,
                        ReplyListener events) throws EngineException {
        return reply(repository.addUserMessage(conversationId, userText), true, sampling, markers, events);
    }

    /**
     * Writes a new version of the transcript's last answer, as its sibling: the old one stays reachable through
     * {@link ChatRepository#siblings}. The model sees the transcript up to the question that answer replied to.
     * Streams like {@link #send}.
     *
     * @throws IllegalStateException when the transcript holds no answer to a question
     */
    public Message regenerate(long conversationId, Sampling sampling, ReasoningMarkers markers,
                              ReplyListener events) throws EngineException {
        List<Message> path = repository.activePath(conversationId);
        int last = path.size() - 1;
        while (last >= 0 && path.get(last).role() != Role.ASSISTANT) {
            last--;
        }
        if (last < 1) {
            throw new IllegalStateException("conversation " + conversationId + " has no answer to regenerate");
        }
        return reply(path.get(last - 1), false, sampling, markers, events);
    }

    /**
     * Sends {@code newText} in place of a question the user asked, as its sibling (the original and its answers stay
     * reachable), and streams the reply like {@link #send}.
     *
     * @throws IllegalArgumentException when the message is not the user's
     */
    public Message edit(long userMessageId, String newText, Sampling sampling, ReasoningMarkers markers,
                        ReplyListener events) throws EngineException {
        Message original = repository.findMessage(userMessageId).orElseThrow(() -> new StoreException(
                StoreException.Kind.NOT_FOUND, "message " + userMessageId + " no longer exists (it was deleted)"));
        if (original.role() != Role.USER) {
            throw new IllegalArgumentException("message " + userMessageId + " is not yours to edit: it is an "
                    + original.role().wireName() + " message");
        }
        return reply(repository.addUserMessageAfter(original.conversationId(), original.parentId(), newText), true,
                sampling, markers, events);
    }

    /**
     * Streams and stores the answer to {@code question}, given the history that leads to it.
     *
     * @param newQuestion whether the question was just added (the listener is told of it)
     */
    private Message reply(Message question, boolean newQuestion, Sampling sampling, ReasoningMarkers markers,
                          ReplyListener events) throws EngineException {
        List<ChatTurn> history = HistoryAssembler.assemble(repository.pathTo(question.id()));
        String model = engine.served().map(ServedModel::name).orElse(null);
        Message assistant = repository.startAssistantMessageAfter(question.conversationId(), question.id(), model,
                sampling);
        events.started(newQuestion ? question : null, assistant);
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
        private final Consumer<ReasoningEvent> events;
        private final SplittingSink splitter;
        private Duration thought;

        ReplyRecorder(StreamingMessageWriter writer, ReasoningMarkers markers, Consumer<ReasoningEvent> events) {
            this.writer = writer;
            this.events = events;
            this.splitter = new SplittingSink(markers, this::record);
        }

        @Override
        public void promptRendered(String prompt) {
            splitter.promptRendered(prompt);
        }

        @Override
        public void token(String text) {
            splitter.token(text);
        }

        @Override
        public void reasoning(String text) {
            splitter.reasoning(text);
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
            boolean closed = !splitter.finish();
            writer.finish(thought == null ? null : thought.toMillis(), closed, status, error, stats);
        }
    }
}
