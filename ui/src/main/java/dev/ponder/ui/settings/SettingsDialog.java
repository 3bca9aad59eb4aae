package dev.ponder.ui.settings;

import java.util.Optional;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import javafx.util.StringConverter;

import dev.ponder.engine.Acceleration;
import dev.ponder.engine.BackendChoice;
import dev.ponder.engine.KvCacheType;
import dev.ponder.engine.ThreadDefaults;
import dev.ponder.reasoning.ReasoningMarkers;
import dev.ponder.settings.Settings;
import dev.ponder.settings.Theme;
import dev.ponder.ui.connections.ConnectionsPane;
import dev.ponder.ui.connections.ConnectionsViewModel;

/**
 * Settings in two tabs. General is one form: engine (threads, context), sampling (temperature, top-p, max tokens,
 * seed), the current model's thinking markers, the look (theme, font size, thinking folded by default), the data
 * folder, which takes effect at the next start, and offline mode; OK keeps it. Connections lists the remote servers,
 * saved as they are added or removed.
 */
public final class SettingsDialog extends Dialog<Settings> {

    /** @param modelName the name of the model in use, whose thinking markers the form edits; null for none */
    public SettingsDialog(Window owner, Settings current, String modelName, ConnectionsViewModel connections) {
        initOwner(owner);
        setTitle("Settings");
        setHeaderText(null);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);

