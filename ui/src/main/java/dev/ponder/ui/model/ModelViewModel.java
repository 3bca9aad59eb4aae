package dev.ponder.ui.model;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

import dev.ponder.engine.Engine;
import dev.ponder.engine.LoadSettings;
import dev.ponder.engine.LoadedModel;
import dev.ponder.ui.Background;

/**
 * The model in use: loading one (a cancellable task: cancelling stops the engine process, the only way to interrupt a
 * native load), what it is once loaded, and which backend runs it.
 */
public final class ModelViewModel {

    private final Engine engine;
    private final Background background;
    private final Function<Path, LoadSettings> loadSettings;
    private final Consumer<Path> onLoaded;
    private final Consumer<Throwable> problems;
    private final ReadOnlyObjectWrapper<LoadedModel> loaded = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper loadingName = new ReadOnlyStringWrapper("");
    private Task<LoadedModel> task;

    /**
     * @param loadSettings how to load a file, from the current settings
     * @param onLoaded     told of each model that loaded (for the recent list)
     */
    public ModelViewModel(Engine engine, Background background, Function<Path, LoadSettings> loadSettings,
                          Consumer<Path> onLoaded, Consumer<Throwable> problems) {
        this.engine = engine;
        this.background = background;
        this.loadSettings = loadSettings;
        this.onLoaded = onLoaded;
        this.problems = problems;
    }

    public ReadOnlyObjectProperty<LoadedModel> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty loadingNameProperty() {
        return loadingName.getReadOnlyProperty();
    }

    /** Where llama.cpp runs the model: "llama.cpp · CUDA (NVIDIA …), 29/29 layers on the GPU", or "… · CPU". */
    public static String backend(LoadedModel model) {
        return "llama.cpp · " + model.backend().summary();
    }

    public void load(Path file) {
        if (loading.get()) {
            return;
        }
        loading.set(true);
        loadingName.set(file.getFileName().toString());
        LoadSettings settings = loadSettings.apply(file);
        task = background.run(() -> engine.load(settings), model -> {
            loading.set(false);
            loaded.set(model);
            onLoaded.accept(file);
        }, error -> {
            loading.set(false);
            loaded.set(engine.loaded().orElse(null));
            if (!(task != null && task.isCancelled())) {
                problems.accept(error);
            }
        });
        task.setOnCancelled(event -> {
            loading.set(false);
            loaded.set(null);
        });
    }

    /** Stops a load in progress; the engine process is ended and starts afresh with the next load. */
    public void cancelLoad() {
        if (task != null && loading.get()) {
            task.cancel();
            background.execute(engine::close);
        }
    }
}
