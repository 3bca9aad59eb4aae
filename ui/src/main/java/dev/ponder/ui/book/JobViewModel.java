package dev.ponder.ui.book;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.ponder.book.brief.BriefFiles;
import dev.ponder.book.brief.CourseBrief;
import dev.ponder.book.graph.GraphChecks;
import dev.ponder.book.graph.LearningGraph;
import dev.ponder.book.graph.LearningGraphFiles;
import dev.ponder.book.job.BookEngine;
import dev.ponder.book.job.BookJob;
import dev.ponder.book.job.BookProgress;
import dev.ponder.book.job.JobProgress;
import dev.ponder.book.job.JobSettings;
import dev.ponder.book.job.JobStop;
import dev.ponder.book.job.JobStore;
import dev.ponder.book.job.ReviewedGraph;
import dev.ponder.book.job.StepRecord;
import dev.ponder.book.site.MkDocsBuild;
import dev.ponder.engine.Engine;
import dev.ponder.ui.Background;

/**
 * One book in the window: its steps and chapters as they are written, its learning graph to review and edit, and
 * the job that writes it (in an engine child of its own), which the user can pause, cancel and resume.
 */
public final class JobViewModel {

    /** What the job is doing. */
    public enum State {
        IDLE, RUNNING, STOPPING
    }

    /** What the book has so far, read off the disk. */
    private record Snapshot(CourseBrief brief, JobSettings settings, List<StepRecord> steps, LearningGraph graph,
                            boolean reviewed, boolean siteWritten) {
    }

