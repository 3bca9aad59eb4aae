package dev.ponder.ui.conversations;

import java.io.File;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import dev.ponder.chat.Conversation;
import dev.ponder.chat.SearchHit;

/**
 * The left column: a "New chat" button, search (Ctrl+K), and the conversations newest first, each with rename,
 * export to Markdown and delete (with undo) in its context menu. While a search runs, its hits replace the list.
 */
public final class ConversationsView extends VBox {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM, HH:mm")
            .withZone(ZoneId.systemDefault());

    private final ConversationsViewModel model;
    private final CustomTextField search = new CustomTextField();
    private final ListView<Conversation> list = new ListView<>();
    private final ListView<SearchHit> results = new ListView<>();
    private ContextMenu menu;
    private Conversation menuTarget;

    /** @param openAt opens a search hit: the conversation, at the message found */
    public ConversationsView(ConversationsViewModel model, Runnable newChat, LongConsumer open,
                             BiConsumer<Long, Long> openAt) {
        this.model = model;
        getStyleClass().add("sidebar");
        setSpacing(8);
        setPadding(new Insets(12, 8, 8, 8));

        Button create = new Button("New chat", new FontIcon(Material2AL.ADD));
        create.setId("new-chat");
        create.setMaxWidth(Double.MAX_VALUE);
        create.getStyleClass().add(Styles.ACCENT);
        create.setOnAction(event -> newChat.run());

        search.setId("search");
        search.setPromptText("Search (Ctrl+K)");
        search.setLeft(new FontIcon(Material2MZ.SEARCH));
        search.textProperty().bindBidirectional(model.queryProperty());

        list.setId("conversations");
        list.setItems(model.conversations());
        list.setCellFactory(view -> new ConversationCell());
        list.getSelectionModel().selectedItemProperty().addListener((observable, old, selected) -> {
            if (selected != null) {
                open.accept(selected.id());
            }
        });
        list.setPlaceholder(new Label("No conversations yet"));
        model.loadedProperty().addListener((observable, was, loaded) -> {
            if (loaded && model.conversations().isEmpty()) {
                Platform.runLater(this::warmUpRow);
            }
        });

        results.setId("search-results");
        results.setItems(model.hits());
        results.setCellFactory(view -> new HitCell());
        results.setPlaceholder(new Label("Nothing found"));
        results.getSelectionModel().selectedItemProperty().addListener((observable, old, hit) -> {
            if (hit != null) {
                openAt.accept(hit.conversationId(), hit.messageId());
            }
        });
        results.visibleProperty().bind(model.queryProperty().isNotEmpty());
        list.visibleProperty().bind(results.visibleProperty().not());

        StackPane lists = new StackPane(list, results);
        VBox.setVgrow(lists, Priority.ALWAYS);
        getChildren().addAll(create, search, lists, undoBar());
    }

    /**
     * An empty list has built no row yet: the first one would be created, styled and laid out for the first time in
     * this process as the first reply starts, and measured anew as it ends, 20-50 ms of the FX thread each time, the
     * longest stalls of a fresh install's first reply (UiBenchmark). One row is built aside while the user types.
     */
    private void warmUpRow() {
        if (getScene() == null) {
            return;
        }
        Instant now = Instant.now();
        ListView<Conversation> aside = new ListView<>(FXCollections.observableArrayList(
                new Conversation(-1, "A first conversation", null, now, now, 1)));
        aside.setCellFactory(list.getCellFactory());
        Scene scene = new Scene(aside, Math.max(list.getWidth(), 200), 120);
        scene.getStylesheets().setAll(getScene().getStylesheets());
        aside.applyCss();
        aside.layout();
        aside.getItems().set(0, new Conversation(-1, "A first conversation", null, now, now, 2));
        aside.layout();
    }

    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    /** Marks the open conversation in the list without opening it again. */
    public void select(Long conversationId) {
        if (conversationId == null) {
            list.getSelectionModel().clearSelection();
            return;
        }
        model.conversations().stream().filter(c -> c.id() == conversationId).findFirst()
                .ifPresent(c -> list.getSelectionModel().select(c));
    }

