package dev.ponder.ui.models;

import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import dev.ponder.download.DownloadProgress;
import dev.ponder.download.DownloadTask;
import dev.ponder.ui.Background;

/** One download as the Models view lists it: its progress, followed on the FX thread, and its cancel. */
public final class DownloadRow {

    private final DownloadTask task;
    private final ReadOnlyObjectWrapper<DownloadProgress> progress;

    /** @param ended told on the FX thread when the download is done, failed or cancelled */
    DownloadRow(DownloadTask task, Consumer<DownloadRow> ended) {
        this.task = task;
        this.progress = new ReadOnlyObjectWrapper<>(task.progress());
        task.addListener(now -> Background.onFx(() -> {
            boolean wasFinal = progress.get().state().isFinal();
            progress.set(now);
            if (now.state().isFinal() && !wasFinal) {
                ended.accept(this);
            }
        }));
    }

    public DownloadTask task() {
        return task;
    }

    public ReadOnlyObjectProperty<DownloadProgress> progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the line under the bar says. */
    public String text() {
        return DownloadText.of(progress.get());
    }

    public boolean ended() {
        return progress.get().state().isFinal();
    }

    /** Stops it; the bytes so far stay, and downloading the file again resumes there. */
    public void cancel() {
        task.cancel();
    }
}
