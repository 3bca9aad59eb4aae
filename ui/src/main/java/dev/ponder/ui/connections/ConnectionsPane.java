package dev.ponder.ui.connections;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import atlantafx.base.theme.Styles;
import dev.ponder.connections.Connection;
import dev.ponder.ui.Notice;

/**
 * Settings' Connections section: the servers added, each with Test and Remove, what the last test found, and a form
 * to add one. Changes are saved at once, apart from the rest of Settings.
 */
public final class ConnectionsPane extends VBox {

    /** Held here and listened to weakly: the view-model outlives the Settings dialog this pane is in. */
    private final ChangeListener<Notice> noticeStyle;

    public ConnectionsPane(ConnectionsViewModel model) {
        super(10);
        setId("connections-pane");
        setPadding(new Insets(12));
        Label about = new Label("Servers that speak the OpenAI-compatible API: llama.cpp's llama-server, vLLM, "
                + "Ollama. Their models are listed in the model menu, marked as remote. Changes here are saved at "
                + "once.");
        about.setWrapText(true);
        about.getStyleClass().add(Styles.TEXT_MUTED);

        ListView<Connection> list = new ListView<>(model.list());
        list.setId("connection-list");
        list.setPrefHeight(150);
        list.setCellFactory(view -> new ConnectionCell(model));
        list.setPlaceholder(new Label("No servers yet: add one below."));

        Label result = new Label();
        result.setId("connection-result");
        result.setWrapText(true);
        result.textProperty().bind(Bindings.createStringBinding(() -> model.noticeProperty().get().text(),
                model.noticeProperty()));
        noticeStyle = (observable, old, now) -> {
            result.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
            result.getStyleClass().add(now.problem() ? Styles.DANGER : Styles.SUCCESS);
        };
        noticeStyle.changed(model.noticeProperty(), null, model.noticeProperty().get());
        model.noticeProperty().addListener(new WeakChangeListener<>(noticeStyle));

        getChildren().addAll(about, list, result, addForm(model));
        model.opened();
    }

    private static VBox addForm(ConnectionsViewModel model) {
        Label title = new Label("Add a server");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        TextField name = new TextField();
        name.setId("connection-name");
        name.setPromptText("gpu-server");
        TextField address = new TextField();
        address.setId("connection-address");
        address.setPromptText("http://gpu-server:8080");
        Spinner<Integer> parallel = new Spinner<>(1, 64, 1);
        parallel.setId("connection-parallel");
        parallel.setEditable(true);
        parallel.setTooltip(new Tooltip("Requests sent at once (book chapters in parallel): match the server's "
                + "slots, llama-server's --parallel"));
        PasswordField key = new PasswordField();
        key.setId("connection-key");
        key.setPromptText("optional");
        key.setTooltip(new Tooltip("Kept in the desktop keychain, or else in a file only you can read; never in "
                + "the settings or the database"));
        Button add = new Button("Add", new FontIcon(Material2AL.ADD));
        add.setId("connection-add");
        add.getStyleClass().add(Styles.ACCENT);
        add.disableProperty().bind(name.textProperty().isEmpty().or(address.textProperty().isEmpty()));
        add.setOnAction(event -> {
            if (model.add(name.getText(), address.getText(), parallel.getValue(), key.getText())) {
                name.clear();
                address.clear();
                key.clear();
                parallel.getValueFactory().setValue(1);
            }
        });

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        int row = 0;
        form.addRow(row++, label("Name"), name);
        form.addRow(row++, label("Address"), address);
        form.addRow(row++, label("API key"), key);
        form.addRow(row++, label("Requests at once"), parallel);
        form.add(add, 1, row);
        for (TextField field : new TextField[] {name, address, key}) {
            GridPane.setHgrow(field, Priority.ALWAYS);
        }
        return new VBox(8, title, form);
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /** "1 request at once", "4 requests at once". */
    public static String atOnce(int parallel) {
        return parallel + (parallel == 1 ? " request" : " requests") + " at once";
    }

    /** A server: its name, address and parallel requests, with Test and Remove. */
    private static final class ConnectionCell extends ListCell<Connection> {

        private final ConnectionsViewModel model;

        ConnectionCell(ConnectionsViewModel model) {
            this.model = model;
        }

        @Override
        protected void updateItem(Connection connection, boolean empty) {
            super.updateItem(connection, empty);
            if (empty || connection == null) {
                setGraphic(null);
                return;
            }
            Label name = new Label(connection.name());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            Label facts = new Label(connection.server() + " · " + atOnce(connection.parallel()));
            facts.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            VBox text = new VBox(2, name, facts);
            HBox.setHgrow(text, Priority.ALWAYS);
            Button test = new Button("Test");
            test.getStyleClass().addAll(Styles.SMALL, "test-connection");
            test.setOnAction(event -> model.test(connection));
            Button remove = new Button("Remove");
            remove.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_OUTLINED, Styles.DANGER, "remove-connection");
            remove.setOnAction(event -> model.remove(connection));
            HBox row = new HBox(8, text, test, remove);
            row.setAlignment(Pos.CENTER_LEFT);
            setGraphic(row);
        }
    }
}
