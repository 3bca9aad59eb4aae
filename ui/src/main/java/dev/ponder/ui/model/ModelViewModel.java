package dev.ponder.ui.model;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

import dev.ponder.connections.Connection;
import dev.ponder.connections.Connections;
import dev.ponder.engine.LoadSettings;
import dev.ponder.engine.LoadedModel;
import dev.ponder.engine.SwitchableEngine;
import dev.ponder.engine.remote.RemoteEngine;
import dev.ponder.ui.Background;

/**
 * The model in use: loading a file into the engine child, or connecting to a model on a connection's server (both
 * cancellable tasks; cancelling a load stops the engine process, the only way to interrupt a native load), what it is
 * once in use, and which backend runs it.
 */
public final class ModelViewModel {

    private final SwitchableEngine engine;
    private final Connections connections;
    private final Background background;
    private final Function<Path, LoadSettings> loadSettings;
    private final Consumer<Path> onLoaded;
    private final Consumer<Throwable> problems;
    private final ReadOnlyObjectWrapper<ModelInUse> inUse = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper loadingText = new ReadOnlyStringWrapper("");
    /** The server's model switched in last; the engine says whether it is still the one in use. */
    private volatile ModelInUse.Remote remote;
    private Task<?> task;
    private boolean loadingFile;

    /**
     * @param loadSettings how to load a file, from the current settings
     * @param onLoaded     told of each file that loaded (for the recent list)
     */
    public ModelViewModel(SwitchableEngine engine, Connections connections, Background background,
                          Function<Path, LoadSettings> loadSettings, Consumer<Path> onLoaded,
                          Consumer<Throwable> problems) {
        this.engine = engine;
        this.connections = connections;
        this.background = background;
        this.loadSettings = loadSettings;
        this.onLoaded = onLoaded;
        this.problems = problems;
    }

    /** The model chat uses, or null before one is chosen. */
    public ReadOnlyObjectProperty<ModelInUse> inUseProperty() {
        return inUse.getReadOnlyProperty();
    }

    /** The file in use, or null when none is (nothing chosen yet, or a server's model). */
    public Path localFile() {
        return inUse.get() instanceof ModelInUse.Local local ? local.file() : null;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** "Loading NAME…" or "Connecting to MODEL on SERVER…" while that goes on. */
    public ReadOnlyStringProperty loadingTextProperty() {
        return loadingText.getReadOnlyProperty();
    }

    /** Where llama.cpp runs the model: "llama.cpp · CUDA (NVIDIA …), 29/29 layers on the GPU", or "… · CPU". */
    public static String backend(LoadedModel model) {
        return "llama.cpp · " + model.backend().summary();
    }

    public void load(Path file) {
        if (loading.get()) {
            return;
        }
        LoadSettings settings = loadSettings.apply(file);
        begin("Loading " + file.getFileName() + "…", true);
        task = background.run(() -> engine.load(settings), model -> {
            ended();
            onLoaded.accept(file);
        }, this::failed);
    }

    /** Generates with {@code model} on the connection's server from now on, once it answers. */
    public void useRemote(Connection connection, String model) {
        if (loading.get()) {
            return;
        }
        begin("Connecting to " + model + " on " + connection.name() + "…", false);
        task = background.run(() -> {
            RemoteEngine opened = connections.open(connection, model);
            if (Thread.currentThread().isInterrupted()) {
                opened.close(); // cancelled while connecting
                throw new CancellationException();
            }
            remote = new ModelInUse.Remote(connection, opened.served().orElseThrow());
            engine.use(opened);
            return opened;
        }, opened -> ended(), this::failed);
    }

    private void begin(String text, boolean file) {
        loading.set(true);
        loadingFile = file;
        loadingText.set(text);
    }

    private void failed(Throwable error) {
        ended();
        problems.accept(error);
    }

    /** Shows what the engine uses now, whichever way the task ended. */
    private void ended() {
        loading.set(false);
        inUse.set(engine.usingLocal() ? engine.loaded().map(ModelInUse.Local::new).orElse(null) : remote);
    }

    /**
     * Stops a load or a connection in progress. A load's engine process is ended and starts afresh with the next
     * load; the model used before stays in use.
     */
    public void cancelLoad() {
        if (task == null || !loading.get()) {
            return;
        }
        task.cancel();
        if (loadingFile) {
            background.execute(engine.local()::close);
        }
        ended();
    }
}