    private final Path dir;
    private final Background background;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.IDLE);
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final ObservableList<StepRecord> steps = FXCollections.observableArrayList();
    private final ObservableList<BookProgress.ChapterState> chapters = FXCollections.observableArrayList();
    private final ObjectProperty<LearningGraph> graph = new SimpleObjectProperty<>();
    private final StringProperty graphSummary = new SimpleStringProperty("");
    private final BooleanProperty reviewed = new SimpleBooleanProperty(false);
    private final BooleanProperty siteWritten = new SimpleBooleanProperty(false);
    private CourseBrief brief;
    private JobSettings settings;
    private final Object stopLock = new Object();
    private BookJob running;
    private Consumer<BookJob> pendingStop;
    private volatile LearningGraph latestEdit;
    private final Object saveLock = new Object();

    public JobViewModel(Path dir, Background background) {
        this.dir = dir;
        this.background = background;
    }

    public Path dir() {
        return dir;
    }

    /** Reads the book's state off the disk again. */
    public void refresh() {
        refreshThen(() -> { });
    }

    /** Reads the book's state off the disk, then runs {@code next} on the FX thread. */
    public void refreshThen(Runnable next) {
        background.run(this::read, snapshot -> {
            show(snapshot);
            next.run();
        }, error -> message.set("Cannot read the book in " + dir + ": " + error.getMessage()));
    }

    private Snapshot read() throws IOException {
        CourseBrief readBrief = BriefFiles.load(dir.resolve(BookJob.BRIEF_FILE));
        JobSettings readSettings = JobSettings.read(dir);
        List<StepRecord> records;
        try (JobStore store = JobStore.open(dir)) {
            records = store.all();
        }
        Optional<LearningGraph> edited = ReviewedGraph.read(dir);
        Path generated = dir.resolve("docs").resolve("learning-graph").resolve(LearningGraphFiles.JSON_FILE);
        LearningGraph readGraph = edited.isPresent() ? edited.get()
                : Files.isRegularFile(generated) ? LearningGraphFiles.readJson(generated) : null;
        return new Snapshot(readBrief, readSettings, records, readGraph, edited.isPresent(),
                Files.isRegularFile(dir.resolve("mkdocs.yml")));
    }

    private void show(Snapshot snapshot) {
        brief = snapshot.brief();
        settings = snapshot.settings();
        title.set(brief.title());
        steps.setAll(snapshot.steps());
        showGraph(snapshot.graph());
        reviewed.set(snapshot.reviewed());
        siteWritten.set(snapshot.siteWritten());
        updateProgress();
    }

    /** Writes the learning graph only, for review before the chapters. */
    public void writeGraph() {
        start(job -> {
            job.learningGraph();
            return "The learning graph is written: review it on the Learning graph tab, then write the chapters.";
        });
    }

    /** Writes the whole book, continuing at its first unfinished step. */
    public void writeBook() {
        start(job -> {
            BookJob.Outcome outcome = job.run();
            String kept = outcome.site().keptHandEdited().isEmpty() ? ""
                    : " Your edits of " + String.join(", ", outcome.site().keptHandEdited()) + " were kept.";
            return "The book is written (" + outcome.steps().size() + " steps)." + kept;
        });
    }

    @FunctionalInterface
    private interface Work {
        String run(BookJob job) throws IOException;
    }

    private void start(Work work) {
        if (state.get() != State.IDLE || settings == null) {
            return;
        }
        state.set(State.RUNNING);
        message.set(settings.endpoint() != null ? "Connecting to " + settings.endpoint() + "…"
                : "Loading " + Path.of(settings.model()).getFileName() + "…");
        JobSettings jobSettings = settings;
        background.run(() -> {
            try (Engine engine = BookEngine.open(jobSettings)) {
                BookJob job = new BookJob(dir, engine, jobSettings.options(), progressListener());
                started(job);
                BookEngine.prepare(engine, jobSettings);
                return work.run(job);
            } finally {
                synchronized (stopLock) {
                    running = null;
                    pendingStop = null;
                }
            }
        }, this::finish, this::failed);
    }

    private JobProgress progressListener() {
        return new JobProgress() {
            @Override
            public void started(String step) {
                Background.onFx(() -> {
                    if (state.get() == State.RUNNING) {
                        message.set("Writing " + step + "…");
                    }
                });
            }

            @Override
            public void finished(StepRecord record) {
                Background.onFx(() -> {
                    steps.removeIf(step -> step.name().equals(record.name()));
                    steps.add(record);
                    updateProgress();
                });
            }
        };
    }

    private void finish(String done) {
        state.set(State.IDLE);
        message.set(done);
        refresh();
    }

    private void failed(Throwable error) {
        state.set(State.IDLE);
        message.set(error instanceof JobStop.JobStopped ? error.getMessage()
                : "The job stopped: " + error.getMessage() + " Finished steps are kept: press Write chapters to "
                        + "go on.");
        refresh();
    }

    /** Stops once the steps in flight are written. */
    public void pause() {
        stopWith(BookJob::pause, "Pausing after the steps in flight…");
    }

    /** Stops now; the steps in flight are written again on resume. */
    public void cancel() {
        stopWith(BookJob::cancel, "Cancelling…");
    }

    /** A stop asked for before the job exists (while its engine starts) is applied as soon as it does. */
    private void stopWith(Consumer<BookJob> stop, String saying) {
        if (state.get() != State.RUNNING) {
            return;
        }
        state.set(State.STOPPING);
        message.set(saying);
        synchronized (stopLock) {
            if (running != null) {
                stop.accept(running);
            } else {
                pendingStop = stop;
            }
        }
    }

    private void started(BookJob job) {
        synchronized (stopLock) {
            running = job;
            if (pendingStop != null) {
                pendingStop.accept(job);
                pendingStop = null;
            }
        }
    }

    /** Forgets one part of a chapter and writes the book on, which writes that part anew. */
    public void regenerate(int chapter, BookJob.Part part) {
        if (state.get() != State.IDLE) {
            return;
        }
        background.run(() -> {
            try (JobStore store = JobStore.open(dir)) {
                return store.forget(part.step(chapter));
            }
        }, forgotten -> {
            if (forgotten) {
                writeBook();
            } else {
                message.set("Chapter " + chapter + " has no " + part.name().toLowerCase(java.util.Locale.ROOT)
                        + " yet: write the chapters first.");
            }
        }, error -> message.set("Cannot regenerate: " + error.getMessage()));
    }

    /**
     * Applies an edit to the learning graph and keeps it as the reviewed graph; a refused edit says why. Returns
     * whether the edit was made.
     */
    public boolean edit(UnaryOperator<LearningGraph> change) {
        LearningGraph current = graph.get();
        if (current == null || state.get() != State.IDLE) {
            message.set(current == null ? "There is no learning graph to edit yet."
                    : "Wait for the job to stop before editing the graph.");
            return false;
        }
        LearningGraph changed;
        try {
            changed = change.apply(current);
        } catch (IllegalArgumentException refused) {
            message.set(refused.getMessage());
            return false;
        }
        showGraph(changed);
        reviewed.set(true);
        message.set("Edit kept. Chapters are planned from the edited graph when you write them.");
        latestEdit = changed;
        background.run(this::saveLatestEdit, ignored -> { },
                error -> message.set("Cannot keep the edit: " + error.getMessage()));
        return true;
    }

    /** Saves run side by side; each writes the newest edit, so the last to finish never leaves an older one. */
    private Void saveLatestEdit() throws IOException {
        synchronized (saveLock) {
            ReviewedGraph.write(dir, latestEdit);
        }
        return null;
    }

    /** Goes back to the graph the model wrote. */
    public void discardEdits() {
        background.run(() -> {
            ReviewedGraph.discard(dir);
            return null;
        }, ignored -> refresh(), error -> message.set("Cannot discard the edits: " + error.getMessage()));
    }

    /** What chapter {@code number} has so far, as Markdown, given to {@code show} on the FX thread. */
    public void preview(int number, Consumer<String> show) {
        background.run(() -> {
            try (JobStore store = JobStore.open(dir)) {
                return BookProgress.preview(store.all(), number).orElse("*Chapter " + number
                        + " is not written yet.*");
            }
        }, show, error -> show.accept("Cannot read chapter " + number + ": " + error.getMessage()));
    }

    /**
     * Builds the site with MkDocs and gives its home page's address to {@code open}; without MkDocs, says so and
     * opens the folder of Markdown pages instead.
     */
    public void openSite(Consumer<String> open) {
        message.set("Building the site…");
        background.run(this::buildSite, opened -> {
            message.set(opened.message());
            open.accept(opened.address());
        }, error -> message.set("Cannot build the site: " + error.getMessage()));
    }

    private record Opened(String message, String address) {
    }

    private Opened buildSite() throws IOException, InterruptedException {
        if (!MkDocsBuild.available()) {
            return new Opened("MkDocs is not installed, so the site cannot be built here: install it "
                    + "(pip install mkdocs-material) and press Open site again. The pages are in "
                    + dir.resolve("docs") + ".", dir.resolve("docs").toUri().toString());
        }
        MkDocsBuild.Result build = MkDocsBuild.build(dir, false);
        if (!build.passed()) {
            throw new IOException("mkdocs build failed: " + build.output().strip());
        }
        return new Opened("Site built in " + dir.resolve(MkDocsBuild.SITE_DIR) + ".",
                dir.resolve(MkDocsBuild.SITE_DIR).resolve("index.html").toUri().toString());
    }

    private void showGraph(LearningGraph shown) {
        graph.set(shown);
        if (shown == null) {
            graphSummary.set("No learning graph yet: press Write learning graph.");
            return;
        }
        var report = GraphChecks.check(shown);
        graphSummary.set(report.conceptCount() + " concepts, " + (report.acceptable() ? "sound"
                : "problems: " + String.join("; ", report.errors())));
    }

    private void updateProgress() {
        if (brief == null) {
            return;
        }
        chapters.setAll(BookProgress.chapters(steps, brief.chapters()));
        long done = steps.stream().filter(StepRecord::done).count();
        int expected = BookProgress.expectedSteps(brief, settings.options());
        progress.set(siteWritten.get() ? 1.0 : Math.min(0.99, done / (double) expected));
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ObservableList<StepRecord> steps() {
        return FXCollections.unmodifiableObservableList(steps);
    }

    public ObservableList<BookProgress.ChapterState> chapters() {
        return FXCollections.unmodifiableObservableList(chapters);
    }

    public ReadOnlyObjectProperty<LearningGraph> graphProperty() {
        return graph;
    }

    public ReadOnlyStringProperty graphSummaryProperty() {
        return graphSummary;
    }

    public ReadOnlyBooleanProperty reviewedProperty() {
        return reviewed;
    }

    public ReadOnlyBooleanProperty siteWrittenProperty() {
        return siteWritten;
    }
}
