package dev.ponder.ui.models;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntSupplier;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.ponder.download.DownloadQueue;
import dev.ponder.download.RemoteFile;
import dev.ponder.hardware.Hardware;
import dev.ponder.models.GgufFormatException;
import dev.ponder.models.LocalModels;
import dev.ponder.models.catalog.Catalog;
import dev.ponder.models.catalog.CatalogEntry;
import dev.ponder.ui.Background;
import dev.ponder.ui.Notice;

/**
 * The Models view's state: this machine (probed once, off the FX thread, and again on request), the catalog with how
 * each file would run here, the downloads in the queue, and the models in the data folder's {@code models/}, with
 * import, delete, reveal and use. Changes only on the FX thread.
 */
public final class ModelsViewModel {

    private record Lists(List<CatalogEntry> catalog, List<LocalModels.Entry> local) {
    }

    private final Catalog catalog;
    private final Function<Path, Hardware> probe;
    private final DownloadQueue queue;
    private final LocalModels local;
    private final Background background;
    private final IntSupplier context;
    private final Consumer<Path> use;
    private final ObservableList<CatalogEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<LocalModels.Entry> localModels = FXCollections.observableArrayList();
    private final ObservableList<DownloadRow> downloads = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Hardware> hardware = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper probing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(Notice.NONE);
    private final BooleanProperty offline = new SimpleBooleanProperty();
    private final ReadOnlyIntegerWrapper plannedContext = new ReadOnlyIntegerWrapper();

    /**
     * @param probe   finds out what the machine has, given the models folder (whose disk it measures)
     * @param context the context the catalog is planned for, in tokens
     * @param use     loads a model file for chat
     */
    public ModelsViewModel(Catalog catalog, Function<Path, Hardware> probe, DownloadQueue queue,
                           Background background, IntSupplier context, Consumer<Path> use) {
        this.catalog = catalog;
        this.probe = probe;
        this.queue = queue;
        this.local = new LocalModels(queue.folder());
        this.background = background;
        this.context = context;
        this.use = use;
        queue.addListener(task -> Background.onFx(() -> downloads.add(new DownloadRow(task, this::ended))));
    }

    /** The view is shown: the machine is probed the first time, the lists are read again every time. */
    public void shown() {
        if (hardware.get() == null && !probing.get()) {
            probe();
        } else {
            refresh();
        }
    }

    /** Finds out again what the machine has (a GPU's free memory changes as other programs run). */
    public void probe() {
        if (probing.get()) {
            return;
        }
        probing.set(true);
        background.run(() -> probe.apply(local.folder()), found -> {
            probing.set(false);
            hardware.set(found);
            refresh();
        }, error -> {
            probing.set(false);
            notice.set(Notice.problem("Ponder could not find out what this computer has (" + error.getMessage()
                    + "). Press Check again."));
        });
    }

    /** Reads the models folder again and plans the catalog for the machine and the context in the settings. */
    public void refresh() {
        Hardware machine = hardware.get();
        int tokens = context.getAsInt();
        background.run(() -> new Lists(machine == null ? List.of() : catalog.entries(machine, tokens, local.folder()),
                local.list()), lists -> {
                    plannedContext.set(tokens);
                    if (machine != null) {
                        entries.setAll(lists.catalog());
                    }
                    localModels.setAll(lists.local());
                }, error -> notice.set(Notice.problem("Cannot read the models folder " + local.folder() + ": "
                        + error.getMessage())));
    }

    /** Downloads a catalog file, checked against the catalog's SHA-256 where it lists one. */
    public void download(CatalogEntry entry) {
        download(entry.file().remote(), entry.file().sha256());
    }

    /** Downloads a file named as {@code ponder pull} takes it: {@code OWNER/REPO/FILE}. */
    public void download(String name) {
        try {
            download(RemoteFile.parse(name, null), null);
        } catch (IllegalArgumentException e) {
            notice.set(Notice.problem(e.getMessage()));
        }
    }

    private void download(RemoteFile file, String sha256) {
        if (offline.get()) {
            notice.set(Notice.problem("Offline mode is on, so Ponder downloads nothing: turn it off in Settings to"
                    + " download " + file.fileName() + "."));
            return;
        }
        notice.set(Notice.NONE);
        queue.enqueue(file, sha256);
    }

    /** Downloads a failed or cancelled file again: it resumes where it stopped. */
    public void retry(DownloadRow row) {
        downloads.remove(row);
        download(row.task().file(), row.task().expectedSha256());
    }

    /** Takes an ended download off the list. */
    public void dismiss(DownloadRow row) {
        if (row.ended()) {
            downloads.remove(row);
        }
    }

    private void ended(DownloadRow row) {
        if (row.progressProperty().get().result() != null) {
            refresh();
        }
    }

    /** Copies model files into the models folder (a file chooser's or a drop's); each is checked first. */
    public void importFiles(List<Path> files) {
        for (Path file : files) {
            background.run(() -> local.importCopy(file), copied -> {
                notice.set(Notice.info("Imported " + copied.getFileName() + "."));
                refresh();
            }, error -> notice.set(Notice.problem(importProblem(file, error))));
        }
    }

    private static String importProblem(Path file, Throwable error) {
        return switch (error) {
            case GgufFormatException e -> "Not imported: " + file.getFileName() + " " + e.problem();
            case FileAlreadyExistsException e -> "Not imported: " + file.getFileName() + ": " + e.getReason() + ".";
            case IOException e -> "Not imported: " + file.getFileName() + " could not be copied (" + e.getMessage()
                    + "): check that the models folder has room.";
            default -> "Not imported: " + error;
        };
    }

    /** Deletes a model of the folder (the view asks first). */
    public void delete(Path file) {
        background.run(() -> {
            local.delete(file);
            return file;
        }, deleted -> {
            notice.set(Notice.info("Deleted " + deleted.getFileName() + "."));
            refresh();
        }, error -> notice.set(Notice.problem("Cannot delete " + file.getFileName() + ": "
                + error.getMessage())));
    }

    /** Loads a model for chat. */
    public void use(Path file) {
        use.accept(file);
    }

    public Path folder() {
        return local.folder();
    }

    /** The catalog planned for this machine; empty until the machine has been probed. */
    public ObservableList<CatalogEntry> catalog() {
        return entries;
    }

    public ObservableList<LocalModels.Entry> localModels() {
        return localModels;
    }

    public ObservableList<DownloadRow> downloads() {
        return downloads;
    }

    public ReadOnlyObjectProperty<Hardware> hardwareProperty() {
        return hardware.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty probingProperty() {
        return probing.getReadOnlyProperty();
    }

    /** What the last action came to, or why it failed. */
    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Whether downloads are off (the settings' offline mode); the window keeps it in step. */
    public BooleanProperty offlineProperty() {
        return offline;
    }

    /** The context the catalog's plans are for, in tokens. */
    public ReadOnlyIntegerProperty plannedContextProperty() {
        return plannedContext.getReadOnlyProperty();
    }
}
