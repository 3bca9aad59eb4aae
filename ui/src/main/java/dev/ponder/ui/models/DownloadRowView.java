package dev.ponder.ui.models;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import atlantafx.base.theme.Styles;
import dev.ponder.download.DownloadProgress;
import dev.ponder.download.DownloadState;

/** One download: its name, a progress bar, how far and how fast, and Cancel, or Try again and Dismiss once ended. */
final class DownloadRowView extends VBox {

    private final DownloadRow row;
    private final ProgressBar bar = new ProgressBar(0);
    private final Label text = new Label();
    private final Button cancel = ModelsView.iconButton(Material2AL.CLOSE, "Cancel: downloading it again resumes "
            + "where it stopped", "cancel-download");
    private final Button retry = ModelsView.iconButton(Material2MZ.REFRESH, "Try again: it resumes where it stopped",
            "retry-download");
    private final Button dismiss = ModelsView.iconButton(Material2AL.CLEAR, "Take it off the list",
            "dismiss-download");

    DownloadRowView(DownloadRow row, ModelsViewModel model) {
        super(4);
        this.row = row;
        getStyleClass().add("download-row");
        Label name = new Label(row.task().file().fileName());
        name.getStyleClass().add(Styles.TEXT_BOLD);
        name.setTooltip(new Tooltip(row.task().file().toString()));
        name.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(name, Priority.ALWAYS);
        cancel.setOnAction(event -> row.cancel());
        retry.setOnAction(event -> model.retry(row));
        dismiss.setOnAction(event -> model.dismiss(row));
        HBox head = new HBox(4, name, cancel, retry, dismiss);
        head.setAlignment(Pos.CENTER_LEFT);
        bar.setMaxWidth(Double.MAX_VALUE);
        text.setWrapText(true);
        text.getStyleClass().add(Styles.TEXT_SMALL);
        getChildren().addAll(head, bar, text);
        row.progressProperty().addListener((observable, old, now) -> show(now));
        show(row.progressProperty().get());
    }

    DownloadRow row() {
        return row;
    }

    private void show(DownloadProgress progress) {
        DownloadState state = progress.state();
        bar.setProgress(switch (state) {
            case QUEUED -> 0;
            case CONNECTING, VERIFYING -> ProgressBar.INDETERMINATE_PROGRESS;
            case DOWNLOADING -> progress.fraction() < 0 ? ProgressBar.INDETERMINATE_PROGRESS : progress.fraction();
            case DONE -> 1;
            case FAILED, CANCELLED -> Math.max(0, progress.fraction());
        });
        text.setText(DownloadText.of(progress));
        text.getStyleClass().removeAll(Styles.DANGER, Styles.TEXT_MUTED, Styles.SUCCESS);
        text.getStyleClass().add(state == DownloadState.FAILED ? Styles.DANGER
                : state == DownloadState.DONE ? Styles.SUCCESS : Styles.TEXT_MUTED);
        boolean ended = state.isFinal();
        show(cancel, !ended);
        show(retry, state == DownloadState.FAILED || state == DownloadState.CANCELLED);
        show(dismiss, ended);
    }

    private static void show(Button button, boolean shown) {
        button.setVisible(shown);
        button.setManaged(shown);
    }
}
