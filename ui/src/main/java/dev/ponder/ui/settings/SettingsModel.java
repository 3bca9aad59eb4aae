package dev.ponder.ui.settings;

import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import dev.ponder.settings.Settings;
import dev.ponder.settings.SettingsStore;
import dev.ponder.ui.Background;

/** The settings as the window sees them: a property that views follow, saved off the FX thread on every change. */
public final class SettingsModel {

    private final SettingsStore store;
    private final Background background;
    private final Consumer<Throwable> problems;
    private final ReadOnlyObjectWrapper<Settings> settings;

    public SettingsModel(SettingsStore store, Settings loaded, Background background, Consumer<Throwable> problems) {
        this.store = store;
        this.background = background;
        this.problems = problems;
        this.settings = new ReadOnlyObjectWrapper<>(loaded);
    }

    public ReadOnlyObjectProperty<Settings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public Settings get() {
        return settings.get();
    }

    public void update(UnaryOperator<Settings> change) {
        Settings changed = change.apply(settings.get());
        settings.set(changed);
        background.run(() -> {
            store.save(changed);
            return changed;
        }, saved -> { }, problems);
    }

    /** Saves now, on the calling thread: the window is closing and the background work is ending. */
    public void saveNow() {
        store.save(settings.get());
    }
}
