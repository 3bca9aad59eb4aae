package dev.ponder.ui.chat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.ponder.chat.ChatRepository;
import dev.ponder.chat.ChatService;
import dev.ponder.chat.GenerationStats;
import dev.ponder.chat.Message;
import dev.ponder.chat.ReplyListener;
import dev.ponder.engine.Engine;
import dev.ponder.engine.EngineCrashed;
import dev.ponder.engine.Role;
import dev.ponder.engine.Sampling;
import dev.ponder.engine.ServedModel;
import dev.ponder.reasoning.ReasoningEvent;
import dev.ponder.reasoning.ReasoningMarkers;
import dev.ponder.ui.Background;

/**
 * The open conversation: its turns, the reply streaming now, and what the status bar says. Changes only on the FX
 * thread; the engine and the database are used from {@link Background} work.
 */
public final class ChatViewModel {

    /** What a turn needs from the settings at the moment it starts. */
    public record TurnSettings(Sampling sampling, ReasoningMarkers markers) {
    }

    private final ChatService chat;
    private final Engine engine;
    private final Background background;
    private final Supplier<TurnSettings> settings;

    private final ObservableList<Turn> turns = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Long> conversationId = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LiveReply> live = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Long> reveal = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper generating = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper stats = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Integer> contextUsed = new ReadOnlyObjectWrapper<>();
    private Runnable onConversationsChanged = () -> { };

    public ChatViewModel(ChatService chat, Engine engine, Background background, Supplier<TurnSettings> settings) {
        this.chat = chat;
        this.engine = engine;
        this.background = background;
        this.settings = settings;
    }

    public ObservableList<Turn> turns() {
        return turns;
    }

