package dev.ponder.ui.book;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.web.WebView;

import atlantafx.base.theme.Styles;
import dev.ponder.book.job.BookJob;
import dev.ponder.book.job.BookProgress;
import dev.ponder.book.job.StepRecord;
import dev.ponder.ui.transcript.MarkdownRenderer;

/**
 * One book's job: progress and what it is doing, the buttons that drive it, and three tabs — its steps, its
 * learning graph to review and edit, and its chapters with a preview of each and "write this part again".
 */
public final class JobView extends VBox {

    private final Label title = new Label();
    private final Label message = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final TableView<StepRecord> steps = new TableView<>();
    private final ListView<BookProgress.ChapterState> chapters = new ListView<>();
    private final WebView preview = new WebView();
    private final GraphEditor graphEditor = new GraphEditor();
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final HBox buttons = new HBox(8);
    private final HBox regenerate = new HBox(8);
    private final Consumer<String> openDocument;
    private JobViewModel model;

    public JobView(Consumer<String> openDocument) {
        this.openDocument = openDocument;
        setId("job-view");
        setSpacing(8);
        setPadding(new Insets(12));
        title.setId("book-title");
        title.getStyleClass().add(Styles.TITLE_3);
        message.setId("job-message");
        message.setWrapText(true);
        progress.setId("job-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        buttons.setAlignment(Pos.CENTER_LEFT);

        steps.setId("job-steps");
        steps.getColumns().add(Controls.column("Step", 180, StepRecord::name));
        steps.getColumns().add(Controls.column("Status", 80, StepRecord::status));
        steps.getColumns().add(Controls.column("Attempts", 80, StepRecord::attempts));
        steps.getColumns().add(Controls.column("Tokens", 80, StepRecord::tokens));
        steps.getColumns().add(Controls.column("Seconds", 80, step -> String.format(Locale.ROOT, "%.1f",
                step.millis() / 1000.0)));
        steps.getColumns().add(Controls.column("Problem", 300, step -> step.error() == null ? "" : step.error()));
        steps.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        steps.setPlaceholder(new Label("No step has run yet."));

        chapters.setId("job-chapters");
        chapters.setCellFactory(list -> new ChapterCell());
        chapters.getSelectionModel().selectedItemProperty().addListener((observable, old, chapter) -> showPreview());
        regenerate.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(preview, Priority.ALWAYS);
        SplitPane chapterPane = new SplitPane(chapters, new VBox(8, regenerate, preview));
        chapterPane.setDividerPositions(0.3);

        TabPane tabs = new TabPane(new Tab("Steps", steps), new Tab("Learning graph", graphEditor),
                new Tab("Chapters", chapterPane));
        tabs.setId("job-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        HBox status = new HBox(12, progress, message);
        status.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, status, buttons, tabs);
        HBox.setHgrow(progress, Priority.SOMETIMES);
        progress.setPrefWidth(240);
        HBox.setHgrow(message, Priority.ALWAYS);
    }

    /** Shows {@code shown}'s book. */
    public void show(JobViewModel shown) {
        model = shown;
        title.textProperty().bind(shown.titleProperty());
        message.textProperty().bind(shown.messageProperty());
        progress.progressProperty().bind(shown.progressProperty());
        steps.setItems(shown.steps());
        chapters.setItems(shown.chapters());
        graphEditor.show(shown);

        BooleanBinding idle = Bindings.createBooleanBinding(() -> shown.stateProperty().get()
                == JobViewModel.State.IDLE, shown.stateProperty());
        BooleanBinding running = Bindings.createBooleanBinding(() -> shown.stateProperty().get()
                == JobViewModel.State.RUNNING, shown.stateProperty());
        Button graph = Controls.button("write-graph", "Write learning graph", shown::writeGraph);
        graph.disableProperty().bind(idle.not());
        Button book = Controls.button("write-book", "Write chapters", shown::writeBook);
        book.getStyleClass().add(Styles.ACCENT);
        book.disableProperty().bind(idle.not().or(shown.graphProperty().isNull()));
        Button pause = Controls.button("pause-job", "Pause", shown::pause);
        pause.disableProperty().bind(running.not());
        Button cancel = Controls.button("cancel-job", "Cancel", shown::cancel);
        cancel.disableProperty().bind(running.not());
        Button site = Controls.button("open-site", "Open site", () -> shown.openSite(openDocument));
        site.disableProperty().bind(idle.not().or(shown.siteWrittenProperty().not()));
        buttons.getChildren().setAll(graph, book, pause, cancel, site);

        regenerate.getChildren().clear();
        regenerate.getChildren().add(new Label("Write again:"));
        for (BookJob.Part part : BookJob.Part.values()) {
            String name = part.name().toLowerCase(Locale.ROOT);
            Button again = Controls.button("regenerate-" + name, name, () -> {
                BookProgress.ChapterState chapter = chapters.getSelectionModel().getSelectedItem();
                if (chapter != null) {
                    shown.regenerate(chapter.number(), part);
                }
            });
            again.disableProperty().bind(idle.not().or(chapters.getSelectionModel().selectedItemProperty().isNull()));
            regenerate.getChildren().add(again);
        }
        showPreview();
    }

    public GraphEditor graphEditor() {
        return graphEditor;
    }

    private void showPreview() {
        BookProgress.ChapterState chapter = chapters.getSelectionModel().getSelectedItem();
        if (model == null || chapter == null) {
            preview.getEngine().loadContent(html("<p><em>Select a chapter to preview it.</em></p>"));
            return;
        }
        model.preview(chapter.number(), text -> preview.getEngine().loadContent(html(markdown.render(text))));
    }

    private static String html(String body) {
        return "<!DOCTYPE html><html><head><meta charset='utf-8'><style>body{font-family:sans-serif;"
                + "max-width:48em;margin:1em auto;padding:0 1em;line-height:1.5}</style></head><body>" + body
                + "</body></html>";
    }

    private static final class ChapterCell extends ListCell<BookProgress.ChapterState> {
        @Override
        protected void updateItem(BookProgress.ChapterState chapter, boolean empty) {
            super.updateItem(chapter, empty);
            if (empty || chapter == null) {
                setText(null);
                return;
            }
            StringBuilder text = new StringBuilder().append(chapter.number()).append(". ")
                    .append(chapter.title().isEmpty() ? "(not planned yet)" : chapter.title()).append('\n');
            for (BookJob.Part part : BookJob.Part.values()) {
                text.append(part.name().toLowerCase(Locale.ROOT)).append(' ').append(switch (chapter.part(part)) {
                    case DONE -> "✓";
                    case FAILED -> "✗";
                    case WAITING -> "…";
                }).append("   ");
            }
            setText(text.toString().strip());
        }
    }


}
