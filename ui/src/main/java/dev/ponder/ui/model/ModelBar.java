package dev.ponder.ui.model;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import atlantafx.base.theme.Styles;
import dev.ponder.connections.Connection;
import dev.ponder.engine.LoadedModel;
import dev.ponder.engine.remote.ServerInfo;
import dev.ponder.models.GgufInfo;
import dev.ponder.ui.connections.ConnectionsPane;
import dev.ponder.ui.connections.ConnectionsViewModel;

/**
 * The top bar: the model picker (open a GGUF file, a recent one, or a model on one of the connections' servers,
 * marked as remote), load or connect progress with Cancel, what the model in use is (its facts in a tooltip), and the
 * settings button.
 */
public final class ModelBar extends HBox {

    /** The width a server's error wraps at in the menu. */
    private static final double MENU_TEXT_WIDTH = 420;

    private final ModelViewModel model;
    private final ConnectionsViewModel connections;
    private final MenuButton picker = new MenuButton();
    /** Counts menu openings, so that a server's late answer to an earlier one is dropped. */
    private int opening;

    public ModelBar(ModelViewModel model, ConnectionsViewModel connections, Supplier<List<String>> recentModels,
                    Runnable openSettings) {
        this.model = model;
        this.connections = connections;
        getStyleClass().add("model-bar");
        setSpacing(10);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(8, 12, 8, 12));

        picker.setId("model-picker");
        picker.textProperty().bind(Bindings.createStringBinding(() -> name(model.inUseProperty().get()),
                model.inUseProperty()));
        picker.graphicProperty().bind(Bindings.createObjectBinding(() -> new FontIcon(
                model.inUseProperty().get() instanceof ModelInUse.Remote ? Material2AL.CLOUD : Material2MZ.MEMORY),
                model.inUseProperty()));
        picker.setOnShowing(event -> fillMenu(recentModels.get()));
        fillMenu(recentModels.get());

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        Label loadingText = new Label();
        loadingText.textProperty().bind(model.loadingTextProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-load");
        cancel.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        cancel.setOnAction(event -> model.cancelLoad());
        HBox loading = new HBox(8, progress, loadingText, cancel);
        loading.setAlignment(Pos.CENTER_LEFT);
        loading.visibleProperty().bind(model.loadingProperty());
        loading.managedProperty().bind(loading.visibleProperty());

        Label facts = new Label();
        facts.setId("model-facts");
        facts.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        facts.textProperty().bind(Bindings.createStringBinding(() -> describe(model.inUseProperty().get()),
                model.inUseProperty()));
        facts.tooltipProperty().bind(Bindings.createObjectBinding(() -> {
            ModelInUse inUse = model.inUseProperty().get();
            return inUse == null ? null : new Tooltip(details(inUse));
        }, model.inUseProperty()));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button settings = new Button(null, new FontIcon(Material2MZ.SETTINGS));
        settings.setId("open-settings");
        settings.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        settings.setTooltip(new Tooltip("Settings"));
        settings.setOnAction(event -> openSettings.run());

        getChildren().addAll(picker, loading, facts, spacer, settings);
    }

    private static String name(ModelInUse inUse) {
        return switch (inUse) {
            case null -> "Choose a model…";
            case ModelInUse.Local local -> local.file().getFileName().toString();
            case ModelInUse.Remote remote -> remote.served().name() + " · " + remote.connection().name();
        };
    }

