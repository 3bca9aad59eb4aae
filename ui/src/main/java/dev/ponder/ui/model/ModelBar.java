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
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import atlantafx.base.theme.Styles;
import dev.ponder.engine.LoadedModel;
import dev.ponder.models.GgufInfo;

/**
 * The top bar: the model picker (open a GGUF file, or one of the recent ones), load progress with Cancel, what the
 * loaded model is (its header facts in a tooltip), the backend and context in use, and the settings button.
 */
public final class ModelBar extends HBox {

    private final ModelViewModel model;
    private final MenuButton picker = new MenuButton();

    public ModelBar(ModelViewModel model, Supplier<List<String>> recentModels, Runnable openSettings) {
        this.model = model;
        getStyleClass().add("model-bar");
        setSpacing(10);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(8, 12, 8, 12));

        picker.setId("model-picker");
        picker.setGraphic(new FontIcon(Material2MZ.MEMORY));
        picker.textProperty().bind(Bindings.createStringBinding(() -> {
            LoadedModel loaded = model.loadedProperty().get();
            return loaded == null ? "Choose a model…" : loaded.settings().model().getFileName().toString();
        }, model.loadedProperty()));
        picker.setOnShowing(event -> fillMenu(recentModels.get()));
        fillMenu(recentModels.get());

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        Label loadingText = new Label();
        loadingText.textProperty().bind(Bindings.concat("Loading ", model.loadingNameProperty(), "…"));
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
        facts.textProperty().bind(Bindings.createStringBinding(() -> describe(model.loadedProperty().get()),
                model.loadedProperty()));
        facts.tooltipProperty().bind(Bindings.createObjectBinding(() -> {
            LoadedModel loaded = model.loadedProperty().get();
            return loaded == null ? null : new Tooltip(headerFacts(loaded.info()));
        }, model.loadedProperty()));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button settings = new Button(null, new FontIcon(Material2MZ.SETTINGS));
        settings.setId("open-settings");
        settings.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        settings.setTooltip(new Tooltip("Settings"));
        settings.setOnAction(event -> openSettings.run());

        getChildren().addAll(picker, loading, facts, spacer, settings);
    }

    private void fillMenu(List<String> recent) {
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
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a GGUF model");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("GGUF models", "*.gguf"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(getScene().getWindow());
        if (file != null) {
            model.load(file.toPath());
        }
    }

    private String describe(LoadedModel loaded) {
        if (loaded == null) {
            return "No model loaded";
        }
        GgufInfo info = loaded.info();
        int threads = loaded.settings().threads();
        return String.format(Locale.ROOT, "%s · %s · %s · context %,d · %d %s", info.architecture(),
                info.fileType(), ModelViewModel.backend(loaded), loaded.settings().contextSize(), threads,
                threads == 1 ? "thread" : "threads");
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
