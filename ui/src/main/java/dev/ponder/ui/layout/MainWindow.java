package dev.ponder.ui.layout;

import java.util.function.Supplier;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import atlantafx.base.theme.Styles;
import dev.ponder.ui.book.BooksView;
import dev.ponder.ui.chat.ChatView;
import dev.ponder.ui.chat.ChatViewModel;
import dev.ponder.ui.conversations.ConversationsView;
import dev.ponder.ui.model.ModelBar;
import dev.ponder.ui.model.ModelViewModel;
import dev.ponder.ui.models.ModelsView;

/**
 * The window's layout: Chat, Textbooks or Models and the model bar on top; conversations beside the chat, the books
 * beside the one shown, or the catalog, downloads and local models; the status bar below.
 */
public final class MainWindow extends BorderPane {
    // Textbooks and Models are made when first shown: their WebViews and tables would cost every start-up.

    private final SplitPane split;
    private final Supplier<BooksView> books;
    private final Supplier<ModelsView> models;
    private final ToggleButton chatMode = new ToggleButton("Chat");
    private final ToggleButton booksMode = new ToggleButton("Textbooks");
    private final ToggleButton modelsMode = new ToggleButton("Models");

    public MainWindow(ModelBar modelBar, ConversationsView sidebar, ChatView chat, ChatViewModel chatModel,
                      ModelViewModel model, Supplier<BooksView> books, Supplier<ModelsView> models) {
        getStyleClass().add("main-window");
        this.books = books;
        this.models = models;
        split = new SplitPane(sidebar, chat);
        split.setId("main-split");
        SplitPane.setResizableWithParent(sidebar, false);

        ToggleGroup modes = new ToggleGroup();
        chatMode.setId("mode-chat");
        booksMode.setId("mode-books");
        modelsMode.setId("mode-models");
        chatMode.getStyleClass().add(Styles.LEFT_PILL);
        booksMode.getStyleClass().add(Styles.CENTER_PILL);
        modelsMode.getStyleClass().add(Styles.RIGHT_PILL);
        for (ToggleButton mode : new ToggleButton[] {chatMode, booksMode, modelsMode}) {
            mode.setToggleGroup(modes);
        }
        chatMode.setSelected(true);
        modes.selectedToggleProperty().addListener((observable, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one mode is always on
            } else {
                setCenter(now == booksMode ? books.get() : now == modelsMode ? models.get() : split);
            }
        });
        HBox switcher = new HBox(chatMode, booksMode, modelsMode);
        switcher.setAlignment(Pos.CENTER_LEFT);
        switcher.setPadding(new Insets(0, 0, 0, 12));
        HBox.setHgrow(modelBar, Priority.ALWAYS);
        HBox top = new HBox(switcher, modelBar);
        top.getStyleClass().add("model-bar");
        top.setAlignment(Pos.CENTER_LEFT);
        setTop(top);
        setCenter(split);
        setBottom(new StatusBar(chatModel, model));
    }

    public void showBooks() {
        booksMode.setSelected(true);
    }

    public void showChat() {
        chatMode.setSelected(true);
    }

    public void showModels() {
        modelsMode.setSelected(true);
    }

    public boolean showingBooks() {
        return booksMode.isSelected();
    }

    public boolean showingModels() {
        return modelsMode.isSelected();
    }

    /** Where the divider between conversations and chat sits, as a fraction of the width. */
    public double sidebarPosition() {
        return split.getDividerPositions()[0];
    }

    public void setSidebarPosition(double position) {
        split.setDividerPositions(position);
    }
}
