package dev.ponder.ui.layout;

import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import atlantafx.base.theme.Styles;
import dev.ponder.ui.chat.ChatViewModel;
import dev.ponder.ui.model.ModelInUse;
import dev.ponder.ui.model.ModelViewModel;

/** The bottom line: speed and first-token time of the last reply, and how much of the context it used. */
final class StatusBar extends HBox {

    StatusBar(ChatViewModel chat, ModelViewModel model) {
        getStyleClass().add("status-bar");
        setSpacing(16);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 12, 4, 12));

        Label stats = new Label();
        stats.setId("status-stats");
        stats.textProperty().bind(chat.statsProperty());

        Label context = new Label();
        context.setId("status-context");
        context.textProperty().bind(Bindings.createStringBinding(() -> {
            ModelInUse inUse = model.inUseProperty().get();
            Integer used = chat.contextUsedProperty().get();
            if (inUse == null) {
                return "";
            }
            int size = inUse.served().contextPerSequence();
            return used == null ? String.format(Locale.ROOT, "context %,d", size)
                    : String.format(Locale.ROOT, "context %,d / %,d", used, size);
        }, model.inUseProperty(), chat.contextUsedProperty()));

        Label backend = new Label();
        backend.setId("status-backend");
        backend.textProperty().bind(Bindings.createStringBinding(() -> switch (model.inUseProperty().get()) {
            case null -> "";
            case ModelInUse.Local local -> local.loaded().backend().summary();
            case ModelInUse.Remote remote -> "remote: " + remote.connection().server().getHost();
        }, model.inUseProperty()));

        for (Label label : new Label[] {stats, backend, context}) {
            label.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(stats, spacer, backend, context);
    }
}