    /**
     * The menu: open a file, the recent files, then each connection's models. A server is asked for its models each
     * time the menu opens; its place says "Loading…" until it answers, then lists them or says what went wrong.
     */
    private void fillMenu(List<String> recent) {
        int thisOpening = ++opening;
        MenuItem open = new MenuItem("Open GGUF file…", new FontIcon(Material2AL.FOLDER_OPEN));
        open.setOnAction(event -> chooseFile());
        picker.getItems().setAll(open);
        if (!recent.isEmpty()) {
            picker.getItems().add(new SeparatorMenuItem());
            for (String path : recent) {
                MenuItem item = new MenuItem(Path.of(path).getFileName().toString());
                item.setOnAction(event -> model.load(Path.of(path)));
                picker.getItems().add(item);
            }
        }
        for (Connection connection : connections.list()) {
            picker.getItems().add(new SeparatorMenuItem());
            MenuItem header = new MenuItem("Remote: " + connection.name() + " (" + connection.server() + ")",
                    new FontIcon(Material2AL.CLOUD_QUEUE));
            header.setDisable(true);
            MenuItem waiting = new MenuItem("Loading…");
            waiting.setDisable(true);
            picker.getItems().addAll(header, waiting);
            connections.models(connection, models -> {
                if (thisOpening == opening) {
                    replace(waiting, remoteItems(connection, models));
                }
            }, problem -> {
                if (thisOpening == opening) {
                    replace(waiting, List.of(problemItem(problem)));
                }
            });
        }
    }

    private void replace(MenuItem placeholder, List<MenuItem> items) {
        int at = picker.getItems().indexOf(placeholder);
        if (at >= 0) {
            picker.getItems().remove(at);
            picker.getItems().addAll(at, items);
        }
    }

    private List<MenuItem> remoteItems(Connection connection, List<ServerInfo.RemoteModel> models) {
        if (models.isEmpty()) {
            MenuItem none = new MenuItem("The server lists no models");
            none.setDisable(true);
            return List.of(none);
        }
        return models.stream().map(remote -> {
            MenuItem item = new MenuItem(remote.id() + "  (remote)", new FontIcon(Material2AL.CLOUD));
            item.getStyleClass().add("remote-model");
            item.setOnAction(event -> model.useRemote(connection, remote.id()));
            return item;
        }).toList();
    }

    /** What went wrong, whole: it says what to do, and a menu item's one line would cut that off. */
    private static MenuItem problemItem(String problem) {
        Label text = new Label(problem, new FontIcon(Material2AL.ERROR_OUTLINE));
        text.setWrapText(true);
        text.setPrefWidth(MENU_TEXT_WIDTH);
        text.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        CustomMenuItem item = new CustomMenuItem(text, false);
        item.getStyleClass().add("remote-problem");
        return item;
    }

    private void chooseFile() {
        File file = GgufChooser.create("Open a GGUF model").showOpenDialog(getScene().getWindow());
        if (file != null) {
            model.load(file.toPath());
        }
    }

    private String describe(ModelInUse inUse) {
        return switch (inUse) {
            case null -> "No model loaded";
            case ModelInUse.Local local -> describe(local.loaded());
            case ModelInUse.Remote remote -> "remote · " + remote.connection().server() + " · "
                    + ConnectionsPane.atOnce(remote.served().sequences());
        };
    }

    private String describe(LoadedModel loaded) {
        GgufInfo info = loaded.info();
        int threads = loaded.settings().threads();
        return String.format(Locale.ROOT, "%s · %s · %s · context %,d · %d %s", info.architecture(),
                info.fileType(), ModelViewModel.backend(loaded), loaded.settings().contextSize(), threads,
                threads == 1 ? "thread" : "threads");
    }

    private static String details(ModelInUse inUse) {
        return switch (inUse) {
            case ModelInUse.Local local -> headerFacts(local.loaded().info());
            case ModelInUse.Remote remote -> String.format(Locale.ROOT, """
                    %s on %s (%s)
                    context %,d tokens per request, %s""", remote.served().name(), remote.connection().name(),
                    remote.connection().server(), remote.served().contextPerSequence(),
                    ConnectionsPane.atOnce(remote.served().sequences()));
        };
    }

    static String headerFacts(GgufInfo info) {
        return String.format(Locale.ROOT, """
                %s
                architecture %s, %s
                %,d parameters, %d layers, embedding %d
                heads %d (KV %d), trained context %,d
                vocabulary %,d, chat template: %s""", info.file(), info.architecture(), info.fileType(),
                info.parameterCount(), info.blockCount(), info.embeddingLength(), info.headCount(), info.headCountKv(),
                info.contextLength(), info.vocabularySize(), info.chatTemplate() == null ? "none (ChatML)" : "yes");
    }
}
