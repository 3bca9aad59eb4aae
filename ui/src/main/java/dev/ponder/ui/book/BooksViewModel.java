package dev.ponder.ui.book;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.ponder.book.brief.BriefFiles;
import dev.ponder.book.job.BookFolder;
import dev.ponder.book.job.BookJob;
import dev.ponder.book.job.JobSettings;
import dev.ponder.ui.Background;

/**
 * The textbooks of a data folder: the list, the one shown, and a new one started from the wizard. Each book keeps
 * its view-model while the window is open, so a job goes on writing while the professor looks at another book.
 */
public final class BooksViewModel {

    /** A book in the list. */
    public record Entry(Path dir, String title) {
    }

    private final Path root;
    private final Background background;
    private final int threads;
    private final ObservableList<Entry> books = FXCollections.observableArrayList();
    private final ObjectProperty<JobViewModel> selected = new SimpleObjectProperty<>();
    private final StringProperty problem = new SimpleStringProperty("");
    private final Map<Path, JobViewModel> models = new HashMap<>();

    /** @param threads the CPU threads a book job's engine uses */
    public BooksViewModel(Path root, Background background, int threads) {
        this.root = root;
        this.background = background;
        this.threads = threads;
    }

    public Path root() {
        return root;
    }

    public void refresh() {
        background.run(this::list, books::setAll, error -> problem.set("Cannot list the books in " + root + ": "
                + error.getMessage()));
    }

    private List<Entry> list() throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Path dir : BookFolder.list(root)) {
            String title;
            try {
                title = BriefFiles.load(dir.resolve(BookJob.BRIEF_FILE)).title();
            } catch (IOException e) {
                title = dir.getFileName() + " (its brief cannot be read)";
            }
            entries.add(new Entry(dir, title));
        }
        return entries;
    }

    public void select(Path dir) {
        if (dir == null) {
            selected.set(null);
            return;
        }
        JobViewModel model = models.computeIfAbsent(dir, folder -> new JobViewModel(folder, background));
        model.refresh();
        selected.set(model);
    }

    /** Makes the book's folder from the wizard's answers, shows it and starts writing its learning graph. */
    public void create(NewBook book) {
        JobSettings settings = new JobSettings(book.model().toAbsolutePath().toString(), threads, -1,
                book.ignoreBriefScore(), book.parallel(), null);
        background.run(() -> {
            Path dir = BookFolder.unusedFolder(root, book.brief().title());
            BookFolder.create(dir, book.brief(), settings);
            return dir;
        }, dir -> {
            problem.set("");
            refresh();
            select(dir);
            selected.get().refreshThen(selected.get()::writeGraph);
        }, error -> problem.set("Cannot start the book: " + error.getMessage()));
    }

    /** The window closes: running jobs stop now and resume when the book is opened again. */
    public void cancelJobs() {
        models.values().forEach(JobViewModel::cancel);
    }

    public ObservableList<Entry> books() {
        return FXCollections.unmodifiableObservableList(books);
    }

    public ReadOnlyObjectProperty<JobViewModel> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }
}
