package dev.ponder.ui.chat;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

import atlantafx.base.theme.Styles;

/** Where the user writes: Enter sends, Shift+Enter starts a new line, Esc or the Stop button stops the reply. */
final class Composer extends HBox {

    private static final String NEW_MESSAGE_PROMPT = "Message the model — Enter sends, Shift+Enter for a new line";

    private final TextArea input = new TextArea();
    private final Button send = new Button(null, new FontIcon(Material2MZ.SEND));
    private final Button stop = new Button(null, new FontIcon(Material2MZ.STOP));
    /** The user message being edited, or null when writing a new one. */
    private Long editing;

    Composer(ChatViewModel model) {
        getStyleClass().add("composer");
        setSpacing(8);
        setPadding(new Insets(10, 16, 14, 16));
        setAlignment(Pos.BOTTOM_CENTER);

        input.setId("composer-input");
        input.setPromptText(NEW_MESSAGE_PROMPT);
        input.setWrapText(true);
        input.setPrefRowCount(2);
        HBox.setHgrow(input, Priority.ALWAYS);
        input.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && !event.isShiftDown()) {
                event.consume();
                submit(model);
            } else if (event.getCode() == KeyCode.ENTER) {
                event.consume();
                input.insertText(input.getCaretPosition(), "\n");
            } else if (event.getCode() == KeyCode.ESCAPE) {
                event.consume();
                if (editing != null && !model.generatingProperty().get()) {
                    cancelEdit();
                } else {
                    model.stop();
                }
            }
        });

        send.setId("send");
        send.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.ACCENT);
        send.setOnAction(event -> submit(model));
        send.disableProperty().bind(model.generatingProperty().or(input.textProperty().isEmpty()));
        send.visibleProperty().bind(model.generatingProperty().not());
        send.managedProperty().bind(send.visibleProperty());

        stop.setId("stop");
        stop.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.DANGER);
        stop.setOnAction(event -> model.stop());
        stop.visibleProperty().bind(model.generatingProperty());
        stop.managedProperty().bind(stop.visibleProperty());
        stop.setTooltip(new javafx.scene.control.Tooltip("Stop (Esc): the partial answer is kept"));

        getChildren().addAll(input, send, stop);
    }

    private void submit(ChatViewModel model) {
        String text = input.getText();
        if (text.isBlank() || model.generatingProperty().get()) {
            return;
        }
        if (editing != null) {
            model.edit(editing, text.strip());
            cancelEdit();
        } else {
            model.send(text.strip());
        }
        input.clear();
    }

    private void cancelEdit() {
        editing = null;
        input.clear();
        input.setPromptText(NEW_MESSAGE_PROMPT);
    }

    void focusInput() {
        input.requestFocus();
    }

    /** Puts a user message back into the input; sending it makes a new branch beside the old one. */
    void edit(long messageId, String text) {
        editing = messageId;
        input.setPromptText("Editing a message — Enter sends it as a new branch, Esc cancels");
        input.setText(text);
        input.positionCaret(text.length());
        input.requestFocus();
    }
}
