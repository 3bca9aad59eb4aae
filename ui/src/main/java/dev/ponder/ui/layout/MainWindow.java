package dev.ponder.ui.layout;

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

/**
 * The window's layout: Chat or Textbooks and the model bar on top; conversations beside the chat, or the books beside
 * the one shown; the status bar below.
 */
public final class MainWindow extends BorderPane {

    private final SplitPane split;
    private final BooksView books;
    private final ToggleButton chatMode = new ToggleButton("Chat");
    private final ToggleButton booksMode = new ToggleButton("Textbooks");

    public MainWindow(ModelBar modelBar, ConversationsView sidebar, ChatView chat, ChatViewModel chatModel,
                      ModelViewModel model, BooksView books) {
        getStyleClass().add("main-window");
        this.books = books;
        split = new SplitPane(sidebar, chat);
        split.setId("main-split");
        SplitPane.setResizableWithParent(sidebar, false);

        ToggleGroup modes = new ToggleGroup();
        chatMode.setId("mode-chat");
        booksMode.setId("mode-books");
        chatMode.getStyleClass().add(Styles.LEFT_PILL);
        booksMode.getStyleClass().add(Styles.RIGHT_PILL);
        chatMode.setToggleGroup(modes);
        booksMode.setToggleGroup(modes);
        chatMode.setSelected(true);
        modes.selectedToggleProperty().addListener((observable, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one mode is always on
            } else {
                setCenter(now == booksMode ? books : split);
            }
        });
        HBox switcher = new HBox(chatMode, booksMode);
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

    public boolean showingBooks() {
        return getCenter() == books;
    }

    /** Where the divider between conversations and chat sits, as a fraction of the width. */
    public double sidebarPosition() {
        return split.getDividerPositions()[0];
    }

    public void setSidebarPosition(double position) {
        split.setDividerPositions(position);
    }
}
