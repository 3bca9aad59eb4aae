package dev.ponder.ui.layout;

import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;

import dev.ponder.ui.chat.ChatView;
import dev.ponder.ui.chat.ChatViewModel;
import dev.ponder.ui.conversations.ConversationsView;
import dev.ponder.ui.model.ModelBar;
import dev.ponder.ui.model.ModelViewModel;

/** The window's layout: the model bar on top, conversations beside the chat, the status bar below. */
public final class MainWindow extends BorderPane {

    private final SplitPane split;

    public MainWindow(ModelBar modelBar, ConversationsView sidebar, ChatView chat, ChatViewModel chatModel,
                      ModelViewModel model) {
        getStyleClass().add("main-window");
        split = new SplitPane(sidebar, chat);
        split.setId("main-split");
        SplitPane.setResizableWithParent(sidebar, false);
        setTop(modelBar);
        setCenter(split);
        setBottom(new StatusBar(chatModel, model));
    }

    /** Where the divider between conversations and chat sits, as a fraction of the width. */
    public double sidebarPosition() {
        return split.getDividerPositions()[0];
    }

    public void setSidebarPosition(double position) {
        split.setDividerPositions(position);
    }
}
