package dev.ponder.ui.conversations;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

import dev.ponder.chat.ChatRepository;
import dev.ponder.chat.Conversation;
import dev.ponder.chat.ConversationExporter;
import dev.ponder.chat.SearchHit;
import dev.ponder.ui.Background;

/**
 * The sidebar's state: conversations newest first, a search over every message, and a delete that can be undone for
 * a few seconds before the rows really go.
 */
public final class ConversationsViewModel {

    /** How long a deleted conversation can be brought back. */
    static final Duration UNDO_TIME = Duration.seconds(8);

    /** A delete not yet carried out. */
    public record PendingDelete(Conversation conversation, PauseTransition timer) {
    }

    private final ChatRepository repository;
    private final Background background;
    private final Consumer<Throwable> problems;
    private final ObservableList<Conversation> conversations = FXCollections.observableArrayList();
    private final ObservableList<SearchHit> hits = FXCollections.observableArrayList();
    private final StringProperty query = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<PendingDelete> pendingDelete = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();

    public ConversationsViewModel(ChatRepository repository, Background background, Consumer<Throwable> problems) {
        this.repository = repository;
        this.background = background;
        this.problems = problems;
        query.addListener((observable, old, text) -> search(text));
    }

    public ObservableList<Conversation> conversations() {
        return conversations;
    }

    public ObservableList<SearchHit> hits() {
        return hits;
    }

    public StringProperty queryProperty() {
        return query;
    }

    /** Whether the list has been read from the database once. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PendingDelete> pendingDeleteProperty() {
        return pendingDelete.getReadOnlyProperty();
    }

    public void refresh() {
        background.run(repository::listConversations, this::show, problems);
        if (!query.get().isBlank()) {
            search(query.get());
        }
    }

    private void show(List<Conversation> all) {
        PendingDelete pending = pendingDelete.get();
        conversations.setAll(pending == null ? all
                : all.stream().filter(c -> c.id() != pending.conversation().id()).toList());
        loaded.set(true);
    }

    private void search(String text) {
        if (text == null || text.isBlank()) {
            hits.clear();
            return;
        }
        background.run(() -> repository.search(text, 100), found -> {
            if (text.equals(query.get())) {
                hits.setAll(found);
            }
        }, problems);
    }

    public void rename(long id, String title) {
        if (title == null || title.isBlank()) {
            return;
        }
        background.run(() -> {
            repository.renameConversation(id, title.strip());
            return repository.listConversations();
        }, this::show, problems);
    }

    /** Hides the conversation now and deletes it when the undo time has passed. */
    public void delete(Conversation conversation) {
        commitPendingDelete();
        PauseTransition timer = new PauseTransition(UNDO_TIME);
        PendingDelete pending = new PendingDelete(conversation, timer);
        timer.setOnFinished(event -> commit(pending));
        pendingDelete.set(pending);
        conversations.removeIf(c -> c.id() == conversation.id());
        timer.play();
    }

    public void undoDelete() {
        PendingDelete pending = pendingDelete.get();
        if (pending != null) {
            pending.timer().stop();
            pendingDelete.set(null);
            refresh();
        }
    }

    /** Carries out a delete still waiting for its undo time (the window is closing). */
    public void commitPendingDelete() {
        PendingDelete pending = pendingDelete.get();
        if (pending != null) {
            pending.timer().stop();
            commit(pending);
        }
    }

    private void commit(PendingDelete pending) {
        if (pendingDelete.get() == pending) {
            pendingDelete.set(null);
        }
        long id = pending.conversation().id();
        background.run(() -> {
            repository.deleteConversation(id);
            return repository.listConversations();
        }, this::show, problems);
    }

    public void export(long id, Path file, Runnable done) {
        background.run(() -> {
            new ConversationExporter(repository, java.time.ZoneId.systemDefault()).writeTo(id, file);
            return file;
        }, written -> done.run(), problems);
    }
}