    private Region undoBar() {
        Label text = new Label();
        text.textProperty().bind(Bindings.createStringBinding(() -> {
            var pending = model.pendingDeleteProperty().get();
            return pending == null ? "" : "Deleted “" + pending.conversation().title() + "”";
        }, model.pendingDeleteProperty()));
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button undo = new Button("Undo");
        undo.setId("undo-delete");
        undo.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
        undo.setOnAction(event -> model.undoDelete());
        HBox bar = new HBox(8, text, undo);
        bar.getStyleClass().add("undo-bar");
        bar.visibleProperty().bind(model.pendingDeleteProperty().isNotNull());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private void rename(Conversation conversation) {
        TextInputDialog dialog = new TextInputDialog(conversation.title());
        dialog.setTitle("Rename conversation");
        dialog.setHeaderText(null);
        dialog.setContentText("Title:");
        dialog.initOwner(getScene().getWindow());
        dialog.showAndWait().ifPresent(title -> model.rename(conversation.id(), title));
    }

    private void export(Conversation conversation) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export conversation to Markdown");
        chooser.setInitialFileName(conversation.title().replaceAll("[\\\\/:*?\"<>|]", "_") + ".md");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Markdown", "*.md"));
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            model.export(conversation.id(), file.toPath(), () -> { });
        }
    }

    /**
     * The menu of a row, shared by all rows and made the first time it is asked for: a menu per cell made each row a
     * popup window with its own scene, and the list's first rows took 40-100 ms to appear (UiBenchmark's stall at the
     * end of a new conversation's first reply).
     */
    private void showMenu(ConversationCell cell, Conversation conversation, double screenX, double screenY) {
        if (menu == null) {
            MenuItem rename = new MenuItem("Rename…", new FontIcon(Material2AL.EDIT));
            rename.setOnAction(event -> rename(menuTarget));
            MenuItem export = new MenuItem("Export to Markdown…", new FontIcon(Material2MZ.SAVE_ALT));
            export.setOnAction(event -> export(menuTarget));
            MenuItem delete = new MenuItem("Delete", new FontIcon(Material2AL.DELETE));
            delete.setOnAction(event -> model.delete(menuTarget));
            menu = new ContextMenu(rename, export, delete);
            menu.setId("conversation-menu");
        }
        menuTarget = conversation;
        menu.show(cell, screenX, screenY);
    }

    private final class ConversationCell extends ListCell<Conversation> {

        private final Label title = new Label();
        private final Label when = new Label();
        private final VBox box = new VBox(2, title, when);

        ConversationCell() {
            // A cell that asks for no width never makes the list scroll sideways: long titles end in an ellipsis.
            setPrefWidth(0);
            title.getStyleClass().add("conversation-title");
            when.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            setOnContextMenuRequested(event -> {
                if (getItem() != null) {
                    showMenu(this, getItem(), event.getScreenX(), event.getScreenY());
                    event.consume();
                }
            });
        }

        @Override
        protected void updateItem(Conversation conversation, boolean empty) {
            super.updateItem(conversation, empty);
            if (empty || conversation == null) {
                setGraphic(null);
                return;
            }
            title.setText(conversation.title());
            when.setText(WHEN.format(conversation.updatedAt()) + " · " + conversation.messageCount() + " messages");
            setGraphic(box);
        }
    }

    private static final class HitCell extends ListCell<SearchHit> {

        private final Label title = new Label();
        private final Label snippet = new Label();
        private final VBox box = new VBox(2, title, snippet);

        HitCell() {
            setPrefWidth(0);
            title.getStyleClass().add("conversation-title");
            snippet.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            snippet.setWrapText(true);
        }

        @Override
        protected void updateItem(SearchHit hit, boolean empty) {
            super.updateItem(hit, empty);
            if (empty || hit == null) {
                setGraphic(null);
                return;
            }
            title.setText(hit.conversationTitle());
            snippet.setText(hit.snippet().replace('\n', ' '));
            setGraphic(box);
        }
    }
}