    public ReadOnlyObjectProperty<Long> conversationIdProperty() {
        return conversationId.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LiveReply> liveProperty() {
        return live.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty generatingProperty() {
        return generating.getReadOnlyProperty();
    }

    /** "312 tokens · 42.1 tok/s · first token 120 ms" of the last reply. */
    public ReadOnlyStringProperty statsProperty() {
        return stats.getReadOnlyProperty();
    }

    /** Tokens of context the last reply used (prompt and reply), or null before any. */
    public ReadOnlyObjectProperty<Integer> contextUsedProperty() {
        return contextUsed.getReadOnlyProperty();
    }

    /** What went wrong, in words for the user, or null; the banner shows it. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Shows a message in the banner. */
    public void reportText(String text) {
        problem.set(text);
    }

    public void dismissProblem() {
        problem.set(null);
    }

    /** Called when a turn starts or ends, as it adds, renames or reorders conversations: the sidebar refreshes. */
    public void setOnConversationsChanged(Runnable listener) {
        onConversationsChanged = listener;
    }

    public void newChat() {
        if (generating.get()) {
            return;
        }
        conversationId.set(null);
        turns.clear();
        stats.set("");
        contextUsed.set(null);
    }

    public void open(long id) {
        if (generating.get()) {
            return;
        }
        background.run(() -> load(id), loaded -> {
            conversationId.set(id);
            turns.setAll(loaded);
        }, this::report);
    }

    /**
     * Opens a conversation at one of its messages, a search hit: its branch becomes the one shown if it is not, and
     * the transcript reveals it.
     */
    public void openAt(long conversation, long messageId) {
        if (generating.get()) {
            return;
        }
        background.run(() -> {
            if (chat.repository().activePath(conversation).stream().noneMatch(m -> m.id() == messageId)) {
                chat.repository().selectBranch(messageId);
            }
            return load(conversation);
        }, loaded -> {
            reveal.set(messageId);
            conversationId.set(conversation);
            turns.setAll(loaded);
        }, this::report);
    }

    /** The message the transcript should bring into view (a search hit), or null. */
    public ReadOnlyObjectProperty<Long> revealProperty() {
        return reveal.getReadOnlyProperty();
    }

    /** The transcript has revealed it. */
    public void revealed() {
        reveal.set(null);
    }

    private List<Turn> load(long id) {
        ChatRepository repository = chat.repository();
        List<Turn> loaded = new ArrayList<>();
        for (Message message : repository.activePath(id)) {
            List<Message> siblings = repository.siblings(message.id());
            loaded.add(new Turn(message, positionOf(siblings, message.id()) + 1, siblings.size()));
        }
        return loaded;
    }

    /** Sends the user's text in the open conversation, or in a new one. */
    public void send(String text) {
        if (generating.get() || text.isBlank() || !modelReady()) {
            return;
        }
        Long existing = conversationId.get();
        startTurn(false, listener -> {
            long id = existing != null ? existing
                    : chat.startConversation(text, modelName()).id();
            Background.onFx(() -> conversationId.set(id));
            return chat.send(id, text, turnSettings().sampling(), turnSettings().markers(), listener);
        });
    }

    /** Answers the last user message again; the old answer stays as a branch. */
    public void regenerate() {
        Long id = conversationId.get();
        if (generating.get() || id == null || !modelReady()) {
            return;
        }
        removeFromLastReply();
        startTurn(true, listener -> chat.regenerate(id, turnSettings().sampling(), turnSettings().markers(), listener));
    }

    /** Sends a changed version of a user message; the old one and its answers stay as a branch. */
    public void edit(long userMessageId, String newText) {
        if (generating.get() || newText.isBlank() || !modelReady()) {
            return;
        }
        removeFrom(userMessageId);
        startTurn(true, listener -> chat.edit(userMessageId, newText, turnSettings().sampling(), turnSettings().markers(),
                listener));
    }

    /** Shows the previous or next sibling of a message, with that branch's continuation. */
    public void switchBranch(long messageId, int step) {
        Long id = conversationId.get();
        if (generating.get() || id == null) {
            return;
        }
        background.run(() -> {
            List<Message> siblings = chat.repository().siblings(messageId);
            int target = Math.floorMod(positionOf(siblings, messageId) + step, siblings.size());
            chat.repository().selectBranch(siblings.get(target).id());
            return load(id);
        }, turns::setAll, this::report);
    }

    /** Where message {@code id} stands among its siblings (which always include it). */
    private static int positionOf(List<Message> siblings, long id) {
        for (int i = 0; i < siblings.size(); i++) {
            if (siblings.get(i).id() == id) {
                return i;
            }
        }
        throw new IllegalStateException("message " + id + " is not among its own siblings");
    }

    /** Stops the reply; what was written stays, marked incomplete. */
    public void stop() {
        if (generating.get()) {
            background.execute(engine::cancel);
        }
    }

    private TurnSettings turnSettings() {
        return settings.get();
    }

    private boolean modelReady() {
        if (engine.served().isEmpty()) {
            problem.set("Choose a model first: open a GGUF file, or a server's model, from the model menu at the top.");
            return false;
        }
        return true;
    }

    /** The name a new conversation records: the file's, or the server's model. */
    private String modelName() {
        return engine.served().map(ServedModel::name).orElse(null);
    }

    @FunctionalInterface
    private interface TurnWork {
        Message run(ReplyListener listener) throws Exception;
    }

    /** @param reloadAfter whether branch counts change, so the shown path is read again afterwards */
    private void startTurn(boolean reloadAfter, TurnWork work) {
        generating.set(true);
        problem.set(null);
        StreamBuffer buffer = new StreamBuffer();
        ReplyListener listener = new ReplyListener() {
            @Override
            public void started(Message userMessage, Message reply) {
                Background.onFx(() -> {
                    if (userMessage != null) {
                        turns.add(Turn.single(userMessage));
                    }
                    turns.add(Turn.single(reply));
                    live.set(new LiveReply(reply.id(), buffer, Instant.now()));
                    // A new conversation is in the sidebar while its first reply streams, not only once it ends.
                    onConversationsChanged.run();
                });
            }

            @Override
            public void accept(ReasoningEvent event) {
                buffer.accept(event);
            }
        };
        background.run(() -> work.run(listener), reply -> finished(reply, reloadAfter), this::failed);
    }

    private void finished(Message reply, boolean reloadAfter) {
        live.set(null);
        replace(reply);
        generating.set(false);
        if (reloadAfter) {
            long id = reply.conversationId();
            background.run(() -> load(id), turns::setAll, this::report);
        }
        GenerationStats s = reply.stats();
        if (s.completionTokens() != null) {
            stats.set(String.format(Locale.ROOT, "%d tokens · %.1f tok/s · first token %d ms", s.completionTokens(),
                    s.tokensPerSecond(), s.timeToFirstTokenMillis()));
            contextUsed.set(s.promptTokens() + s.completionTokens());
        }
        onConversationsChanged.run();
    }

    private void failed(Throwable error) {
        LiveReply reply = live.get();
        live.set(null);
        generating.set(false);
        report(error);
        if (reply != null) {
            background.run(() -> chat.repository().findMessage(reply.messageId()).orElseThrow(), this::replace,
                    this::report);
        }
        onConversationsChanged.run();
    }

    /** Shows what went wrong in the banner. */
    public void report(Throwable error) {
        Throwable cause = error.getCause() != null && !(error instanceof EngineCrashed) && error.getMessage() == null
                ? error.getCause() : error;
        problem.set(cause.getMessage() != null ? cause.getMessage() : cause.toString());
    }

    private void replace(Message message) {
        for (int i = 0; i < turns.size(); i++) {
            Turn turn = turns.get(i);
            if (turn.id() == message.id()) {
                turns.set(i, new Turn(message, turn.branchIndex(), turn.branchCount()));
                return;
            }
        }
    }

    private void removeFromLastReply() {
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).message().role() == Role.ASSISTANT) {
                turns.remove(i, turns.size());
                return;
            }
        }
    }

    private void removeFrom(long messageId) {
        for (int i = 0; i < turns.size(); i++) {
            if (turns.get(i).id() == messageId) {
                turns.remove(i, turns.size());
                return;
            }
        }
    }
}