        Spinner<Integer> threads = new Spinner<>(1, Math.max(64, ThreadDefaults.physicalCores() * 2),
                current.threads());
        Spinner<Integer> context = new Spinner<>(0, 1 << 20, current.contextSize(), 1024);
        Spinner<Double> temperature = new Spinner<>(0.0, 2.0, current.temperature(), 0.05);
        Spinner<Double> topP = new Spinner<>(0.05, 1.0, current.topP(), 0.05);
        Spinner<Integer> maxTokens = new Spinner<>(-1, 1 << 20, current.maxTokens(), 256);
        TextField seed = new TextField(Long.toString(current.seed()));
        ReasoningMarkers markers = current.markersFor(modelName);
        TextField open = new TextField(markers.open());
        TextField close = new TextField(markers.close());
        ComboBox<Theme> theme = new ComboBox<>();
        theme.getItems().addAll(Theme.values());
        theme.setValue(current.theme());
        Spinner<Double> fontSize = new Spinner<>(Settings.MIN_FONT_SIZE, Settings.MAX_FONT_SIZE, current.fontSize(), 1);
        CheckBox collapsed = new CheckBox("Fold thinking away when it ends");
        collapsed.setSelected(current.thinkingCollapsedByDefault());
        TextField dataFolder = new TextField(current.dataDirectory() == null ? "" : current.dataDirectory());
        dataFolder.setPromptText("the platform's default (takes effect at the next start)");
        dataFolder.setPrefColumnCount(28);
        CheckBox offline = new CheckBox("Offline mode: download nothing");
        offline.setId("offline-mode");
        offline.setTooltip(new Tooltip("Not even a model you ask for in Models. The servers of your connections "
                + "still answer."));
        offline.setSelected(current.offlineMode());
        Acceleration acceleration = current.acceleration();
        ComboBox<BackendChoice> backend = new ComboBox<>();
        backend.setId("settings-backend");
        backend.getItems().addAll(BackendChoice.values());
        backend.setValue(acceleration.backend());
        backend.setConverter(new StringConverter<>() {
            @Override
            public String toString(BackendChoice choice) {
                return choice == null ? "" : choice == BackendChoice.AUTO ? "auto (CUDA, then Vulkan, then CPU)"
                        : choice.label();
            }

            @Override
            public BackendChoice fromString(String text) {
                return BackendChoice.fromLabel(text);
            }
        });
        Spinner<Integer> gpuLayers = new Spinner<>(Acceleration.ALL_LAYERS_THAT_FIT, 999, acceleration.gpuLayers());
        gpuLayers.setId("settings-gpu-layers");
        ComboBox<KvCacheType> kvCache = new ComboBox<>();
        kvCache.setId("settings-kv-cache");
        kvCache.getItems().addAll(KvCacheType.values());
        kvCache.setValue(acceleration.kvCache());
        CheckBox flashAttention = new CheckBox("Flash attention");
        flashAttention.setTooltip(new Tooltip("llama.cpp's fused attention: faster on GPUs, and needed by a q8_0 or "
                + "q4_0 KV cache"));
        flashAttention.setId("settings-flash-attention");
        flashAttention.setSelected(acceleration.flashAttention());
        // A quantized KV cache cannot work without flash attention: llama.cpp would refuse the load.
        kvCache.valueProperty().addListener((observable, old, type) -> {
            if (type != null && type.quantized()) {
                flashAttention.setSelected(true);
            }
        });
        flashAttention.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> kvCache.getValue() != null && kvCache.getValue().quantized(), kvCache.valueProperty()));
        for (Spinner<?> spinner : new Spinner<?>[] {threads, context, temperature, topP, maxTokens, fontSize,
                gpuLayers}) {
            spinner.setEditable(true);
        }

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(8);
        form.setPadding(new Insets(12));
        int row = 0;
        form.addRow(row++, new Label("Threads"), threads);
        form.addRow(row++, new Label("Context (0 = automatic)"), context);
        form.addRow(row++, new Label("Backend (at the next load)"), backend);
        form.addRow(row++, new Label("GPU layers (-1 = all that fit)"), gpuLayers);
        form.addRow(row++, new Label("KV cache"), kvCache);
        form.addRow(row++, new Label(""), flashAttention);
        form.addRow(row++, new Label("Temperature"), temperature);
        form.addRow(row++, new Label("Top-p"), topP);
        form.addRow(row++, new Label("Max tokens (-1 = no limit)"), maxTokens);
        form.addRow(row++, new Label("Seed (-1 = random)"), seed);
        if (modelName != null) {
            form.addRow(row++, new Label("Thinking starts with"), open);
            form.addRow(row++, new Label("Thinking ends with"), close);
        }
        form.addRow(row++, new Label("Theme"), theme);
        form.addRow(row++, new Label("Font size"), fontSize);
        form.addRow(row++, new Label(""), collapsed);
        form.addRow(row++, new Label("Data folder"), dataFolder);
        form.addRow(row, new Label(""), offline);
        form.getChildren().stream().filter(Label.class::isInstance)
                .forEach(label -> ((Label) label).setMinWidth(Region.USE_PREF_SIZE));
        TabPane tabs = new TabPane(new Tab("General", form), new Tab("Connections", new ConnectionsPane(connections)));
        tabs.setId("settings-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        getDialogPane().setContent(tabs);

        setResultConverter(button -> {
            if (button != ButtonType.OK) {
                return null;
            }
            Settings changed = current.withThreads(threads.getValue()).withContextSize(context.getValue())
                    .withTemperature(temperature.getValue()).withTopP(topP.getValue())
                    .withMaxTokens(maxTokens.getValue() == 0 ? -1 : maxTokens.getValue())
                    .withSeed(parseSeed(seed.getText(), current.seed())).withTheme(theme.getValue())
                    .withFontSize(fontSize.getValue()).withThinkingCollapsedByDefault(collapsed.isSelected())
                    .withDataDirectory(dataFolder.getText()).withOfflineMode(offline.isSelected())
                    .withAcceleration(new Acceleration(backend.getValue(), gpuLayers.getValue(),
                            flashAttention.isSelected(), kvCache.getValue()));
            if (modelName != null) {
                try {
                    changed = changed.withMarkers(modelName, new ReasoningMarkers(open.getText(),
                            close.getText()));
                } catch (IllegalArgumentException e) {
                    // Blank or equal markers cannot split a stream: the model keeps the ones it had.
                }
            }
            return changed;
        });
    }

    private static long parseSeed(String text, long fallback) {
        try {
            return Math.max(-1, Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public Optional<Settings> ask() {
        return showAndWait();
    }
}
